results-title = Tulokset
results-summary = Laskentamenetelmä: { $method }. Paikkoja: { $seats }. Laskettuja lippuja: { $ballots }.
results-set-aside = { $count ->
    [one] Yhtä lippua ei voitu lukea, ja se jätettiin syrjään.
   *[other] { $count } lippua ei voitu lukea, ja ne jätettiin syrjään.
}
results-elected = Valitut
results-none-elected = Ketään ei valittu.
results-ranking = Järjestys
results-chart-title = Äänet laskennan viimeisellä kierroksella
results-quota = Kiintiö
results-rounds = Laskenta kierros kierrokselta
results-stage = Kierros
results-action = Toimenpide
results-non-transferable = Siirtokelvottomat
results-download = Anonymisoidut liput
results-download-blt = Lataa BLT-muodossa
results-download-csv = Lataa CSV-muodossa
