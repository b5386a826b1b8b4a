results-title = Uitslag
results-summary = Telmethode: { $method }. Zetels: { $seats }. Getelde stembiljetten: { $ballots }.
results-set-aside = { $count ->
    [one] Eén stembiljet kon niet worden gelezen en is apart gelegd.
   *[other] { $count } stembiljetten konden niet worden gelezen en zijn apart gelegd.
}
results-elected = Gekozen
results-none-elected = Niemand is gekozen.
results-ranking = Rangschikking
results-chart-title = Stemmen in de laatste ronde van de telling
results-quota = Quotum
results-rounds = De telling, ronde voor ronde
results-stage = Ronde
results-action = Handeling
results-non-transferable = Niet overdraagbaar
results-download = Geanonimiseerde stembiljetten
results-download-blt = Downloaden als BLT
results-download-csv = Downloaden als CSV
