# Élections vérifiables : bulletin chiffré dans le navigateur, audit de Benaloh, traceur.

verifiable-review-title = Vérifiez vos choix
verifiable-encrypting = Chiffrement de votre bulletin dans ce navigateur…
verifiable-encrypted = Votre bulletin est chiffré dans ce navigateur. Vos choix ne l’ont pas quitté. Déposez-le, ou auditez-le d’abord pour vérifier qu’il contient vos choix.
verifiable-tracker-label = Traceur de ce bulletin chiffré
verifiable-cast = Déposer ce bulletin
verifiable-audit = Auditer ce bulletin (il ne sera pas déposé)
verifiable-change = Modifier mes choix
verifiable-audit-title = Bulletin audité
verifiable-audit-ok = Vérifié dans cette page : ce bulletin chiffré contient exactement les choix affichés ci-dessus. Il a été écarté et ne sera jamais déposé ; vous pouvez garder le fichier et le vérifier avec n’importe quel vérificateur.
verifiable-audit-failed = Ce bulletin audité n’a pas passé la vérification : { $problem }. Ne déposez pas de bulletin depuis cette page ; prévenez les organisateurs de l’élection.
verifiable-audit-download = Télécharger le bulletin audité (JSON)
verifiable-encrypt-again = Chiffrer de nouveau mes choix
verifiable-invalid = Votre bulletin ne peut pas être chiffré tel qu’il est rempli : { $problem }
verifiable-abstain = S’abstenir
verifiable-unavailable = Ce navigateur n’a pas pu charger le script de chiffrement. Votre bulletin sera chiffré par le serveur quand vous continuerez.

verifiable-refused-title = Bulletin refusé
verifiable-refused-malformed = Le bulletin chiffré n’a pas pu être lu ({ $problem }). Rien n’a été enregistré. Revenez au bulletin et réessayez.
verifiable-refused-wrong-election = Ce bulletin chiffré a été créé pour une autre élection (ou pour celle-ci avant sa modification). Rien n’a été enregistré. Revenez au bulletin et votez de nouveau.
verifiable-refused-proof = Les preuves du bulletin chiffré ne sont pas valides ({ $problem }). Rien n’a été enregistré. Revenez au bulletin et votez de nouveau.
verifiable-refused-copied = Ce bulletin a déjà été déposé par quelqu’un d’autre : sa clé d’accréditation a déjà servi dans cette élection. Rien n’a été enregistré. Revenez au bulletin et votez de nouveau.

verifiable-receipt-tracker = Le traceur de votre bulletin
verifiable-receipt-board = Retrouver votre bulletin sur le tableau public
verifiable-receipt-inclusion = Votre bulletin chiffré apparaît sur le tableau public sans votre nom. La preuve de son inclusion sera disponible dès la publication de la prochaine tête d’arbre signée.
verifiable-sealed-by-voter = Votre bulletin a été chiffré dans votre navigateur.
verifiable-sealed-by-server = Votre bulletin a été chiffré par le serveur, car ce navigateur n’a pas exécuté le script de chiffrement.
