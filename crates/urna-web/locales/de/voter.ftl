# Seiten für Wählende: Startseite und Anmeldung mit einem Wahllink.

home-title = Wahlen, denen eine Gemeinschaft vertrauen kann
home-intro = Urna führt Online-Wahlen mit geheimer Stimmabgabe durch. Wählende melden sich mit einem persönlichen Wahllink an, und jeder Stimmzettel wird in dem Moment versiegelt, in dem er eintrifft.
home-secret-title = Ihre Stimme bleibt geheim
home-secret-text = Stimmzettel werden mit einem Schlüssel verschlüsselt, der unter mehreren Treuhändern aufgeteilt ist. Keine einzelne Person, auch nicht die Betreiber dieses Servers, kann einen Stimmzettel lesen.
home-count-title = Jede Stimme wird exakt gezählt
home-count-text = Nach Ende der Wahl werden die versiegelten Stimmzettel gemischt, die Treuhänder entschlüsseln sie gemeinsam, und das Ergebnis wird nach dem angekündigten Verfahren ausgezählt.
home-elections-title = Wahlen
home-no-elections = Auf diesem Server gibt es noch keine öffentlichen Wahlen.
home-have-link = Haben Sie einen Wahllink erhalten?
home-sign-in = Zum Abstimmen anmelden

vote-title = Zum Abstimmen anmelden
vote-intro = Öffnen Sie den persönlichen Wahllink, den Sie erhalten haben, oder fügen Sie ihn hier ein.
vote-token-label = Wahllink oder Code
vote-token-help = Ihr Link ist persönlich. Leiten Sie ihn nicht weiter: Wer ihn hat, kann an Ihrer Stelle abstimmen.
vote-submit = Weiter
vote-instructions-title = So funktioniert die Abstimmung
vote-instructions-sign-in = Nach der Anmeldung sehen Sie den Stimmzettel für jede Frage der Wahl.
vote-instructions-review = Bevor Ihre Stimme erfasst wird, können Sie Ihre Auswahl auf einer Bestätigungsseite prüfen.
vote-instructions-receipt = Danach erhalten Sie einen Quittungscode. Bewahren Sie ihn auf: Er zeigt, dass Ihr Stimmzettel erfasst wurde, ohne zu verraten, wie Sie abgestimmt haben.
vote-instructions-revote = Solange die Wahl offen ist, dürfen Sie erneut abstimmen; nur Ihr letzter Stimmzettel zählt, sofern die Wahl Änderungen erlaubt.
vote-error-empty = Geben Sie Ihren Wahllink oder Code ein.
vote-error-malformed = Das ist kein Wahllink. Kopieren Sie den ganzen Link aus Ihrer E-Mail und versuchen Sie es erneut.
vote-error-unknown = Dieser Wahllink ist unbekannt oder abgelaufen. Prüfen Sie, ob Sie ihn vollständig kopiert haben, oder bitten Sie die Wahlleitung um einen neuen.
