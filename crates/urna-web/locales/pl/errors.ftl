error-status = Błąd { $status }
error-back-home = Wróć na stronę główną
error-not-found-title = Nie znaleziono strony
error-not-found-detail = Pod tym adresem nic nie ma. Sprawdź link albo zacznij od strony głównej.
error-method-not-allowed-title = Niedozwolone w tym miejscu
error-method-not-allowed-detail = Tej strony nie można użyć w ten sposób.
error-bad-request-title = Nie udało się odczytać żądania
error-bad-request-detail = W przesłanych danych czegoś brakuje lub są błędne. Wróć, sprawdź formularz i spróbuj ponownie.
error-csrf-title = Nie można przyjąć tego formularza
error-csrf-detail = Formularz wygasł lub został wysłany z innej witryny. Wróć, odśwież stronę i spróbuj ponownie.
error-rate-limited-title = Zbyt wiele prób
error-rate-limited-detail = { $seconds ->
    [one] Poczekaj { $seconds } sekundę i spróbuj ponownie.
    [few] Poczekaj { $seconds } sekundy i spróbuj ponownie.
   *[other] Poczekaj { $seconds } sekund i spróbuj ponownie.
}
error-payload-too-large-title = Zbyt dużo danych
error-payload-too-large-detail = Przesłane dane są większe, niż akceptuje ten serwer.
error-timeout-title = To trwało zbyt długo
error-timeout-detail = Serwer nie zdążył odpowiedzieć. Spróbuj ponownie za chwilę.
error-internal-title = Coś poszło nie tak
error-internal-detail = Serwer nie mógł zrealizować żądania. Nic nie zostało zmienione; spróbuj ponownie za chwilę.
