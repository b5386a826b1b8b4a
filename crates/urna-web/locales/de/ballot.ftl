# Die Stimmzettel-Seiten: Stimmzettel, Fehler, Bestätigung und Quittung.

ballot-title = Ihr Stimmzettel
ballot-intro = Beantworten Sie jede Frage oder enthalten Sie sich. Noch wird nichts abgegeben: Sie sehen Ihre Auswahl noch einmal, bevor Sie den Stimmzettel abgeben.
ballot-question-position = Frage { $number } von { $total }
ballot-list-separator = {", "}
ballot-abstain = Bei dieser Frage enthalten
ballot-withdrawn = Zurückgezogen, tritt nicht mehr an: { $names }
ballot-review-help = Als Nächstes sehen Sie Ihre Auswahl noch einmal, um sie vor der Abgabe zu prüfen.
ballot-review = Meinen Stimmzettel prüfen

ballot-instructions-choose-one = Wählen Sie eine Option.
ballot-instructions-approval-exactly = { $count ->
    [one] Billigen Sie genau eine Option.
   *[other] Billigen Sie genau { $count } Optionen.
}
ballot-instructions-approval-up-to = { $max ->
    [one] Billigen Sie höchstens eine Option. Sie dürfen auch keine billigen.
   *[other] Billigen Sie beliebig viele Optionen, höchstens { $max }. Sie dürfen auch keine billigen.
}
ballot-instructions-approval-range = Billigen Sie mindestens { $min } und höchstens { $max } Optionen.
ballot-instructions-score = Geben Sie jeder Option eine Punktzahl von { $min } (schlechteste) bis { $max } (beste), oder lassen Sie sie ohne Punktzahl.
ballot-instructions-son = Wählen Sie für jede Option Dafür, Neutral oder Dagegen, oder lassen Sie sie ohne Meinung.
ballot-instructions-ranked = Ordnen Sie die Kandidierenden nach Präferenz: 1 für Ihre erste Wahl, 2 für Ihre zweite und so weiter. Kandidierende ohne Zahl werden nicht eingestuft.
ballot-instructions-ranked-distinct = Geben Sie jeder eingestuften Person eine andere Zahl.
ballot-instructions-ranked-equal = Sie dürfen mehreren Kandidierenden dieselbe Zahl geben, um sie gleich einzustufen.
ballot-instructions-ranked-max = { $max ->
    [one] Sie dürfen nur eine Person einstufen.
   *[other] Sie dürfen höchstens { $max } Kandidierende einstufen.
}
ballot-instructions-ranked-js = Mit „Hinzufügen“ nehmen Sie Kandidierende in Ihre Rangfolge auf, mit „Nach oben“ und „Nach unten“ ordnen Sie sie. Ihre erste Wahl steht oben. Die Pfeiltasten nach oben und unten wechseln zwischen den Schaltflächen.
ballot-rank-range = Tragen Sie neben jeder Person, die Sie einstufen, eine Zahl von 1 bis { $max } ein.
ballot-score-blank = Keine Punktzahl
ballot-son-support = Dafür
ballot-son-neutral = Neutral
ballot-son-oppose = Dagegen
ballot-son-blank = Keine Meinung

ballot-js-your-ranking = Ihre Rangfolge
ballot-js-empty = Sie haben noch niemanden eingestuft.
ballot-js-candidates = Noch nicht eingestufte Kandidierende
ballot-js-filter = Kandidierende suchen
ballot-js-filter-count = { $count } Kandidierende angezeigt
ballot-js-add = Hinzufügen
ballot-js-add-label = { $name } zur Rangfolge hinzufügen
ballot-js-remove = Entfernen
ballot-js-remove-label = { $name } aus der Rangfolge entfernen
ballot-js-up = Nach oben
ballot-js-up-label = { $name } nach oben verschieben
ballot-js-down = Nach unten
ballot-js-down-label = { $name } nach unten verschieben
ballot-js-added = { $name } auf Rang { $rank } hinzugefügt
ballot-js-moved = { $name } auf Rang { $rank } verschoben
ballot-js-removed = { $name } aus der Rangfolge entfernt
ballot-js-at-top = { $name } ist bereits Ihre erste Wahl
ballot-js-at-bottom = { $name } steht bereits an letzter Stelle Ihrer Rangfolge
ballot-js-limit = Sie dürfen höchstens { $max } Kandidierende einstufen

