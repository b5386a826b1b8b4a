election-state-label = Status
election-state-draft = In voorbereiding
election-state-ready = Gepland
election-state-open = Open om te stemmen
election-state-closed = Het stemmen is gesloten; binnenkort de telling
election-state-counted = Geteld; uitslag nog niet gepubliceerd
election-state-published = Uitslag gepubliceerd
election-state-archived = Gearchiveerd
election-window-title = Stemperiode
election-window-opens = Opent
election-window-closes = Sluit
election-window-zones = Tijden staan in de tijdzone van de verkiezing ({ $election }), daarna in de uwe ({ $viewer }).
election-vote-title = Stemmen
election-vote-go = Naar uw stembiljet
election-vote-how = Open om te stemmen de persoonlijke stemlink die u hebt ontvangen.
election-results-link = Uitslag bekijken
election-results-later = De uitslag wordt na de telling gepubliceerd. Niemand ziet eerder tussenstanden.
election-questions-title = Vragen
election-question-position = Vraag { $number } van { $total }:
election-kind-choose-one = kies één optie.
election-kind-approval = keur de opties goed die u steunt.
election-kind-support-oppose = steun elke optie, blijf neutraal of wees tegen.
election-kind-score = geef elke optie een score.
election-kind-ranked = rangschik de kandidaten naar voorkeur.
election-method = Telmethode: { $method }; { $seats ->
    [one] één zetel.
   *[other] { $seats } zetels.
}
election-turnout = { $eligible ->
    [one] { $voted } van 1 kiezer heeft gestemd.
   *[other] { $voted } van { $eligible } kiezers hebben gestemd.
}

voter-notice-back = Terug naar de pagina van de verkiezing
voter-notice-sign-in-title = Aanmelden om te stemmen
voter-notice-sign-in = Voor dit stembiljet hebt u uw persoonlijke stemlink voor deze verkiezing nodig. Open de link die u hebt ontvangen.
voter-notice-wrong-election = U bent aangemeld voor een andere verkiezing. Open de stemlink die u voor deze hebt ontvangen.
voter-notice-revoked = Deze stemlink is ingetrokken. Vraag de organisatoren van de verkiezing om een nieuwe.
voter-notice-not-open-title = Stemmen is niet open
voter-notice-not-yet = Het stemmen is nog niet begonnen. Het opent { $opens }.
voter-notice-closed = Het stemmen is gesloten. Stembiljetten kunnen niet meer worden uitgebracht of gewijzigd.
voter-notice-already-voted-title = U hebt al gestemd
voter-notice-no-changes = U hebt al gestemd, en deze verkiezing staat niet toe dat een uitgebracht stembiljet wordt gewijzigd.
voter-notice-revote = U hebt al gestemd. Als u een nieuw stembiljet uitbrengt, vervangt het uw vorige: alleen uw laatste stembiljet telt.
voter-notice-replaced = Dit stembiljet heeft uw vorige vervangen. Alleen dit stembiljet wordt geteld.
voter-notice-struck = Uw vorige stembiljet is geschrapt door de beheerders van de verkiezing (reden: { $reason }). U mag opnieuw stemmen.
voter-notice-invalid = Uw stembiljet is niet aanvaard: { $problem }
