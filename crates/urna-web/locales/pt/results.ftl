results-title = Resultados
results-summary = Método de apuramento: { $method }. Lugares: { $seats }. Boletins contados: { $ballots }.
results-set-aside = { $count ->
    [one] { $count } boletim não pôde ser lido e foi posto de parte.
   *[other] { $count } boletins não puderam ser lidos e foram postos de parte.
}
results-elected = Eleitos
results-none-elected = Ninguém foi eleito.
results-ranking = Classificação
results-chart-title = Votos na última fase do apuramento
results-quota = Quota
results-rounds = O apuramento, fase a fase
results-stage = Fase
results-action = Ação
results-non-transferable = Não transferíveis
results-download = Boletins anonimizados
results-download-blt = Descarregar em BLT
results-download-csv = Descarregar em CSV
