error-status = { $status }. hiba
error-back-home = Vissza a kezdőlapra
error-not-found-title = Az oldal nem található
error-not-found-detail = Ezen a címen nincs semmi. Ellenőrizze a linket, vagy kezdje újra a kezdőlapról.
error-method-not-allowed-title = Itt nem engedélyezett
error-method-not-allowed-detail = Ez az oldal így nem használható.
error-bad-request-title = A kérést nem sikerült beolvasni
error-bad-request-detail = Az elküldött adatokból valami hiányzik vagy hibás. Lépjen vissza, ellenőrizze az űrlapot, és próbálja újra.
error-csrf-title = Az űrlapot nem lehetett elfogadni
error-csrf-detail = Az űrlap lejárt, vagy másik webhelyről küldték. Lépjen vissza, töltse újra az oldalt, és próbálja újra.
error-rate-limited-title = Túl sok próbálkozás
error-rate-limited-detail = { $seconds ->
    [one] Várjon egy másodpercet, majd próbálja újra.
   *[other] Várjon { $seconds } másodpercet, majd próbálja újra.
}
error-payload-too-large-title = Túl sok adat
error-payload-too-large-detail = Az elküldött adat nagyobb, mint amit ez a szerver elfogad.
error-timeout-title = Ez túl sokáig tartott
error-timeout-detail = A szerver nem tudott időben válaszolni. Próbálja újra egy kis idő múlva.
error-internal-title = Valami hiba történt
error-internal-detail = A szerver nem tudta teljesíteni a kérését. Semmi sem változott; próbálja újra egy kis idő múlva.
