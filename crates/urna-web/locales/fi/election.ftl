election-state-label = Tila
election-state-draft = Valmisteilla
election-state-ready = Ajastettu
election-state-open = Äänestys auki
election-state-closed = Äänestys on päättynyt; laskenta pian
election-state-counted = Laskettu; tuloksia ei vielä julkaistu
election-state-published = Tulokset julkaistu
election-state-archived = Arkistoitu
election-window-title = Äänestysaika
election-window-opens = Alkaa
election-window-closes = Päättyy
election-window-zones = Ajat on annettu vaalien aikavyöhykkeellä ({ $election }) ja sitten omallasi ({ $viewer }).
election-vote-title = Äänestä
election-vote-go = Siirry äänestyslippuusi
election-vote-how = Äänestä avaamalla saamasi henkilökohtainen äänestyslinkki.
election-results-link = Katso tulokset
election-results-later = Tulokset julkaistaan laskennan jälkeen. Kukaan ei näe välituloksia ennen sitä.
election-questions-title = Kysymykset
election-question-position = Kysymys { $number }/{ $total }:
election-kind-choose-one = valitse yksi vaihtoehto.
election-kind-approval = hyväksy vaihtoehdot, joita kannatat.
election-kind-support-oppose = kannata, ole neutraali tai vastusta kutakin vaihtoehtoa.
election-kind-score = anna kullekin vaihtoehdolle pisteet.
election-kind-ranked = järjestä ehdokkaat mieltymyksesi mukaan.
election-method = Laskentamenetelmä: { $method }; { $seats ->
    [one] yksi paikka.
   *[other] { $seats } paikkaa.
}
election-turnout = { $eligible ->
    [one] { $voted }/1 äänestäjästä on äänestänyt.
   *[other] { $voted }/{ $eligible } äänestäjästä on äänestänyt.
}

voter-notice-back = Takaisin vaalien sivulle
voter-notice-sign-in-title = Kirjaudu äänestämään
voter-notice-sign-in = Tähän lippuun tarvitaan henkilökohtainen äänestyslinkkisi näihin vaaleihin. Avaa saamasi linkki.
voter-notice-wrong-election = Olet kirjautunut toisiin vaaleihin. Avaa näihin vaaleihin saamasi äänestyslinkki.
voter-notice-revoked = Tämä äänestyslinkki on peruttu. Pyydä uusi vaalien järjestäjiltä.
voter-notice-not-open-title = Äänestys ei ole auki
voter-notice-not-yet = Äänestys ei ole vielä alkanut. Se alkaa { $opens }.
voter-notice-closed = Äänestys on päättynyt. Lippuja ei voi enää jättää eikä muuttaa.
voter-notice-already-voted-title = Olet jo äänestänyt
voter-notice-no-changes = Olet jo äänestänyt, eivätkä nämä vaalit salli jätetyn lipun muuttamista.
voter-notice-revote = Olet jo äänestänyt. Jos jätät uuden lipun, se korvaa edellisen: vain viimeinen lippusi lasketaan.
voter-notice-replaced = Tämä lippu korvasi edellisen. Vain tämä lippu lasketaan.
voter-notice-struck = Vaalien ylläpitäjät mitätöivät edellisen lippusi (syy: { $reason }). Voit äänestää uudelleen.
voter-notice-invalid = Lippuasi ei hyväksytty: { $problem }
