results-title = Sonuçlar
results-summary = Sayım yöntemi: { $method }. Sandalye: { $seats }. Sayılan oy pusulası: { $ballots }.
results-set-aside = { $count ->
    [one] Bir oy pusulası okunamadı ve ayrıldı.
   *[other] { $count } oy pusulası okunamadı ve ayrıldı.
}
results-elected = Seçilenler
results-none-elected = Kimse seçilmedi.
results-ranking = Sıralama
results-chart-title = Sayımın son aşamasındaki oylar
results-quota = Kota
results-rounds = Aşama aşama sayım
results-stage = Aşama
results-action = İşlem
results-non-transferable = Aktarılamayan
results-download = Anonimleştirilmiş oy pusulaları
results-download-blt = BLT olarak indir
results-download-csv = CSV olarak indir
