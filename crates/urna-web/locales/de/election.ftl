# Die öffentliche Seite einer Wahl und die Hinweise der Stimmzettel-Seiten.

election-state-label = Status
election-state-draft = In Vorbereitung
election-state-ready = Geplant
election-state-open = Zur Abstimmung geöffnet
election-state-closed = Die Abstimmung ist beendet; die Auszählung folgt bald
election-state-counted = Ausgezählt; Ergebnisse noch nicht veröffentlicht
election-state-published = Ergebnisse veröffentlicht
election-state-archived = Archiviert
election-window-title = Abstimmungszeitraum
election-window-opens = Beginn
election-window-closes = Ende
election-window-zones = Zeiten werden in der Zeitzone der Wahl ({ $election }) und danach in Ihrer ({ $viewer }) angegeben.
election-vote-title = Abstimmen
election-vote-go = Zu Ihrem Stimmzettel
election-vote-how = Öffnen Sie zum Abstimmen den persönlichen Wahllink, den Sie erhalten haben.
election-results-link = Ergebnisse ansehen
election-results-later = Die Ergebnisse werden nach der Auszählung veröffentlicht. Vorher sieht niemand Teilergebnisse.
election-questions-title = Fragen
election-question-position = Frage { $number } von { $total }:
election-kind-choose-one = eine Option wählen.
election-kind-approval = die Optionen billigen, die Sie unterstützen.
election-kind-support-oppose = jede Option unterstützen, ablehnen oder neutral bleiben.
election-kind-score = jeder Option eine Punktzahl geben.
election-kind-ranked = die Kandidierenden nach Präferenz ordnen.
election-method = Auszählungsverfahren: { $method }; { $seats ->
    [one] ein Sitz.
   *[other] { $seats } Sitze.
}
election-turnout = { $eligible ->
    [one] { $voted } von 1 Wahlberechtigten hat abgestimmt.
   *[other] { $voted } von { $eligible } Wahlberechtigten haben abgestimmt.
}

voter-notice-back = Zurück zur Seite der Wahl
voter-notice-sign-in-title = Zum Abstimmen anmelden
voter-notice-sign-in = Für diesen Stimmzettel brauchen Sie Ihren persönlichen Wahllink für diese Wahl. Öffnen Sie den Link, den Sie erhalten haben.
voter-notice-wrong-election = Sie sind für eine andere Wahl angemeldet. Öffnen Sie den Wahllink, den Sie für diese Wahl erhalten haben.
voter-notice-revoked = Dieser Wahllink wurde zurückgezogen. Bitten Sie die Wahlleitung um einen neuen.
voter-notice-not-open-title = Die Abstimmung ist nicht geöffnet
voter-notice-not-yet = Die Abstimmung hat noch nicht begonnen. Sie beginnt { $opens }.
voter-notice-closed = Die Abstimmung ist beendet. Stimmzettel können nicht mehr abgegeben oder geändert werden.
voter-notice-already-voted-title = Sie haben bereits abgestimmt
voter-notice-no-changes = Sie haben bereits abgestimmt, und diese Wahl erlaubt keine Änderung eines abgegebenen Stimmzettels.
voter-notice-revote = Sie haben bereits abgestimmt. Wenn Sie einen neuen Stimmzettel abgeben, ersetzt er den vorigen: Nur Ihr letzter Stimmzettel zählt.
voter-notice-replaced = Dieser Stimmzettel hat Ihren vorigen ersetzt. Nur dieser Stimmzettel wird gezählt.
voter-notice-struck = Ihr voriger Stimmzettel wurde von der Wahlleitung gestrichen (Grund: { $reason }). Sie dürfen erneut abstimmen.
voter-notice-invalid = Ihr Stimmzettel wurde nicht angenommen: { $problem }
