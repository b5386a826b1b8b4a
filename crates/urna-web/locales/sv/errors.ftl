error-status = Fel { $status }
error-back-home = Tillbaka till startsidan
error-not-found-title = Sidan hittades inte
error-not-found-detail = Det finns inget på den här adressen. Kontrollera länken eller börja om från startsidan.
error-method-not-allowed-title = Inte tillåtet här
error-method-not-allowed-detail = Den här sidan kan inte användas på det sättet.
error-bad-request-title = Begäran kunde inte läsas
error-bad-request-detail = Något i det som skickades saknas eller är felaktigt. Gå tillbaka, kontrollera formuläret och försök igen.
error-csrf-title = Formuläret kunde inte tas emot
error-csrf-detail = Formuläret har gått ut eller skickades från en annan webbplats. Gå tillbaka, ladda om sidan och försök igen.
error-rate-limited-title = För många försök
error-rate-limited-detail = { $seconds ->
    [one] Vänta en sekund och försök sedan igen.
   *[other] Vänta { $seconds } sekunder och försök sedan igen.
}
error-payload-too-large-title = För mycket data
error-payload-too-large-detail = Det som skickades är större än den här servern tar emot.
error-timeout-title = Det tog för lång tid
error-timeout-detail = Servern kunde inte svara i tid. Försök igen om en stund.
error-internal-title = Något gick fel
error-internal-detail = Servern kunde inte slutföra din begäran. Inget har ändrats; försök igen om en stund.
