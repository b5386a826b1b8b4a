results-title = Результаты
results-summary = Метод подсчёта: { $method }. Мест: { $seats }. Учтено бюллетеней: { $ballots }.
results-set-aside = { $count ->
    [one] { $count } бюллетень не удалось прочитать, он отложен.
    [few] { $count } бюллетеня не удалось прочитать, они отложены.
   *[other] { $count } бюллетеней не удалось прочитать, они отложены.
}
results-elected = Избраны
results-none-elected = Никто не избран.
results-ranking = Рейтинг
results-chart-title = Голоса на последнем этапе подсчёта
results-quota = Квота
results-rounds = Подсчёт по этапам
results-stage = Этап
results-action = Действие
results-non-transferable = Непередаваемые
results-download = Обезличенные бюллетени
results-download-blt = Скачать в формате BLT
results-download-csv = Скачать в формате CSV