ballot-error-summary-title = Ihr Stimmzettel braucht Ihre Aufmerksamkeit
ballot-error-summary-intro = Es wurde nichts abgegeben. Korrigieren Sie Folgendes und prüfen Sie Ihren Stimmzettel dann erneut:
ballot-error-in-question = Frage { $number }: { $message }
ballot-error-no-choice = Wählen Sie eine Option oder enthalten Sie sich bei dieser Frage.
ballot-error-abstain-and-answer = Sie haben Enthaltung gewählt, aber auch eine Auswahl markiert. Löschen Sie Ihre Auswahl oder entfernen Sie das Häkchen bei „Bei dieser Frage enthalten“.
ballot-error-several-choices = Wählen Sie nur eine Option.
ballot-error-unknown-option = Der Stimmzettel nannte eine Option, die nicht darauf steht („{ $value }“). Laden Sie die Seite neu und füllen Sie sie erneut aus.
ballot-error-withdrawn = { $name } hat sich zurückgezogen und kann nicht mehr gewählt werden.
ballot-error-repeated = { $name } kommt im Gesendeten zweimal vor. Laden Sie die Seite neu und füllen Sie sie erneut aus.
ballot-error-rank-not-number = Der Rang für { $name } muss eine ganze Zahl sein, nicht „{ $value }“.
ballot-error-score-not-number = Die Punktzahl für { $name } muss eine ganze Zahl sein, nicht „{ $value }“.
ballot-error-rank-out-of-range = Der Rang für { $name } muss zwischen 1 und { $max } liegen, nicht { $value }.
ballot-error-score-out-of-range = Die Punktzahl für { $name } muss zwischen { $min } und { $max } liegen, nicht { $value }.
ballot-error-equal-ranks = { $names } haben alle Rang { $rank }. Geben Sie jeder Person eine andere Zahl.
ballot-error-too-few = { $min ->
    [one] Billigen Sie mindestens eine Option oder enthalten Sie sich.
   *[other] Billigen Sie mindestens { $min } Optionen oder enthalten Sie sich.
}
ballot-error-too-many = { $max ->
    [one] Billigen Sie höchstens eine Option.
   *[other] Billigen Sie höchstens { $max } Optionen.
}
ballot-error-too-many-ranked = { $max ->
    [one] Stufen Sie nur eine Person ein.
   *[other] Stufen Sie höchstens { $max } Kandidierende ein.
}
ballot-error-other = Diese Antwort kann nicht angenommen werden: { $detail }
ballot-error-unknown-field = Das Formular enthielt etwas, das nicht zu diesem Stimmzettel gehört. Laden Sie die Seite neu und füllen Sie sie erneut aus.

ballot-confirm-title = Prüfen Sie Ihren Stimmzettel
ballot-confirm-intro = Ihr Stimmzettel ist noch nicht abgegeben. Prüfen Sie Ihre Auswahl und geben Sie den Stimmzettel dann ab oder ändern Sie ihn.
ballot-confirm-question = Frage { $number }:
ballot-confirm-abstain = Sie enthalten sich bei dieser Frage.
ballot-confirm-choice = Ihre Wahl:
ballot-confirm-approved-none = Sie billigen keine der Optionen.
ballot-confirm-approved = { $count ->
    [one] Sie billigen diese Option:
   *[other] Sie billigen diese { $count } Optionen:
}
ballot-confirm-scores-none = Sie haben keiner Option eine Punktzahl gegeben.
ballot-confirm-scores = { $blank ->
    [0] Ihre Punktzahlen:
    [one] Ihre Punktzahlen (eine Option ohne Punktzahl):
   *[other] Ihre Punktzahlen ({ $blank } Optionen ohne Punktzahl):
}
ballot-confirm-ranking = { $unranked ->
    [0] Ihre Rangfolge, erste Wahl zuerst:
    [one] Ihre Rangfolge, erste Wahl zuerst (eine Person nicht eingestuft):
   *[other] Ihre Rangfolge, erste Wahl zuerst ({ $unranked } Kandidierende nicht eingestuft):
}
ballot-confirm-equal = gleich eingestuft
ballot-confirm-secret = Sobald Sie Ihren Stimmzettel abgeben, wird er versiegelt: Niemand kann ihn allein lesen, auch nicht die Betreiber dieses Servers.
ballot-confirm-cast = Diesen Stimmzettel abgeben
ballot-confirm-change = Meinen Stimmzettel ändern

ballot-receipt-title = Ihr Stimmzettel wurde abgegeben
ballot-receipt-code-label = Ihr Quittungscode
ballot-receipt-keep = Schreiben Sie ihn auf oder speichern Sie ihn.
ballot-receipt-proves-title = Was dieser Code zeigt
ballot-receipt-proves = Der Code wird aus Ihrem versiegelten Stimmzettel berechnet. Damit können Sie prüfen, dass Ihr Stimmzettel erfasst wurde und unter den gezählten ist.
ballot-receipt-not-title = Was er nicht zeigt
ballot-receipt-not = Der Code verrät nicht, wie Sie abgestimmt haben, und kann niemandem beweisen, wie Sie abgestimmt haben: Niemand kann damit Ihre Stimme kaufen oder kontrollieren.
ballot-receipt-revote = Solange die Wahl offen ist, dürfen Sie erneut abstimmen. Nur Ihr letzter Stimmzettel zählt, und er erhält einen neuen Code.
ballot-receipt-no-revote = Diese Wahl erlaubt keine Änderung eines abgegebenen Stimmzettels.
ballot-preview-note = Dies ist eine Vorschau: Es wurde nichts erfasst, und der Code unten ist ein Beispiel.
