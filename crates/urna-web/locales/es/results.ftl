results-title = Resultados
results-summary = Método de recuento: { $method }. Escaños: { $seats }. Papeletas contadas: { $ballots }.
results-set-aside = { $count ->
    [one] Una papeleta no se pudo leer y se apartó.
   *[other] { $count } papeletas no se pudieron leer y se apartaron.
}
results-elected = Elegidos
results-none-elected = No se eligió a nadie.
results-ranking = Clasificación
results-chart-title = Votos en la última etapa del recuento
results-quota = Cuota
results-rounds = El recuento, etapa por etapa
results-stage = Etapa
results-action = Acción
results-non-transferable = No transferibles
results-download = Papeletas anonimizadas
results-download-blt = Descargar en BLT
results-download-csv = Descargar en CSV
