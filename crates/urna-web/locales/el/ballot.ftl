ballot-title = Το ψηφοδέλτιό σας
ballot-intro = Απαντήστε σε κάθε ερώτημα ή επιλέξτε αποχή. Τίποτα δεν έχει υποβληθεί ακόμη: θα δείτε ξανά τις επιλογές σας πριν υποβάλετε το ψηφοδέλτιο.
ballot-question-position = Ερώτημα { $number } από { $total }
ballot-list-separator = {", "}
ballot-abstain = Αποχή από αυτό το ερώτημα
ballot-withdrawn = Αποσύρθηκαν, δεν είναι πια υποψήφιοι: { $names }
ballot-review-help = Στη συνέχεια θα δείτε ξανά τις επιλογές σας για να τις ελέγξετε πριν υποβάλετε το ψηφοδέλτιο.
ballot-review = Έλεγχος του ψηφοδελτίου μου

ballot-instructions-choose-one = Επιλέξτε μία επιλογή.
ballot-instructions-approval-exactly = { $count ->
    [one] Εγκρίνετε ακριβώς μία επιλογή.
   *[other] Εγκρίνετε ακριβώς { $count } επιλογές.
}
ballot-instructions-approval-up-to = { $max ->
    [one] Εγκρίνετε το πολύ μία επιλογή. Μπορείτε να μην εγκρίνετε καμία.
   *[other] Εγκρίνετε όσες επιλογές θέλετε, το πολύ { $max }. Μπορείτε να μην εγκρίνετε καμία.
}
ballot-instructions-approval-range = Εγκρίνετε τουλάχιστον { $min } και το πολύ { $max } επιλογές.
ballot-instructions-score = Δώστε σε κάθε επιλογή βαθμό από { $min } (χειρότερο) έως { $max } (καλύτερο) ή αφήστε την χωρίς βαθμό.
ballot-instructions-son = Για κάθε επιλογή διαλέξτε Υπέρ, Ουδέτερα ή Κατά ή αφήστε την χωρίς γνώμη.
ballot-instructions-ranked = Κατατάξτε τους υποψηφίους κατά προτίμηση: 1 για την πρώτη σας επιλογή, 2 για τη δεύτερη κ.ο.κ. Όσοι μείνουν κενοί δεν κατατάσσονται.
ballot-instructions-ranked-distinct = Δώστε σε κάθε υποψήφιο που κατατάσσετε διαφορετικό αριθμό.
ballot-instructions-ranked-equal = Μπορείτε να δώσετε τον ίδιο αριθμό σε πολλούς υποψηφίους για να τους κατατάξετε ισότιμα.
ballot-instructions-ranked-max = { $max ->
    [one] Μπορείτε να κατατάξετε μόνο έναν υποψήφιο.
   *[other] Μπορείτε να κατατάξετε το πολύ { $max } υποψηφίους.
}
ballot-instructions-ranked-js = Χρησιμοποιήστε το «Προσθήκη» για να βάλετε υποψηφίους στην κατάταξή σας και έπειτα τα «Πάνω» και «Κάτω» για να την ταξινομήσετε. Η πρώτη σας επιλογή είναι στην κορυφή. Τα βέλη πάνω και κάτω μετακινούνται μεταξύ των κουμπιών.
ballot-rank-range = Γράψτε έναν αριθμό από 1 έως { $max } δίπλα σε κάθε υποψήφιο που κατατάσσετε.
ballot-score-blank = Χωρίς βαθμό
ballot-son-support = Υπέρ
ballot-son-neutral = Ουδέτερα
ballot-son-oppose = Κατά
ballot-son-blank = Χωρίς γνώμη

