# Störungen: die Datenbank ist nicht erreichbar.
error-unavailable-title = Bitte versuchen Sie es in einigen Minuten erneut
error-unavailable-detail = Die Datenbank der Wahl ist gerade nicht erreichbar, daher wurde nichts von dem Gesendeten bestätigt. Ohne Quittung sollten Sie sich nicht auf Ihren Stimmzettel verlassen: Kommen Sie in einigen Minuten wieder und geben Sie ihn erneut ab (falls er die Urne doch erreicht hat, teilt die Wahl Ihnen das mit).
