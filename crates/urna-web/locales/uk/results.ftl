results-title = Результати
results-summary = Метод підрахунку: { $method }. Місць: { $seats }. Зараховано бюлетенів: { $ballots }.
results-set-aside = { $count ->
    [one] { $count } бюлетень не вдалося прочитати, його відкладено.
    [few] { $count } бюлетені не вдалося прочитати, їх відкладено.
   *[other] { $count } бюлетенів не вдалося прочитати, їх відкладено.
}
results-elected = Обрані
results-none-elected = Нікого не обрано.
results-ranking = Рейтинг
results-chart-title = Голоси на останньому етапі підрахунку
results-quota = Квота
results-rounds = Підрахунок за етапами
results-stage = Етап
results-action = Дія
results-non-transferable = Непередавані
results-download = Знеособлені бюлетені
results-download-blt = Завантажити у форматі BLT
results-download-csv = Завантажити у форматі CSV
