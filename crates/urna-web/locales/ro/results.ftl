results-title = Rezultate
results-summary = Metoda de numărare: { $method }. Locuri: { $seats }. Buletine numărate: { $ballots }.
results-set-aside = { $count ->
    [one] Un buletin nu a putut fi citit și a fost pus deoparte.
    [few] { $count } buletine nu au putut fi citite și au fost puse deoparte.
   *[other] { $count } de buletine nu au putut fi citite și au fost puse deoparte.
}
results-elected = Aleși
results-none-elected = Nu a fost ales nimeni.
results-ranking = Clasament
results-chart-title = Voturi în ultima etapă a numărării
results-quota = Cotă
results-rounds = Numărarea, etapă cu etapă
results-stage = Etapă
results-action = Acțiune
results-non-transferable = Netransferabile
results-download = Buletine anonimizate
results-download-blt = Descarcă în format BLT
results-download-csv = Descarcă în format CSV
