ballot-title = Uw stembiljet
ballot-intro = Beantwoord elke vraag, of kies ervoor u te onthouden. Er wordt nog niets uitgebracht: u ziet uw keuzes opnieuw voordat u uw stembiljet uitbrengt.
ballot-question-position = Vraag { $number } van { $total }
ballot-list-separator = {", "}
ballot-abstain = Onthouden bij deze vraag
ballot-withdrawn = Teruggetrokken, niet langer kandidaat: { $names }
ballot-review-help = Hierna ziet u uw keuzes opnieuw om ze te controleren voordat u uw stembiljet uitbrengt.
ballot-review = Mijn stembiljet nakijken

ballot-instructions-choose-one = Kies één optie.
ballot-instructions-approval-exactly = { $count ->
    [one] Keur precies één optie goed.
   *[other] Keur precies { $count } opties goed.
}
ballot-instructions-approval-up-to = { $max ->
    [one] Keur hoogstens één optie goed. U mag er ook geen goedkeuren.
   *[other] Keur zoveel opties goed als u wilt, hoogstens { $max }. U mag er ook geen goedkeuren.
}
ballot-instructions-approval-range = Keur minstens { $min } en hoogstens { $max } opties goed.
ballot-instructions-score = Geef elke optie een score van { $min } (slechtst) tot { $max } (best), of laat haar zonder score.
ballot-instructions-son = Kies voor elke optie Voor, Neutraal of Tegen, of laat haar zonder mening.
ballot-instructions-ranked = Rangschik de kandidaten naar voorkeur: 1 voor uw eerste keus, 2 voor uw tweede, enzovoort. Kandidaten die u leeg laat, worden niet gerangschikt.
ballot-instructions-ranked-distinct = Geef elke gerangschikte kandidaat een ander getal.
ballot-instructions-ranked-equal = U mag meerdere kandidaten hetzelfde getal geven om ze gelijk te rangschikken.
ballot-instructions-ranked-max = { $max ->
    [one] U mag maar één kandidaat rangschikken.
   *[other] U mag hoogstens { $max } kandidaten rangschikken.
}
ballot-instructions-ranked-js = Gebruik ‘Toevoegen’ om kandidaten in uw rangschikking te zetten en ‘Omhoog’ en ‘Omlaag’ om ze te ordenen. Uw eerste keus staat bovenaan. Met de pijltjestoetsen omhoog en omlaag gaat u van knop naar knop.
ballot-rank-range = Typ een getal van 1 tot { $max } naast elke kandidaat die u rangschikt.
ballot-score-blank = Geen score
ballot-son-support = Voor
ballot-son-neutral = Neutraal
ballot-son-oppose = Tegen
ballot-son-blank = Geen mening

ballot-js-your-ranking = Uw rangschikking
ballot-js-empty = U hebt nog niemand gerangschikt.
ballot-js-candidates = Nog niet gerangschikte kandidaten
ballot-js-filter = Kandidaat zoeken
ballot-js-filter-count = { $count } kandidaten getoond
ballot-js-add = Toevoegen
ballot-js-add-label = { $name } aan uw rangschikking toevoegen
ballot-js-remove = Verwijderen
ballot-js-remove-label = { $name } uit uw rangschikking verwijderen
ballot-js-up = Omhoog
ballot-js-up-label = { $name } omhoog verplaatsen
ballot-js-down = Omlaag
ballot-js-down-label = { $name } omlaag verplaatsen
ballot-js-added = { $name } toegevoegd op plaats { $rank }
ballot-js-moved = { $name } verplaatst naar plaats { $rank }
ballot-js-removed = { $name } uit uw rangschikking verwijderd
ballot-js-at-top = { $name } is al uw eerste keus
ballot-js-at-bottom = { $name } staat al als laatste in uw rangschikking
ballot-js-limit = U mag hoogstens { $max } kandidaten rangschikken

