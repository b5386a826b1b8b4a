ballot-title = Din valsedel
ballot-intro = Besvara varje fråga, eller välj att avstå. Inget är lagt än: du ser dina val igen innan du lägger valsedeln.
ballot-question-position = Fråga { $number } av { $total }
ballot-list-separator = {", "}
ballot-abstain = Avstå från den här frågan
ballot-withdrawn = Har dragit sig tillbaka, kandiderar inte längre: { $names }
ballot-review-help = Härnäst ser du dina val igen för att kontrollera dem innan du lägger valsedeln.
ballot-review = Granska min valsedel

ballot-instructions-choose-one = Välj ett alternativ.
ballot-instructions-approval-exactly = { $count ->
    [one] Godkänn exakt ett alternativ.
   *[other] Godkänn exakt { $count } alternativ.
}
ballot-instructions-approval-up-to = { $max ->
    [one] Godkänn högst ett alternativ. Du får godkänna inget.
   *[other] Godkänn de alternativ du vill, högst { $max }. Du får godkänna inget.
}
ballot-instructions-approval-range = Godkänn minst { $min } och högst { $max } alternativ.
ballot-instructions-score = Ge varje alternativ ett poängtal från { $min } (sämst) till { $max } (bäst), eller lämna det utan poäng.
ballot-instructions-son = Välj För, Neutral eller Emot för varje alternativ, eller lämna det utan åsikt.
ballot-instructions-ranked = Rangordna kandidaterna efter preferens: 1 för ditt förstahandsval, 2 för ditt andra och så vidare. Kandidater du lämnar tomma rangordnas inte.
ballot-instructions-ranked-distinct = Ge varje rangordnad kandidat ett eget nummer.
ballot-instructions-ranked-equal = Du får ge flera kandidater samma nummer för att rangordna dem lika.
ballot-instructions-ranked-max = { $max ->
    [one] Du får rangordna bara en kandidat.
   *[other] Du får rangordna högst { $max } kandidater.
}
ballot-instructions-ranked-js = Använd ”Lägg till” för att sätta kandidater i din rangordning och sedan ”Flytta upp” och ”Flytta ner” för att ordna den. Ditt förstahandsval står överst. Piltangenterna upp och ner flyttar mellan knapparna.
ballot-rank-range = Skriv ett tal från 1 till { $max } bredvid varje kandidat du rangordnar.
ballot-score-blank = Inget poängtal
ballot-son-support = För
ballot-son-neutral = Neutral
ballot-son-oppose = Emot
ballot-son-blank = Ingen åsikt

ballot-js-your-ranking = Din rangordning
ballot-js-empty = Du har inte rangordnat någon än.
ballot-js-candidates = Kandidater som inte är rangordnade än
ballot-js-filter = Sök kandidat
ballot-js-filter-count = { $count } kandidater visas
ballot-js-add = Lägg till
ballot-js-add-label = Lägg till { $name } i din rangordning
ballot-js-remove = Ta bort
ballot-js-remove-label = Ta bort { $name } ur din rangordning
ballot-js-up = Flytta upp
ballot-js-up-label = Flytta upp { $name }
ballot-js-down = Flytta ner
ballot-js-down-label = Flytta ner { $name }
ballot-js-added = { $name } tillagd på plats { $rank }
ballot-js-moved = { $name } flyttad till plats { $rank }
ballot-js-removed = { $name } borttagen ur din rangordning
ballot-js-at-top = { $name } är redan ditt förstahandsval
ballot-js-at-bottom = { $name } är redan sist i din rangordning
ballot-js-limit = Du får rangordna högst { $max } kandidater

