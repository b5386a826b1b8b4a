error-status = Virhe { $status }
error-back-home = Palaa etusivulle
error-not-found-title = Sivua ei löydy
error-not-found-detail = Tässä osoitteessa ei ole mitään. Tarkista linkki tai aloita alusta etusivulta.
error-method-not-allowed-title = Ei sallittu täällä
error-method-not-allowed-detail = Tätä sivua ei voi käyttää tällä tavalla.
error-bad-request-title = Pyyntöä ei voitu lukea
error-bad-request-detail = Lähetetystä puuttuu jotain tai se on virheellinen. Palaa takaisin, tarkista lomake ja yritä uudelleen.
error-csrf-title = Lomaketta ei voitu hyväksyä
error-csrf-detail = Lomake on vanhentunut tai se lähetettiin toiselta sivustolta. Palaa takaisin, lataa sivu uudelleen ja yritä uudelleen.
error-rate-limited-title = Liian monta yritystä
error-rate-limited-detail = { $seconds ->
    [one] Odota sekunti ja yritä sitten uudelleen.
   *[other] Odota { $seconds } sekuntia ja yritä sitten uudelleen.
}
error-payload-too-large-title = Liikaa tietoa
error-payload-too-large-detail = Lähetetty on suurempi kuin tämä palvelin hyväksyy.
error-timeout-title = Tämä kesti liian kauan
error-timeout-detail = Palvelin ei ehtinyt vastata. Yritä hetken päästä uudelleen.
error-internal-title = Jokin meni vikaan
error-internal-detail = Palvelin ei voinut suorittaa pyyntöäsi loppuun. Mitään ei muutettu; yritä hetken päästä uudelleen.
