verifiable-review-title = Verificați-vă opțiunile
verifiable-encrypting = Se criptează buletinul în acest browser…
verifiable-encrypted = Buletinul este criptat în acest browser. Opțiunile dumneavoastră nu l-au părăsit. Depuneți-l sau auditați-l mai întâi pentru a verifica că vă conține opțiunile.
verifiable-tracker-label = Codul de urmărire al acestui buletin criptat
verifiable-cast = Depune acest buletin
verifiable-audit = Auditează acest buletin (nu va fi depus)
verifiable-change = Modifică opțiunile mele
verifiable-audit-title = Buletin auditat
verifiable-audit-ok = Verificat în această pagină: acest buletin criptat conține exact opțiunile afișate mai sus. A fost eliminat și nu va fi depus niciodată; puteți păstra fișierul și îl puteți verifica cu orice verificator.
verifiable-audit-failed = Acest buletin auditat nu a trecut verificarea: { $problem }. Nu depuneți niciun buletin din această pagină; anunțați organizatorii alegerilor.
verifiable-audit-download = Descarcă buletinul auditat (JSON)
verifiable-encrypt-again = Criptează din nou opțiunile mele
verifiable-invalid = Buletinul nu poate fi criptat așa cum este completat: { $problem }
verifiable-abstain = Abținere
verifiable-unavailable = Acest browser nu a putut încărca scriptul de criptare. Când continuați, buletinul va fi criptat de server.

verifiable-refused-title = Buletin neacceptat
verifiable-refused-malformed = Buletinul criptat nu a putut fi citit ({ $problem }). Nu s-a salvat nimic. Reveniți la buletin și încercați din nou.
verifiable-refused-wrong-election = Acest buletin criptat a fost făcut pentru alte alegeri (sau pentru acestea înainte să se schimbe). Nu s-a salvat nimic. Reveniți la buletin și votați din nou.
verifiable-refused-proof = Dovezile buletinului criptat nu se verifică ({ $problem }). Nu s-a salvat nimic. Reveniți la buletin și votați din nou.
verifiable-refused-copied = Acest buletin a fost deja depus de altcineva: cheia sa de acreditare a fost deja folosită în aceste alegeri. Nu s-a salvat nimic. Reveniți la buletin și votați din nou.

verifiable-receipt-tracker = Codul de urmărire al buletinului dumneavoastră
verifiable-receipt-board = Găsiți-vă buletinul pe panoul public
verifiable-receipt-inclusion = Buletinul criptat apare pe panoul public fără numele dumneavoastră. Dovada includerii devine disponibilă după publicarea următorului vârf de arbore semnat.
verifiable-sealed-by-voter = Buletinul a fost criptat în browserul dumneavoastră.
verifiable-sealed-by-server = Buletinul a fost criptat de server, deoarece acest browser nu a rulat scriptul de criptare.
