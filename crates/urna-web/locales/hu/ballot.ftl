ballot-title = Az ön szavazólapja
ballot-intro = Válaszoljon minden kérdésre, vagy válassza a tartózkodást. Még semmit sem adott le: a leadás előtt újra látja a választásait.
ballot-question-position = { $number }. kérdés / { $total }
ballot-list-separator = {", "}
ballot-abstain = Tartózkodom ennél a kérdésnél
ballot-withdrawn = Visszalépett, már nem indul: { $names }
ballot-review-help = Ezután újra látja a választásait, hogy a leadás előtt ellenőrizze őket.
ballot-review = Szavazólapom áttekintése

ballot-instructions-choose-one = Válasszon egy lehetőséget.
ballot-instructions-approval-exactly = { $count ->
    [one] Pontosan egy lehetőséget hagyjon jóvá.
   *[other] Pontosan { $count } lehetőséget hagyjon jóvá.
}
ballot-instructions-approval-up-to = { $max ->
    [one] Legfeljebb egy lehetőséget hagyjon jóvá. Egyet sem kötelező.
   *[other] Hagyjon jóvá tetszőleges lehetőségeket, legfeljebb { $max }-t. Egyet sem kötelező.
}
ballot-instructions-approval-range = Legalább { $min } és legfeljebb { $max } lehetőséget hagyjon jóvá.
ballot-instructions-score = Adjon minden lehetőségnek { $min } (legrosszabb) és { $max } (legjobb) közötti pontszámot, vagy hagyja pontszám nélkül.
ballot-instructions-son = Minden lehetőségnél válassza a Mellette, Semleges vagy Ellene értéket, vagy hagyja vélemény nélkül.
ballot-instructions-ranked = Rangsorolja a jelölteket preferencia szerint: 1 az első választása, 2 a második, és így tovább. Az üresen hagyott jelöltek nem kerülnek rangsorba.
ballot-instructions-ranked-distinct = Minden rangsorolt jelöltnek adjon különböző számot.
ballot-instructions-ranked-equal = Több jelöltnek is adhatja ugyanazt a számot, hogy egyenrangúnak jelölje őket.
ballot-instructions-ranked-max = { $max ->
    [one] Csak egy jelöltet rangsorolhat.
   *[other] Legfeljebb { $max } jelöltet rangsorolhat.
}
ballot-instructions-ranked-js = A „Hozzáadás” gombbal vegye fel a jelölteket a rangsorába, majd a „Fel” és „Le” gombokkal rendezze. Az első választása legfelül van. A fel és le nyílbillentyűk a gombok között lépnek.
ballot-rank-range = Írjon 1 és { $max } közötti számot minden rangsorolt jelölt mellé.
ballot-score-blank = Nincs pontszám
ballot-son-support = Mellette
ballot-son-neutral = Semleges
ballot-son-oppose = Ellene
ballot-son-blank = Nincs vélemény

ballot-js-your-ranking = Az ön rangsora
ballot-js-empty = Még senkit sem rangsorolt.
ballot-js-candidates = Még nem rangsorolt jelöltek
ballot-js-filter = Jelölt keresése
ballot-js-filter-count = { $count } jelölt látható
ballot-js-add = Hozzáadás
ballot-js-add-label = { $name } hozzáadása a rangsorhoz
ballot-js-remove = Eltávolítás
ballot-js-remove-label = { $name } eltávolítása a rangsorból
ballot-js-up = Fel
ballot-js-up-label = { $name } mozgatása feljebb
ballot-js-down = Le
ballot-js-down-label = { $name } mozgatása lejjebb
ballot-js-added = { $name } hozzáadva a(z) { $rank }. helyre
ballot-js-moved = { $name } áthelyezve a(z) { $rank }. helyre
ballot-js-removed = { $name } eltávolítva a rangsorból
ballot-js-at-top = { $name } már az első választása
ballot-js-at-bottom = { $name } már az utolsó a rangsorában
ballot-js-limit = Legfeljebb { $max } jelöltet rangsorolhat

