results-title = Resultats
results-summary = Mètode de recompte: { $method }. Escons: { $seats }. Paperetes comptades: { $ballots }.
results-set-aside = { $count ->
    [one] Una papereta no s'ha pogut llegir i s'ha apartat.
   *[other] { $count } paperetes no s'han pogut llegir i s'han apartat.
}
results-elected = Elegits
results-none-elected = No s'ha elegit ningú.
results-ranking = Classificació
results-chart-title = Vots en l'última etapa del recompte
results-quota = Quota
results-rounds = El recompte, etapa per etapa
results-stage = Etapa
results-action = Acció
results-non-transferable = No transferibles
results-download = Paperetes anonimitzades
results-download-blt = Baixa en BLT
results-download-csv = Baixa en CSV
