# Überprüfbare Wahlen: im Browser verschlüsselte Stimmzettel, Benaloh-Prüfung, Tracker.

verifiable-review-title = Prüfen Sie Ihre Auswahl
verifiable-encrypting = Ihr Stimmzettel wird in diesem Browser verschlüsselt…
verifiable-encrypted = Ihr Stimmzettel ist in diesem Browser verschlüsselt. Ihre Auswahl hat ihn nicht verlassen. Geben Sie ihn ab, oder prüfen Sie zuerst, dass er Ihre Auswahl enthält.
verifiable-tracker-label = Tracker dieses verschlüsselten Stimmzettels
verifiable-cast = Diesen Stimmzettel abgeben
verifiable-audit = Diesen Stimmzettel prüfen (er wird nicht abgegeben)
verifiable-change = Meine Auswahl ändern
verifiable-audit-title = Geprüfter Stimmzettel
verifiable-audit-ok = In dieser Seite geprüft: Dieser verschlüsselte Stimmzettel enthält genau die oben gezeigte Auswahl. Er wurde verworfen und wird nie abgegeben; Sie können die Datei behalten und mit jedem Prüfprogramm kontrollieren.
verifiable-audit-failed = Die Prüfung dieses Stimmzettels ist fehlgeschlagen: { $problem }. Geben Sie auf dieser Seite keinen Stimmzettel ab; informieren Sie die Wahlleitung.
verifiable-audit-download = Geprüften Stimmzettel herunterladen (JSON)
verifiable-encrypt-again = Meine Auswahl erneut verschlüsseln
verifiable-invalid = Ihr Stimmzettel kann so nicht verschlüsselt werden: { $problem }
verifiable-abstain = Enthaltung
verifiable-unavailable = Dieser Browser konnte das Verschlüsselungsskript nicht laden. Ihr Stimmzettel wird stattdessen vom Server verschlüsselt, wenn Sie fortfahren.

verifiable-refused-title = Stimmzettel nicht angenommen
verifiable-refused-malformed = Der verschlüsselte Stimmzettel konnte nicht gelesen werden ({ $problem }). Es wurde nichts gespeichert. Gehen Sie bitte zurück zum Stimmzettel und versuchen Sie es erneut.
verifiable-refused-wrong-election = Dieser verschlüsselte Stimmzettel wurde für eine andere Wahl erstellt (oder für diese, bevor sie geändert wurde). Es wurde nichts gespeichert. Gehen Sie bitte zurück zum Stimmzettel und stimmen Sie erneut ab.
verifiable-refused-proof = Die Nachweise des verschlüsselten Stimmzettels sind nicht stimmig ({ $problem }). Es wurde nichts gespeichert. Gehen Sie bitte zurück zum Stimmzettel und stimmen Sie erneut ab.
verifiable-refused-copied = Dieser Stimmzettel wurde bereits von jemand anderem abgegeben: Sein Berechtigungsschlüssel wurde in dieser Wahl schon verwendet. Es wurde nichts gespeichert. Gehen Sie bitte zurück zum Stimmzettel und stimmen Sie erneut ab.

verifiable-receipt-tracker = Tracker Ihres Stimmzettels
verifiable-receipt-board = Ihren Stimmzettel auf der öffentlichen Tafel finden
verifiable-receipt-inclusion = Ihr verschlüsselter Stimmzettel erscheint ohne Ihren Namen auf der öffentlichen Tafel. Der Nachweis, dass er enthalten ist, ist verfügbar, sobald der nächste signierte Baumkopf veröffentlicht ist.
verifiable-sealed-by-voter = Ihr Stimmzettel wurde in Ihrem Browser verschlüsselt.
verifiable-sealed-by-server = Ihr Stimmzettel wurde vom Server verschlüsselt, weil dieser Browser das Verschlüsselungsskript nicht ausgeführt hat.
