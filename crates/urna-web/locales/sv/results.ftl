results-title = Resultat
results-summary = Räknemetod: { $method }. Mandat: { $seats }. Räknade valsedlar: { $ballots }.
results-set-aside = { $count ->
    [one] En valsedel kunde inte läsas och lades åt sidan.
   *[other] { $count } valsedlar kunde inte läsas och lades åt sidan.
}
results-elected = Valda
results-none-elected = Ingen blev vald.
results-ranking = Rangordning
results-chart-title = Röster i rösträkningens sista omgång
results-quota = Kvot
results-rounds = Rösträkningen omgång för omgång
results-stage = Omgång
results-action = Åtgärd
results-non-transferable = Ej överförbara
results-download = Anonymiserade valsedlar
results-download-blt = Ladda ner som BLT
results-download-csv = Ladda ner som CSV
