results-title = Výsledky
results-summary = Metoda sčítání: { $method }. Mandáty: { $seats }. Sečtené lístky: { $ballots }.
results-set-aside = { $count ->
    [one] { $count } lístek nešlo přečíst a byl odložen.
    [few] { $count } lístky nešlo přečíst a byly odloženy.
    [many] { $count } lístku nešlo přečíst a bylo odloženo.
   *[other] { $count } lístků nešlo přečíst a bylo odloženo.
}
results-elected = Zvoleni
results-none-elected = Nikdo nebyl zvolen.
results-ranking = Pořadí
results-chart-title = Hlasy v posledním kole sčítání
results-quota = Kvóta
results-rounds = Sčítání kolo po kole
results-stage = Kolo
results-action = Úkon
results-non-transferable = Nepřenosné
results-download = Anonymizované lístky
results-download-blt = Stáhnout jako BLT
results-download-csv = Stáhnout jako CSV
