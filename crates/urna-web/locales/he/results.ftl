results-title = תוצאות
results-summary = שיטת הספירה: { $method }. מושבים: { $seats }. פתקים שנספרו: { $ballots }.
results-set-aside = { $count ->
    [one] פתק אחד לא היה קריא והונח בצד.
    [two] שני פתקים לא היו קריאים והונחו בצד.
   *[other] { $count } פתקים לא היו קריאים והונחו בצד.
}
results-elected = נבחרו
results-none-elected = איש לא נבחר.
results-ranking = דירוג
results-chart-title = קולות בשלב האחרון של הספירה
results-quota = מכסה
results-rounds = הספירה, שלב אחר שלב
results-stage = שלב
results-action = פעולה
results-non-transferable = לא ניתנים להעברה
results-download = פתקים שעברו התממה
results-download-blt = הורדה כ־BLT
results-download-csv = הורדה כ־CSV
