results-title = Eredmények
results-summary = Számlálási módszer: { $method }. Helyek: { $seats }. Megszámolt szavazólapok: { $ballots }.
results-set-aside = { $count ->
    [one] Egy szavazólapot nem lehetett beolvasni, ezért félretettük.
   *[other] { $count } szavazólapot nem lehetett beolvasni, ezért félretettük őket.
}
results-elected = Megválasztottak
results-none-elected = Senkit sem választottak meg.
results-ranking = Rangsor
results-chart-title = Szavazatok a számlálás utolsó fordulójában
results-quota = Kvóta
results-rounds = A számlálás fordulónként
results-stage = Forduló
results-action = Művelet
results-non-transferable = Át nem ruházható
results-download = Anonimizált szavazólapok
results-download-blt = Letöltés BLT formátumban
results-download-csv = Letöltés CSV formátumban
