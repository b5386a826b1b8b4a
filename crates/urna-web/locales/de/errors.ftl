# Fehlerseiten sowie Titel und Details von JSON-Problemdokumenten.

error-status = Fehler { $status }
error-back-home = Zurück zur Startseite
error-not-found-title = Seite nicht gefunden
error-not-found-detail = Unter dieser Adresse gibt es nichts. Prüfen Sie den Link oder beginnen Sie neu auf der Startseite.
error-method-not-allowed-title = Hier nicht erlaubt
error-method-not-allowed-detail = Diese Seite kann so nicht verwendet werden.
error-bad-request-title = Die Anfrage konnte nicht gelesen werden
error-bad-request-detail = In dem Gesendeten fehlt etwas oder ist fehlerhaft. Gehen Sie zurück, prüfen Sie das Formular und versuchen Sie es erneut.
error-csrf-title = Dieses Formular konnte nicht angenommen werden
error-csrf-detail = Das Formular ist abgelaufen oder wurde von einer anderen Website gesendet. Gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es erneut.
error-rate-limited-title = Zu viele Versuche
error-rate-limited-detail = { $seconds ->
    [one] Warten Sie eine Sekunde und versuchen Sie es dann erneut.
   *[other] Warten Sie { $seconds } Sekunden und versuchen Sie es dann erneut.
}
error-payload-too-large-title = Zu viele Daten
error-payload-too-large-detail = Das Gesendete ist größer, als dieser Server annimmt.
error-timeout-title = Das hat zu lange gedauert
error-timeout-detail = Der Server konnte nicht rechtzeitig antworten. Versuchen Sie es gleich noch einmal.
error-internal-title = Etwas ist schiefgegangen
error-internal-detail = Der Server konnte Ihre Anfrage nicht abschließen. Es wurde nichts geändert; versuchen Sie es gleich noch einmal.
