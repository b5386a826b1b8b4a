election-state-label = Status
election-state-draft = Förbereds
election-state-ready = Planerat
election-state-open = Öppet för röstning
election-state-closed = Röstningen har stängt; rösträkning snart
election-state-counted = Räknat; resultatet ännu inte publicerat
election-state-published = Resultatet publicerat
election-state-archived = Arkiverat
election-window-title = Röstningsperiod
election-window-opens = Öppnar
election-window-closes = Stänger
election-window-zones = Tiderna anges i valets tidszon ({ $election }) och sedan i din ({ $viewer }).
election-vote-title = Rösta
election-vote-go = Gå till din valsedel
election-vote-how = Öppna den personliga röstlänk du har fått för att rösta.
election-results-link = Se resultatet
election-results-later = Resultatet publiceras efter rösträkningen. Ingen ser delresultat innan dess.
election-questions-title = Frågor
election-question-position = Fråga { $number } av { $total }:
election-kind-choose-one = välj ett alternativ.
election-kind-approval = godkänn de alternativ du stöder.
election-kind-support-oppose = stöd, var neutral till eller motsätt dig varje alternativ.
election-kind-score = ge varje alternativ ett poängtal.
election-kind-ranked = rangordna kandidaterna efter preferens.
election-method = Räknemetod: { $method }; { $seats ->
    [one] ett mandat.
   *[other] { $seats } mandat.
}
election-turnout = { $eligible ->
    [one] { $voted } av 1 väljare har röstat.
   *[other] { $voted } av { $eligible } väljare har röstat.
}

voter-notice-back = Tillbaka till valets sida
voter-notice-sign-in-title = Logga in för att rösta
voter-notice-sign-in = Den här valsedeln kräver din personliga röstlänk för det här valet. Öppna länken du har fått.
voter-notice-wrong-election = Du är inloggad för ett annat val. Öppna röstlänken du har fått för det här.
voter-notice-revoked = Den här röstlänken har dragits tillbaka. Be valets arrangörer om en ny.
voter-notice-not-open-title = Röstningen är inte öppen
voter-notice-not-yet = Röstningen har inte börjat än. Den öppnar { $opens }.
voter-notice-closed = Röstningen har stängt. Valsedlar kan inte längre läggas eller ändras.
voter-notice-already-voted-title = Du har redan röstat
voter-notice-no-changes = Du har redan röstat, och det här valet tillåter inte att en lagd valsedel ändras.
voter-notice-revote = Du har redan röstat. Lägger du en ny valsedel ersätter den din tidigare: bara din sista valsedel räknas.
voter-notice-replaced = Den här valsedeln ersatte din tidigare. Bara den här valsedeln räknas.
voter-notice-struck = Din tidigare valsedel ströks av valets administratörer (skäl: { $reason }). Du får rösta igen.
voter-notice-invalid = Din valsedel godtogs inte: { $problem }
