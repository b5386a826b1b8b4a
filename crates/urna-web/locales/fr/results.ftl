# Les résultats publiés d’une élection.

results-title = Résultats
results-summary = Méthode de décompte : { $method }. Sièges : { $seats }. Bulletins comptés : { $ballots }.
results-set-aside = { $count ->
    [one] { $count } bulletin n’a pas pu être lu et a été mis de côté.
   *[other] { $count } bulletins n’ont pas pu être lus et ont été mis de côté.
}
results-elected = Élus
results-none-elected = Personne n’a été élu.
results-ranking = Classement
results-chart-title = Voix au dernier tour du décompte
results-quota = Quota
results-rounds = Le décompte, tour par tour
results-stage = Tour
results-action = Opération
results-non-transferable = Non transférables
results-download = Bulletins anonymisés
results-download-blt = Télécharger au format BLT
results-download-csv = Télécharger au format CSV
