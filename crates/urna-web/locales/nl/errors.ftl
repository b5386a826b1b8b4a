error-status = Fout { $status }
error-back-home = Terug naar de startpagina
error-not-found-title = Pagina niet gevonden
error-not-found-detail = Op dit adres staat niets. Controleer de link, of begin opnieuw vanaf de startpagina.
error-method-not-allowed-title = Hier niet toegestaan
error-method-not-allowed-detail = Deze pagina kan niet op die manier worden gebruikt.
error-bad-request-title = Het verzoek kon niet worden gelezen
error-bad-request-detail = Er ontbreekt iets in wat is verstuurd, of het is onjuist. Ga terug, controleer het formulier en probeer het opnieuw.
error-csrf-title = Dit formulier kon niet worden aanvaard
error-csrf-detail = Het formulier is verlopen of werd vanaf een andere site verstuurd. Ga terug, laad de pagina opnieuw en probeer het nog eens.
error-rate-limited-title = Te veel pogingen
error-rate-limited-detail = { $seconds ->
    [one] Wacht één seconde en probeer het dan opnieuw.
   *[other] Wacht { $seconds } seconden en probeer het dan opnieuw.
}
error-payload-too-large-title = Te veel gegevens
error-payload-too-large-detail = Wat is verstuurd, is groter dan deze server aanvaardt.
error-timeout-title = Dit duurde te lang
error-timeout-detail = De server kon niet op tijd antwoorden. Probeer het zo opnieuw.
error-internal-title = Er ging iets mis
error-internal-detail = De server kon uw verzoek niet afronden. Er is niets gewijzigd; probeer het zo opnieuw.
