election-state-label = Κατάσταση
election-state-draft = Σε προετοιμασία
election-state-ready = Προγραμματισμένες
election-state-open = Ανοιχτές για ψηφοφορία
election-state-closed = Η ψηφοφορία έκλεισε· σύντομα η καταμέτρηση
election-state-counted = Καταμετρήθηκαν· τα αποτελέσματα δεν έχουν δημοσιευθεί ακόμη
election-state-published = Τα αποτελέσματα δημοσιεύθηκαν
election-state-archived = Αρχειοθετημένες
election-window-title = Περίοδος ψηφοφορίας
election-window-opens = Έναρξη
election-window-closes = Λήξη
election-window-zones = Οι ώρες δίνονται στη ζώνη ώρας των εκλογών ({ $election }) και έπειτα στη δική σας ({ $viewer }).
election-vote-title = Ψηφοφορία
election-vote-go = Μετάβαση στο ψηφοδέλτιό σας
election-vote-how = Για να ψηφίσετε, ανοίξτε τον προσωπικό σύνδεσμο ψηφοφορίας που λάβατε.
election-results-link = Δείτε τα αποτελέσματα
election-results-later = Τα αποτελέσματα δημοσιεύονται μετά την καταμέτρηση. Κανείς δεν βλέπει μερικά αποτελέσματα νωρίτερα.
election-questions-title = Ερωτήματα
election-question-position = Ερώτημα { $number } από { $total }:
election-kind-choose-one = επιλέξτε μία επιλογή.
election-kind-approval = εγκρίνετε τις επιλογές που υποστηρίζετε.
election-kind-support-oppose = υποστηρίξτε, μείνετε ουδέτεροι ή αντιταχθείτε σε κάθε επιλογή.
election-kind-score = βαθμολογήστε κάθε επιλογή.
election-kind-ranked = κατατάξτε τους υποψηφίους κατά προτίμηση.
election-method = Μέθοδος καταμέτρησης: { $method }· { $seats ->
    [one] μία έδρα.
   *[other] { $seats } έδρες.
}
election-turnout = { $eligible ->
    [one] Ψήφισαν { $voted } από 1 ψηφοφόρο.
   *[other] Ψήφισαν { $voted } από { $eligible } ψηφοφόρους.
}

voter-notice-back = Επιστροφή στη σελίδα των εκλογών
voter-notice-sign-in-title = Σύνδεση για ψηφοφορία
voter-notice-sign-in = Αυτό το ψηφοδέλτιο χρειάζεται τον προσωπικό σας σύνδεσμο ψηφοφορίας για αυτές τις εκλογές. Ανοίξτε τον σύνδεσμο που λάβατε.
voter-notice-wrong-election = Έχετε συνδεθεί για άλλες εκλογές. Ανοίξτε τον σύνδεσμο ψηφοφορίας που λάβατε για αυτές.
voter-notice-revoked = Αυτός ο σύνδεσμος ψηφοφορίας ανακλήθηκε. Ζητήστε νέο από τους διοργανωτές των εκλογών.
voter-notice-not-open-title = Η ψηφοφορία δεν είναι ανοιχτή
voter-notice-not-yet = Η ψηφοφορία δεν έχει αρχίσει ακόμη. Ανοίγει { $opens }.
voter-notice-closed = Η ψηφοφορία έκλεισε. Δεν μπορούν πλέον να υποβληθούν ή να αλλάξουν ψηφοδέλτια.
voter-notice-already-voted-title = Έχετε ήδη ψηφίσει
voter-notice-no-changes = Έχετε ήδη ψηφίσει και αυτές οι εκλογές δεν επιτρέπουν αλλαγή ψηφοδελτίου μετά την υποβολή του.
voter-notice-revote = Έχετε ήδη ψηφίσει. Αν υποβάλετε νέο ψηφοδέλτιο, αντικαθιστά το προηγούμενο: μετράει μόνο το τελευταίο.
voter-notice-replaced = Αυτό το ψηφοδέλτιο αντικατέστησε το προηγούμενο. Μόνο αυτό θα μετρηθεί.
voter-notice-struck = Το προηγούμενο ψηφοδέλτιό σας ακυρώθηκε από τους διαχειριστές των εκλογών (λόγος: { $reason }). Μπορείτε να ψηφίσετε ξανά.
voter-notice-invalid = Το ψηφοδέλτιό σας δεν έγινε δεκτό: { $problem }