ballot-js-your-ranking = Η κατάταξή σας
ballot-js-empty = Δεν έχετε κατατάξει κανέναν ακόμη.
ballot-js-candidates = Υποψήφιοι που δεν έχουν καταταχθεί
ballot-js-filter = Αναζήτηση υποψηφίου
ballot-js-filter-count = Εμφανίζονται { $count } υποψήφιοι
ballot-js-add = Προσθήκη
ballot-js-add-label = Προσθήκη του { $name } στην κατάταξή σας
ballot-js-remove = Αφαίρεση
ballot-js-remove-label = Αφαίρεση του { $name } από την κατάταξή σας
ballot-js-up = Πάνω
ballot-js-up-label = Μετακίνηση του { $name } πάνω
ballot-js-down = Κάτω
ballot-js-down-label = Μετακίνηση του { $name } κάτω
ballot-js-added = { $name }: προστέθηκε στη θέση { $rank }
ballot-js-moved = { $name }: μετακινήθηκε στη θέση { $rank }
ballot-js-removed = { $name }: αφαιρέθηκε από την κατάταξή σας
ballot-js-at-top = { $name }: είναι ήδη η πρώτη σας επιλογή
ballot-js-at-bottom = { $name }: είναι ήδη τελευταίος στην κατάταξή σας
ballot-js-limit = Μπορείτε να κατατάξετε το πολύ { $max } υποψηφίους

ballot-error-summary-title = Το ψηφοδέλτιό σας χρειάζεται προσοχή
ballot-error-summary-intro = Τίποτα δεν υποβλήθηκε. Διορθώστε τα παρακάτω και ελέγξτε ξανά το ψηφοδέλτιό σας:
ballot-error-in-question = Ερώτημα { $number }: { $message }
ballot-error-no-choice = Επιλέξτε μια επιλογή ή επιλέξτε αποχή από αυτό το ερώτημα.
ballot-error-abstain-and-answer = Επιλέξατε αποχή αλλά σημειώσατε και επιλογές. Καθαρίστε τις επιλογές σας ή καταργήστε την επιλογή «Αποχή από αυτό το ερώτημα».
ballot-error-several-choices = Επιλέξτε μόνο μία επιλογή.
ballot-error-unknown-option = Το ψηφοδέλτιο ανέφερε επιλογή που δεν υπάρχει σε αυτό («{ $value }»). Ανανεώστε τη σελίδα και συμπληρώστε την ξανά.
ballot-error-withdrawn = { $name }: αποσύρθηκε και δεν μπορεί πλέον να επιλεγεί.
ballot-error-repeated = { $name }: εμφανίζεται δύο φορές σε όσα στάλθηκαν. Ανανεώστε τη σελίδα και συμπληρώστε την ξανά.
ballot-error-rank-not-number = Η θέση για { $name } πρέπει να είναι ακέραιος αριθμός, όχι «{ $value }».
ballot-error-score-not-number = Ο βαθμός για { $name } πρέπει να είναι ακέραιος αριθμός, όχι «{ $value }».
ballot-error-rank-out-of-range = Η θέση για { $name } πρέπει να είναι από 1 έως { $max }, όχι { $value }.
ballot-error-score-out-of-range = Ο βαθμός για { $name } πρέπει να είναι από { $min } έως { $max }, όχι { $value }.
ballot-error-equal-ranks = { $names } έχουν όλοι τη θέση { $rank }. Δώστε σε κάθε υποψήφιο διαφορετικό αριθμό.
ballot-error-too-few = { $min ->
    [one] Εγκρίνετε τουλάχιστον μία επιλογή ή επιλέξτε αποχή.
   *[other] Εγκρίνετε τουλάχιστον { $min } επιλογές ή επιλέξτε αποχή.
}
ballot-error-too-many = { $max ->
    [one] Εγκρίνετε το πολύ μία επιλογή.
   *[other] Εγκρίνετε το πολύ { $max } επιλογές.
}
ballot-error-too-many-ranked = { $max ->
    [one] Κατατάξτε μόνο έναν υποψήφιο.
   *[other] Κατατάξτε το πολύ { $max } υποψηφίους.
}
ballot-error-other = Αυτή η απάντηση δεν μπορεί να γίνει δεκτή: { $detail }
ballot-error-unknown-field = Η φόρμα περιείχε κάτι που δεν ανήκει σε αυτό το ψηφοδέλτιο. Ανανεώστε τη σελίδα και συμπληρώστε την ξανά.

