election-state-label = Állapot
election-state-draft = Előkészítés alatt
election-state-ready = Ütemezve
election-state-open = Szavazás folyamatban
election-state-closed = A szavazás lezárult; hamarosan számlálás
election-state-counted = Megszámolva; az eredmény még nincs közzétéve
election-state-published = Eredmény közzétéve
election-state-archived = Archiválva
election-window-title = Szavazási időszak
election-window-opens = Kezdete
election-window-closes = Vége
election-window-zones = Az időpontok a választás időzónájában ({ $election }), majd az önében ({ $viewer }) szerepelnek.
election-vote-title = Szavazás
election-vote-go = Tovább a szavazólaphoz
election-vote-how = A szavazáshoz nyissa meg a kapott személyes szavazólinket.
election-results-link = Eredmények megtekintése
election-results-later = Az eredményt a számlálás után tesszük közzé. Előtte senki sem lát részeredményt.
election-questions-title = Kérdések
election-question-position = { $number }. kérdés / { $total }:
election-kind-choose-one = válasszon egy lehetőséget.
election-kind-approval = hagyja jóvá a támogatott lehetőségeket.
election-kind-support-oppose = minden lehetőséget támogasson, maradjon semleges vagy ellenezze.
election-kind-score = pontozzon minden lehetőséget.
election-kind-ranked = rangsorolja a jelölteket preferencia szerint.
election-method = Számlálási módszer: { $method }; { $seats ->
    [one] egy hely.
   *[other] { $seats } hely.
}
election-turnout = { $eligible ->
    [one] 1 szavazóból { $voted } szavazott.
   *[other] { $eligible } szavazóból { $voted } szavazott.
}

voter-notice-back = Vissza a választás oldalára
voter-notice-sign-in-title = Bejelentkezés a szavazáshoz
voter-notice-sign-in = Ehhez a szavazólaphoz a választás személyes szavazólinkje szükséges. Nyissa meg a kapott linket.
voter-notice-wrong-election = Egy másik választáshoz jelentkezett be. Nyissa meg az ehhez kapott szavazólinket.
voter-notice-revoked = Ezt a szavazólinket visszavonták. Kérjen újat a választás szervezőitől.
voter-notice-not-open-title = A szavazás nincs nyitva
voter-notice-not-yet = A szavazás még nem kezdődött el. Kezdete: { $opens }.
voter-notice-closed = A szavazás lezárult. Szavazólapot már nem lehet leadni vagy módosítani.
voter-notice-already-voted-title = Ön már szavazott
voter-notice-no-changes = Ön már szavazott, és ez a választás nem engedi a leadott szavazólap módosítását.
voter-notice-revote = Ön már szavazott. Ha új szavazólapot ad le, az felváltja az előzőt: csak az utolsó számít.
voter-notice-replaced = Ez a szavazólap felváltotta az előzőt. Csak ezt számoljuk meg.
voter-notice-struck = Az előző szavazólapját a választás adminisztrátorai törölték (indok: { $reason }). Újra szavazhat.
voter-notice-invalid = A szavazólapját nem fogadtuk el: { $problem }
