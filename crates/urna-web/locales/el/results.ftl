results-title = Αποτελέσματα
results-summary = Μέθοδος καταμέτρησης: { $method }. Έδρες: { $seats }. Ψηφοδέλτια που μετρήθηκαν: { $ballots }.
results-set-aside = { $count ->
    [one] Ένα ψηφοδέλτιο δεν μπόρεσε να διαβαστεί και τέθηκε στην άκρη.
   *[other] { $count } ψηφοδέλτια δεν μπόρεσαν να διαβαστούν και τέθηκαν στην άκρη.
}
results-elected = Εκλεγμένοι
results-none-elected = Κανείς δεν εξελέγη.
results-ranking = Κατάταξη
results-chart-title = Ψήφοι στο τελευταίο στάδιο της καταμέτρησης
results-quota = Μέτρο
results-rounds = Η καταμέτρηση, στάδιο προς στάδιο
results-stage = Στάδιο
results-action = Ενέργεια
results-non-transferable = Μη μεταβιβάσιμα
results-download = Ανωνυμοποιημένα ψηφοδέλτια
results-download-blt = Λήψη σε BLT
results-download-csv = Λήψη σε CSV