ballot-confirm-title = Ελέγξτε το ψηφοδέλτιό σας
ballot-confirm-intro = Το ψηφοδέλτιό σας δεν έχει υποβληθεί ακόμη. Ελέγξτε τις επιλογές σας και μετά υποβάλετε ή αλλάξτε το ψηφοδέλτιο.
ballot-confirm-question = Ερώτημα { $number }:
ballot-confirm-abstain = Απέχετε από αυτό το ερώτημα.
ballot-confirm-choice = Επιλέξατε:
ballot-confirm-approved-none = Δεν εγκρίνετε καμία από τις επιλογές.
ballot-confirm-approved = { $count ->
    [one] Εγκρίνετε αυτή την επιλογή:
   *[other] Εγκρίνετε αυτές τις { $count } επιλογές:
}
ballot-confirm-scores-none = Δεν βαθμολογήσατε καμία επιλογή.
ballot-confirm-scores = { $blank ->
    [0] Οι βαθμοί σας:
    [one] Οι βαθμοί σας (μία επιλογή χωρίς βαθμό):
   *[other] Οι βαθμοί σας ({ $blank } επιλογές χωρίς βαθμό):
}
ballot-confirm-ranking = { $unranked ->
    [0] Η κατάταξή σας, με πρώτη την πρώτη επιλογή:
    [one] Η κατάταξή σας, με πρώτη την πρώτη επιλογή (ένας υποψήφιος χωρίς κατάταξη):
   *[other] Η κατάταξή σας, με πρώτη την πρώτη επιλογή ({ $unranked } υποψήφιοι χωρίς κατάταξη):
}
ballot-confirm-equal = ισότιμα
ballot-confirm-secret = Μόλις υποβάλετε το ψηφοδέλτιό σας, σφραγίζεται αμέσως: κανείς δεν μπορεί να το διαβάσει μόνος του, ούτε καν όσοι διαχειρίζονται αυτόν τον διακομιστή.
ballot-confirm-cast = Υποβολή αυτού του ψηφοδελτίου
ballot-confirm-change = Αλλαγή του ψηφοδελτίου μου

ballot-receipt-title = Το ψηφοδέλτιό σας υποβλήθηκε
ballot-receipt-code-label = Ο κωδικός απόδειξής σας
ballot-receipt-keep = Σημειώστε τον ή αποθηκεύστε τον.
ballot-receipt-proves-title = Τι δείχνει αυτός ο κωδικός
ballot-receipt-proves = Ο κωδικός υπολογίζεται από το σφραγισμένο ψηφοδέλτιό σας. Σας επιτρέπει να ελέγξετε ότι το ψηφοδέλτιό σας καταγράφηκε και είναι ανάμεσα σε όσα μετρήθηκαν.
ballot-receipt-not-title = Τι δεν δείχνει
ballot-receipt-not = Ο κωδικός δεν αποκαλύπτει τι ψηφίσατε και δεν μπορεί να το αποδείξει σε κανέναν: κανείς δεν μπορεί να τον χρησιμοποιήσει για να αγοράσει ή να ελέγξει την ψήφο σας.
ballot-receipt-revote = Όσο οι εκλογές είναι ανοιχτές, μπορείτε να ψηφίσετε ξανά. Μετράει μόνο το τελευταίο ψηφοδέλτιό σας, το οποίο παίρνει νέο κωδικό.
ballot-receipt-no-revote = Αυτές οι εκλογές δεν επιτρέπουν αλλαγή ψηφοδελτίου μετά την υποβολή του.
ballot-preview-note = Αυτή είναι προεπισκόπηση: δεν καταγράφηκε τίποτα και ο παρακάτω κωδικός είναι παράδειγμα.
