ballot-title = Äänestyslippusi
ballot-intro = Vastaa jokaiseen kysymykseen tai valitse pidättäytyminen. Mitään ei ole vielä jätetty: näet valintasi uudelleen ennen lipun jättämistä.
ballot-question-position = Kysymys { $number }/{ $total }
ballot-list-separator = {", "}
ballot-abstain = Pidättäydyn tästä kysymyksestä
ballot-withdrawn = Vetäytynyt, ei enää ehdolla: { $names }
ballot-review-help = Seuraavaksi näet valintasi uudelleen ja voit tarkistaa ne ennen lipun jättämistä.
ballot-review = Tarkista lippuni

ballot-instructions-choose-one = Valitse yksi vaihtoehto.
ballot-instructions-approval-exactly = { $count ->
    [one] Hyväksy tasan yksi vaihtoehto.
   *[other] Hyväksy tasan { $count } vaihtoehtoa.
}
ballot-instructions-approval-up-to = { $max ->
    [one] Hyväksy enintään yksi vaihtoehto. Voit myös olla hyväksymättä mitään.
   *[other] Hyväksy haluamasi vaihtoehdot, enintään { $max }. Voit myös olla hyväksymättä mitään.
}
ballot-instructions-approval-range = Hyväksy vähintään { $min } ja enintään { $max } vaihtoehtoa.
ballot-instructions-score = Anna kullekin vaihtoehdolle pisteet { $min } (huonoin) – { $max } (paras) tai jätä se ilman pisteitä.
ballot-instructions-son = Valitse kullekin vaihtoehdolle Puolesta, Neutraali tai Vastaan, tai jätä se ilman mielipidettä.
ballot-instructions-ranked = Järjestä ehdokkaat mieltymyksesi mukaan: 1 ensimmäiselle valinnallesi, 2 toiselle ja niin edelleen. Tyhjiksi jätettyjä ehdokkaita ei järjestetä.
ballot-instructions-ranked-distinct = Anna jokaiselle järjestetylle ehdokkaalle eri numero.
ballot-instructions-ranked-equal = Voit antaa usealle ehdokkaalle saman numeron, jolloin ne ovat tasasijalla.
ballot-instructions-ranked-max = { $max ->
    [one] Voit järjestää vain yhden ehdokkaan.
   *[other] Voit järjestää enintään { $max } ehdokasta.
}
ballot-instructions-ranked-js = Lisää ehdokkaita järjestykseesi painikkeella ”Lisää” ja järjestä heidät painikkeilla ”Ylös” ja ”Alas”. Ensimmäinen valintasi on ylimpänä. Nuolinäppäimet ylös ja alas siirtyvät painikkeiden välillä.
ballot-rank-range = Kirjoita numero 1–{ $max } jokaisen järjestämäsi ehdokkaan viereen.
ballot-score-blank = Ei pisteitä
ballot-son-support = Puolesta
ballot-son-neutral = Neutraali
ballot-son-oppose = Vastaan
ballot-son-blank = Ei mielipidettä

ballot-js-your-ranking = Järjestyksesi
ballot-js-empty = Et ole vielä järjestänyt ketään.
ballot-js-candidates = Vielä järjestämättömät ehdokkaat
ballot-js-filter = Etsi ehdokasta
ballot-js-filter-count = { $count } ehdokasta näkyvissä
ballot-js-add = Lisää
ballot-js-add-label = Lisää { $name } järjestykseesi
ballot-js-remove = Poista
ballot-js-remove-label = Poista { $name } järjestyksestäsi
ballot-js-up = Ylös
ballot-js-up-label = Siirrä { $name } ylös
ballot-js-down = Alas
ballot-js-down-label = Siirrä { $name } alas
ballot-js-added = { $name } lisätty sijalle { $rank }
ballot-js-moved = { $name } siirretty sijalle { $rank }
ballot-js-removed = { $name } poistettu järjestyksestäsi
ballot-js-at-top = { $name } on jo ensimmäinen valintasi
ballot-js-at-bottom = { $name } on jo viimeisenä järjestyksessäsi
ballot-js-limit = Voit järjestää enintään { $max } ehdokasta