ballot-error-summary-title = Din valsedel behöver åtgärdas
ballot-error-summary-intro = Inget har lagts. Rätta följande och granska sedan din valsedel igen:
ballot-error-in-question = Fråga { $number }: { $message }
ballot-error-no-choice = Välj ett alternativ, eller välj att avstå från den här frågan.
ballot-error-abstain-and-answer = Du valde att avstå men markerade också val. Rensa dina val, eller avmarkera ”Avstå från den här frågan”.
ballot-error-several-choices = Välj bara ett alternativ.
ballot-error-unknown-option = Valsedeln nämnde ett alternativ som inte finns på den (”{ $value }”). Ladda om sidan och fyll i den igen.
ballot-error-withdrawn = { $name } har dragit sig tillbaka och kan inte längre väljas.
ballot-error-repeated = { $name } förekommer två gånger i det som skickades. Ladda om sidan och fyll i den igen.
ballot-error-rank-not-number = Platsen för { $name } måste vara ett heltal, inte ”{ $value }”.
ballot-error-score-not-number = Poängtalet för { $name } måste vara ett heltal, inte ”{ $value }”.
ballot-error-rank-out-of-range = Platsen för { $name } måste vara från 1 till { $max }, inte { $value }.
ballot-error-score-out-of-range = Poängtalet för { $name } måste vara från { $min } till { $max }, inte { $value }.
ballot-error-equal-ranks = { $names } har alla plats { $rank }. Ge varje kandidat ett eget nummer.
ballot-error-too-few = { $min ->
    [one] Godkänn minst ett alternativ, eller välj att avstå.
   *[other] Godkänn minst { $min } alternativ, eller välj att avstå.
}
ballot-error-too-many = { $max ->
    [one] Godkänn högst ett alternativ.
   *[other] Godkänn högst { $max } alternativ.
}
ballot-error-too-many-ranked = { $max ->
    [one] Rangordna bara en kandidat.
   *[other] Rangordna högst { $max } kandidater.
}
ballot-error-other = Det här svaret kan inte godtas: { $detail }
ballot-error-unknown-field = Formuläret innehöll något som inte hör till den här valsedeln. Ladda om sidan och fyll i den igen.

ballot-confirm-title = Kontrollera din valsedel
ballot-confirm-intro = Din valsedel är inte lagd än. Kontrollera dina val och lägg sedan valsedeln eller ändra den.
ballot-confirm-question = Fråga { $number }:
ballot-confirm-abstain = Du avstår från den här frågan.
ballot-confirm-choice = Du valde:
ballot-confirm-approved-none = Du godkänner inget av alternativen.
ballot-confirm-approved = { $count ->
    [one] Du godkänner det här alternativet:
   *[other] Du godkänner de här { $count } alternativen:
}
ballot-confirm-scores-none = Du gav inget alternativ något poängtal.
ballot-confirm-scores = { $blank ->
    [0] Dina poängtal:
    [one] Dina poängtal (ett alternativ utan poäng):
   *[other] Dina poängtal ({ $blank } alternativ utan poäng):
}
ballot-confirm-ranking = { $unranked ->
    [0] Din rangordning, förstahandsvalet först:
    [one] Din rangordning, förstahandsvalet först (en kandidat inte rangordnad):
   *[other] Din rangordning, förstahandsvalet först ({ $unranked } kandidater inte rangordnade):
}
ballot-confirm-equal = rangordnade lika
ballot-confirm-secret = När du lägger din valsedel förseglas den direkt: ingen kan läsa den ensam, inte ens de som driver den här servern.
ballot-confirm-cast = Lägg den här valsedeln
ballot-confirm-change = Ändra min valsedel

ballot-receipt-title = Din valsedel har lagts
ballot-receipt-code-label = Din kvittokod
ballot-receipt-keep = Skriv ner den eller spara den.
ballot-receipt-proves-title = Vad koden visar
ballot-receipt-proves = Koden beräknas från din förseglade valsedel. Med den kan du kontrollera att din valsedel registrerades och finns bland de räknade.
ballot-receipt-not-title = Vad den inte visar
ballot-receipt-not = Koden avslöjar inte hur du röstade och kan inte bevisa för någon hur du röstade: ingen kan använda den för att köpa eller kontrollera din röst.
ballot-receipt-revote = Så länge valet är öppet får du rösta igen. Bara din sista valsedel räknas, och den får en ny kod.
ballot-receipt-no-revote = Det här valet tillåter inte att en lagd valsedel ändras.
ballot-preview-note = Det här är en förhandsvisning: inget registrerades, och koden nedan är ett exempel.
