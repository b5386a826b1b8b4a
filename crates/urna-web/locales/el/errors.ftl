error-status = Σφάλμα { $status }
error-back-home = Επιστροφή στην αρχική σελίδα
error-not-found-title = Η σελίδα δεν βρέθηκε
error-not-found-detail = Δεν υπάρχει τίποτα σε αυτή τη διεύθυνση. Ελέγξτε τον σύνδεσμο ή ξεκινήστε ξανά από την αρχική σελίδα.
error-method-not-allowed-title = Δεν επιτρέπεται εδώ
error-method-not-allowed-detail = Αυτή η σελίδα δεν μπορεί να χρησιμοποιηθεί με αυτόν τον τρόπο.
error-bad-request-title = Το αίτημα δεν μπόρεσε να διαβαστεί
error-bad-request-detail = Κάτι λείπει ή είναι λανθασμένο σε όσα στάλθηκαν. Επιστρέψτε, ελέγξτε τη φόρμα και δοκιμάστε ξανά.
error-csrf-title = Η φόρμα δεν μπόρεσε να γίνει δεκτή
error-csrf-detail = Η φόρμα έληξε ή στάλθηκε από άλλο ιστότοπο. Επιστρέψτε, ανανεώστε τη σελίδα και δοκιμάστε ξανά.
error-rate-limited-title = Πάρα πολλές προσπάθειες
error-rate-limited-detail = { $seconds ->
    [one] Περιμένετε ένα δευτερόλεπτο και δοκιμάστε ξανά.
   *[other] Περιμένετε { $seconds } δευτερόλεπτα και δοκιμάστε ξανά.
}
error-payload-too-large-title = Πάρα πολλά δεδομένα
error-payload-too-large-detail = Όσα στάλθηκαν είναι περισσότερα από όσα δέχεται αυτός ο διακομιστής.
error-timeout-title = Αυτό πήρε πολύ χρόνο
error-timeout-detail = Ο διακομιστής δεν μπόρεσε να απαντήσει εγκαίρως. Δοκιμάστε ξανά σε λίγο.
error-internal-title = Κάτι πήγε στραβά
error-internal-detail = Ο διακομιστής δεν μπόρεσε να ολοκληρώσει το αίτημά σας. Δεν άλλαξε τίποτα· δοκιμάστε ξανά σε λίγο.