ballot-error-summary-title = Lippusi vaatii huomiota
ballot-error-summary-intro = Mitään ei jätetty. Korjaa seuraavat ja tarkista lippusi uudelleen:
ballot-error-in-question = Kysymys { $number }: { $message }
ballot-error-no-choice = Valitse vaihtoehto tai pidättäydy tästä kysymyksestä.
ballot-error-abstain-and-answer = Valitsit pidättäytymisen, mutta merkitsit myös valintoja. Tyhjennä valintasi tai poista rasti kohdasta ”Pidättäydyn tästä kysymyksestä”.
ballot-error-several-choices = Valitse vain yksi vaihtoehto.
ballot-error-unknown-option = Lippu mainitsi vaihtoehdon, jota siinä ei ole (”{ $value }”). Lataa sivu uudelleen ja täytä se uudelleen.
ballot-error-withdrawn = { $name } on vetäytynyt, eikä häntä voi enää valita.
ballot-error-repeated = { $name } esiintyy lähetetyssä kahdesti. Lataa sivu uudelleen ja täytä se uudelleen.
ballot-error-rank-not-number = Ehdokkaan { $name } sijan on oltava kokonaisluku, ei ”{ $value }”.
ballot-error-score-not-number = Ehdokkaan { $name } pisteiden on oltava kokonaisluku, ei ”{ $value }”.
ballot-error-rank-out-of-range = Ehdokkaan { $name } sijan on oltava 1–{ $max }, ei { $value }.
ballot-error-score-out-of-range = Ehdokkaan { $name } pisteiden on oltava { $min }–{ $max }, ei { $value }.
ballot-error-equal-ranks = { $names } ovat kaikki sijalla { $rank }. Anna jokaiselle ehdokkaalle eri numero.
ballot-error-too-few = { $min ->
    [one] Hyväksy vähintään yksi vaihtoehto tai pidättäydy.
   *[other] Hyväksy vähintään { $min } vaihtoehtoa tai pidättäydy.
}
ballot-error-too-many = { $max ->
    [one] Hyväksy enintään yksi vaihtoehto.
   *[other] Hyväksy enintään { $max } vaihtoehtoa.
}
ballot-error-too-many-ranked = { $max ->
    [one] Järjestä vain yksi ehdokas.
   *[other] Järjestä enintään { $max } ehdokasta.
}
ballot-error-other = Tätä vastausta ei voi hyväksyä: { $detail }
ballot-error-unknown-field = Lomake sisälsi jotain, mikä ei kuulu tähän lippuun. Lataa sivu uudelleen ja täytä se uudelleen.

ballot-confirm-title = Tarkista lippusi
ballot-confirm-intro = Lippuasi ei ole vielä jätetty. Tarkista valintasi ja jätä sitten lippu tai muuta sitä.
ballot-confirm-question = Kysymys { $number }:
ballot-confirm-abstain = Pidättäydyt tästä kysymyksestä.
ballot-confirm-choice = Valitsit:
ballot-confirm-approved-none = Et hyväksy yhtään vaihtoehtoa.
ballot-confirm-approved = { $count ->
    [one] Hyväksyt tämän vaihtoehdon:
   *[other] Hyväksyt nämä { $count } vaihtoehtoa:
}
ballot-confirm-scores-none = Et antanut pisteitä millekään vaihtoehdolle.
ballot-confirm-scores = { $blank ->
    [0] Pisteesi:
    [one] Pisteesi (yksi vaihtoehto ilman pisteitä):
   *[other] Pisteesi ({ $blank } vaihtoehtoa ilman pisteitä):
}
ballot-confirm-ranking = { $unranked ->
    [0] Järjestyksesi, ensimmäinen valinta ensin:
    [one] Järjestyksesi, ensimmäinen valinta ensin (yksi ehdokas järjestämättä):
   *[other] Järjestyksesi, ensimmäinen valinta ensin ({ $unranked } ehdokasta järjestämättä):
}
ballot-confirm-equal = tasasijalla
ballot-confirm-secret = Kun jätät lippusi, se sinetöidään heti: kukaan ei voi lukea sitä yksin, eivät edes tämän palvelimen ylläpitäjät.
ballot-confirm-cast = Jätä tämä lippu
ballot-confirm-change = Muuta lippuani

ballot-receipt-title = Lippusi on jätetty
ballot-receipt-code-label = Kuittikoodisi
ballot-receipt-keep = Kirjoita se muistiin tai tallenna se.
ballot-receipt-proves-title = Mitä koodi osoittaa
ballot-receipt-proves = Koodi lasketaan sinetöidystä lipustasi. Sen avulla voit tarkistaa, että lippusi tallennettiin ja on laskettujen joukossa.
ballot-receipt-not-title = Mitä se ei osoita
ballot-receipt-not = Koodi ei paljasta, miten äänestit, eikä sillä voi todistaa kenellekään, miten äänestit: kukaan ei voi käyttää sitä äänesi ostamiseen tai valvomiseen.
ballot-receipt-revote = Niin kauan kuin vaalit ovat auki, voit äänestää uudelleen. Vain viimeinen lippusi lasketaan, ja se saa uuden koodin.
ballot-receipt-no-revote = Nämä vaalit eivät salli jätetyn lipun muuttamista.
ballot-preview-note = Tämä on esikatselu: mitään ei tallennettu, ja alla oleva koodi on esimerkki.
