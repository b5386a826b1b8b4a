results-title = Wyniki
results-summary = Metoda liczenia: { $method }. Mandaty: { $seats }. Policzone karty: { $ballots }.
results-set-aside = { $count ->
    [one] { $count } karty nie udało się odczytać i odłożono ją na bok.
   *[other] Kart, których nie udało się odczytać i które odłożono na bok: { $count }.
}
results-elected = Wybrani
results-none-elected = Nikt nie został wybrany.
results-ranking = Ranking
results-chart-title = Głosy na ostatnim etapie liczenia
results-quota = Kwota
results-rounds = Liczenie etap po etapie
results-stage = Etap
results-action = Działanie
results-non-transferable = Nieprzenoszalne
results-download = Zanonimizowane karty
results-download-blt = Pobierz jako BLT
results-download-csv = Pobierz jako CSV
