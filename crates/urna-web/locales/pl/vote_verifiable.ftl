verifiable-review-title = Sprawdź swoje wybory
verifiable-encrypting = Szyfrowanie karty w tej przeglądarce…
verifiable-encrypted = Twoja karta jest zaszyfrowana w tej przeglądarce. Twoje wybory jej nie opuściły. Oddaj ją albo najpierw sprawdź, czy zawiera twoje wybory.
verifiable-tracker-label = Identyfikator śledzenia tej zaszyfrowanej karty
verifiable-cast = Oddaj tę kartę
verifiable-audit = Sprawdź tę kartę (nie zostanie oddana)
verifiable-change = Zmień moje wybory
verifiable-audit-title = Sprawdzona karta
verifiable-audit-ok = Sprawdzono na tej stronie: ta zaszyfrowana karta zawiera dokładnie wybory pokazane powyżej. Została odrzucona i nigdy nie zostanie oddana; możesz zachować plik i sprawdzić go dowolnym weryfikatorem.
verifiable-audit-failed = Sprawdzenie tej karty nie powiodło się: { $problem }. Nie oddawaj karty z tej strony; powiadom organizatorów wyborów.
verifiable-audit-download = Pobierz sprawdzoną kartę (JSON)
verifiable-encrypt-again = Zaszyfruj moje wybory ponownie
verifiable-invalid = Twojej karty nie można zaszyfrować w tej postaci: { $problem }
verifiable-abstain = Wstrzymuję się
verifiable-unavailable = Ta przeglądarka nie mogła wczytać skryptu szyfrującego. Gdy przejdziesz dalej, kartę zaszyfruje serwer.

verifiable-refused-title = Karta nieprzyjęta
verifiable-refused-malformed = Nie udało się odczytać zaszyfrowanej karty ({ $problem }). Nic nie zapisano. Wróć do karty i spróbuj ponownie.
verifiable-refused-wrong-election = Ta zaszyfrowana karta powstała dla innych wyborów (lub dla tych przed ich zmianą). Nic nie zapisano. Wróć do karty i zagłosuj ponownie.
verifiable-refused-proof = Dowody zaszyfrowanej karty się nie zgadzają ({ $problem }). Nic nie zapisano. Wróć do karty i zagłosuj ponownie.
verifiable-refused-copied = Tę kartę oddał już ktoś inny: jej klucz uwierzytelniający został już użyty w tych wyborach. Nic nie zapisano. Wróć do karty i zagłosuj ponownie.

verifiable-receipt-tracker = Identyfikator śledzenia twojej karty
verifiable-receipt-board = Znajdź swoją kartę na tablicy publicznej
verifiable-receipt-inclusion = Twoja zaszyfrowana karta pojawia się na tablicy publicznej bez twojego imienia. Dowód jej zawarcia będzie dostępny po opublikowaniu następnego podpisanego wierzchołka drzewa.
verifiable-sealed-by-voter = Twoja karta została zaszyfrowana w twojej przeglądarce.
verifiable-sealed-by-server = Twoją kartę zaszyfrował serwer, ponieważ ta przeglądarka nie uruchomiła skryptu szyfrującego.
