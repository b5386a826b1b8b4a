# The published results of an election.

results-title = Results
results-summary = Counting method: { $method }. Seats: { $seats }. Ballots counted: { $ballots }.
results-set-aside = { $count ->
    [one] One ballot could not be read and was set aside.
   *[other] { $count } ballots could not be read and were set aside.
}
results-elected = Elected
results-none-elected = Nobody was elected.
results-ranking = Ranking
results-chart-title = Votes at the last stage of the count
results-quota = Quota
results-rounds = The count, stage by stage
results-stage = Stage
results-action = Action
results-non-transferable = Non-transferable
results-download = Anonymised ballots
results-download-blt = Download as BLT
results-download-csv = Download as CSV