ballot-error-summary-title = Uw stembiljet vraagt aandacht
ballot-error-summary-intro = Er is niets uitgebracht. Verbeter het volgende en kijk uw stembiljet opnieuw na:
ballot-error-in-question = Vraag { $number }: { $message }
ballot-error-no-choice = Kies een optie, of kies ervoor u bij deze vraag te onthouden.
ballot-error-abstain-and-answer = U koos ervoor u te onthouden maar hebt ook keuzes aangevinkt. Wis uw keuzes, of vink ‘Onthouden bij deze vraag’ uit.
ballot-error-several-choices = Kies maar één optie.
ballot-error-unknown-option = Het stembiljet noemde een optie die er niet op staat (‘{ $value }’). Laad de pagina opnieuw en vul haar opnieuw in.
ballot-error-withdrawn = { $name } heeft zich teruggetrokken en kan niet meer worden gekozen.
ballot-error-repeated = { $name } komt twee keer voor in wat is verstuurd. Laad de pagina opnieuw en vul haar opnieuw in.
ballot-error-rank-not-number = De plaats voor { $name } moet een geheel getal zijn, niet ‘{ $value }’.
ballot-error-score-not-number = De score voor { $name } moet een geheel getal zijn, niet ‘{ $value }’.
ballot-error-rank-out-of-range = De plaats voor { $name } moet van 1 tot { $max } zijn, niet { $value }.
ballot-error-score-out-of-range = De score voor { $name } moet van { $min } tot { $max } zijn, niet { $value }.
ballot-error-equal-ranks = { $names } hebben allemaal plaats { $rank }. Geef elke kandidaat een ander getal.
ballot-error-too-few = { $min ->
    [one] Keur minstens één optie goed, of kies ervoor u te onthouden.
   *[other] Keur minstens { $min } opties goed, of kies ervoor u te onthouden.
}
ballot-error-too-many = { $max ->
    [one] Keur hoogstens één optie goed.
   *[other] Keur hoogstens { $max } opties goed.
}
ballot-error-too-many-ranked = { $max ->
    [one] Rangschik maar één kandidaat.
   *[other] Rangschik hoogstens { $max } kandidaten.
}
ballot-error-other = Dit antwoord kan niet worden aanvaard: { $detail }
ballot-error-unknown-field = Het formulier bevatte iets wat niet bij dit stembiljet hoort. Laad de pagina opnieuw en vul haar opnieuw in.

ballot-confirm-title = Controleer uw stembiljet
ballot-confirm-intro = Uw stembiljet is nog niet uitgebracht. Controleer uw keuzes en breng uw stembiljet dan uit of wijzig het.
ballot-confirm-question = Vraag { $number }:
ballot-confirm-abstain = U onthoudt zich bij deze vraag.
ballot-confirm-choice = U koos:
ballot-confirm-approved-none = U keurt geen van de opties goed.
ballot-confirm-approved = { $count ->
    [one] U keurt deze optie goed:
   *[other] U keurt deze { $count } opties goed:
}
ballot-confirm-scores-none = U hebt geen enkele optie een score gegeven.
ballot-confirm-scores = { $blank ->
    [0] Uw scores:
    [one] Uw scores (één optie zonder score):
   *[other] Uw scores ({ $blank } opties zonder score):
}
ballot-confirm-ranking = { $unranked ->
    [0] Uw rangschikking, eerste keus eerst:
    [one] Uw rangschikking, eerste keus eerst (één kandidaat niet gerangschikt):
   *[other] Uw rangschikking, eerste keus eerst ({ $unranked } kandidaten niet gerangschikt):
}
ballot-confirm-equal = gelijk gerangschikt
ballot-confirm-secret = Zodra u uw stembiljet uitbrengt, wordt het verzegeld: niemand kan het alleen lezen, zelfs niet wie deze server beheert.
ballot-confirm-cast = Dit stembiljet uitbrengen
ballot-confirm-change = Mijn stembiljet wijzigen

ballot-receipt-title = Uw stembiljet is uitgebracht
ballot-receipt-code-label = Uw ontvangstcode
ballot-receipt-keep = Schrijf hem op of bewaar hem.
ballot-receipt-proves-title = Wat deze code laat zien
ballot-receipt-proves = De code wordt berekend uit uw verzegelde stembiljet. Hiermee kunt u controleren dat uw stembiljet is vastgelegd en bij de getelde stembiljetten zit.
ballot-receipt-not-title = Wat hij niet laat zien
ballot-receipt-not = De code verraadt niet hoe u hebt gestemd en kan aan niemand bewijzen hoe u hebt gestemd: niemand kan er uw stem mee kopen of controleren.
ballot-receipt-revote = Zolang de verkiezing open is, mag u opnieuw stemmen. Alleen uw laatste stembiljet telt, en het krijgt een nieuwe code.
ballot-receipt-no-revote = Deze verkiezing staat niet toe dat een uitgebracht stembiljet wordt gewijzigd.
ballot-preview-note = Dit is een voorbeeld: er is niets vastgelegd, en de code hieronder is een voorbeeld.
