# Die veröffentlichten Ergebnisse einer Wahl.

results-title = Ergebnisse
results-summary = Auszählungsverfahren: { $method }. Sitze: { $seats }. Gezählte Stimmzettel: { $ballots }.
results-set-aside = { $count ->
    [one] Ein Stimmzettel konnte nicht gelesen werden und wurde zurückgelegt.
   *[other] { $count } Stimmzettel konnten nicht gelesen werden und wurden zurückgelegt.
}
results-elected = Gewählt
results-none-elected = Niemand wurde gewählt.
results-ranking = Rangfolge
results-chart-title = Stimmen in der letzten Runde der Auszählung
results-quota = Quote
results-rounds = Die Auszählung Runde für Runde
results-stage = Runde
results-action = Vorgang
results-non-transferable = Nicht übertragbar
results-download = Anonymisierte Stimmzettel
results-download-blt = Als BLT herunterladen
results-download-csv = Als CSV herunterladen
