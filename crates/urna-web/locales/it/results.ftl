results-title = Risultati
results-summary = Metodo di conteggio: { $method }. Seggi: { $seats }. Schede contate: { $ballots }.
results-set-aside = { $count ->
    [one] Una scheda non è stata letta ed è stata messa da parte.
   *[other] { $count } schede non sono state lette e sono state messe da parte.
}
results-elected = Eletti
results-none-elected = Nessuno è stato eletto.
results-ranking = Classifica
results-chart-title = Voti nell'ultima fase del conteggio
results-quota = Quota
results-rounds = Il conteggio, fase per fase
results-stage = Fase
results-action = Azione
results-non-transferable = Non trasferibili
results-download = Schede anonimizzate
results-download-blt = Scarica in BLT
results-download-csv = Scarica in CSV