ballot-error-summary-title = A szavazólapja figyelmet igényel
ballot-error-summary-intro = Semmit sem adott le. Javítsa a következőket, majd tekintse át újra a szavazólapját:
ballot-error-in-question = { $number }. kérdés: { $message }
ballot-error-no-choice = Válasszon egy lehetőséget, vagy tartózkodjon ennél a kérdésnél.
ballot-error-abstain-and-answer = A tartózkodást választotta, de választásokat is megjelölt. Törölje a választásait, vagy vegye ki a pipát a „Tartózkodom ennél a kérdésnél” mezőből.
ballot-error-several-choices = Csak egy lehetőséget válasszon.
ballot-error-unknown-option = A szavazólap olyan lehetőséget említett, amely nem szerepel rajta („{ $value }”). Töltse újra az oldalt, és töltse ki újra.
ballot-error-withdrawn = { $name } visszalépett, már nem választható.
ballot-error-repeated = { $name } kétszer szerepel az elküldött adatokban. Töltse újra az oldalt, és töltse ki újra.
ballot-error-rank-not-number = { $name } helyezése egész szám kell legyen, nem „{ $value }”.
ballot-error-score-not-number = { $name } pontszáma egész szám kell legyen, nem „{ $value }”.
ballot-error-rank-out-of-range = { $name } helyezése 1 és { $max } között kell legyen, nem { $value }.
ballot-error-score-out-of-range = { $name } pontszáma { $min } és { $max } között kell legyen, nem { $value }.
ballot-error-equal-ranks = { $names } mind a(z) { $rank }. helyen állnak. Minden jelöltnek adjon különböző számot.
ballot-error-too-few = { $min ->
    [one] Legalább egy lehetőséget hagyjon jóvá, vagy tartózkodjon.
   *[other] Legalább { $min } lehetőséget hagyjon jóvá, vagy tartózkodjon.
}
ballot-error-too-many = { $max ->
    [one] Legfeljebb egy lehetőséget hagyjon jóvá.
   *[other] Legfeljebb { $max } lehetőséget hagyjon jóvá.
}
ballot-error-too-many-ranked = { $max ->
    [one] Csak egy jelöltet rangsoroljon.
   *[other] Legfeljebb { $max } jelöltet rangsoroljon.
}
ballot-error-other = Ez a válasz nem fogadható el: { $detail }
ballot-error-unknown-field = Az űrlap olyasmit tartalmazott, ami nem tartozik ehhez a szavazólaphoz. Töltse újra az oldalt, és töltse ki újra.

ballot-confirm-title = Ellenőrizze a szavazólapját
ballot-confirm-intro = A szavazólapját még nem adta le. Ellenőrizze a választásait, majd adja le vagy módosítsa a szavazólapot.
ballot-confirm-question = { $number }. kérdés:
ballot-confirm-abstain = Ennél a kérdésnél tartózkodik.
ballot-confirm-choice = Az ön választása:
ballot-confirm-approved-none = Egyik lehetőséget sem hagyja jóvá.
ballot-confirm-approved = { $count ->
    [one] Ezt a lehetőséget hagyja jóvá:
   *[other] Ezt a(z) { $count } lehetőséget hagyja jóvá:
}
ballot-confirm-scores-none = Egyik lehetőséget sem pontozta.
ballot-confirm-scores = { $blank ->
    [0] Az ön pontszámai:
    [one] Az ön pontszámai (egy lehetőség pontszám nélkül):
   *[other] Az ön pontszámai ({ $blank } lehetőség pontszám nélkül):
}
ballot-confirm-ranking = { $unranked ->
    [0] Az ön rangsora, az első választással kezdve:
    [one] Az ön rangsora, az első választással kezdve (egy jelölt nincs rangsorolva):
   *[other] Az ön rangsora, az első választással kezdve ({ $unranked } jelölt nincs rangsorolva):
}
ballot-confirm-equal = egyenrangú
ballot-confirm-secret = Amint leadja a szavazólapját, azonnal lepecsételjük: senki sem olvashatja el egyedül, még a szerver üzemeltetői sem.
ballot-confirm-cast = Szavazólap leadása
ballot-confirm-change = Szavazólapom módosítása

ballot-receipt-title = A szavazólapját leadta
ballot-receipt-code-label = Az ön nyugtakódja
ballot-receipt-keep = Írja fel vagy mentse el.
ballot-receipt-proves-title = Mit mutat ez a kód
ballot-receipt-proves = A kódot a lepecsételt szavazólapjából számítjuk. Segítségével ellenőrizheti, hogy a szavazólapját rögzítettük, és a megszámoltak között van.
ballot-receipt-not-title = Mit nem mutat
ballot-receipt-not = A kód nem árulja el, hogyan szavazott, és senkinek sem bizonyíthatja: senki sem használhatja a szavazata megvásárlására vagy ellenőrzésére.
ballot-receipt-revote = Amíg a választás nyitva van, újra szavazhat. Csak az utolsó szavazólapja számít, és az új kódot kap.
ballot-receipt-no-revote = Ez a választás nem engedi a leadott szavazólap módosítását.
ballot-preview-note = Ez egy előnézet: semmit sem rögzítettünk, és az alábbi kód csak példa.
