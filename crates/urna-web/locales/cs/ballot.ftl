ballot-title = Váš hlasovací lístek
ballot-intro = Odpovězte na každou otázku, nebo se zdržte. Zatím se nic neodevzdává: před odevzdáním uvidíte své volby znovu.
ballot-question-position = Otázka { $number } z { $total }
ballot-list-separator = {", "}
ballot-abstain = Zdržet se u této otázky
ballot-withdrawn = Odstoupili, již nekandidují: { $names }
ballot-review-help = Dále uvidíte své volby znovu, abyste je před odevzdáním zkontrolovali.
ballot-review = Zkontrolovat můj lístek

ballot-instructions-choose-one = Vyberte jednu možnost.
ballot-instructions-approval-exactly = { $count ->
    [one] Schvalte právě { $count } možnost.
    [few] Schvalte právě { $count } možnosti.
    [many] Schvalte právě { $count } možnosti.
   *[other] Schvalte právě { $count } možností.
}
ballot-instructions-approval-up-to = { $max ->
    [one] Schvalte nejvýše { $max } možnost. Nemusíte schválit žádnou.
   *[other] Schvalte libovolné možnosti, nejvýše { $max }. Nemusíte schválit žádnou.
}
ballot-instructions-approval-range = Schvalte alespoň { $min } a nejvýše { $max } možností.
ballot-instructions-score = Dejte každé možnosti hodnocení od { $min } (nejhorší) do { $max } (nejlepší), nebo ji nechte bez hodnocení.
ballot-instructions-son = U každé možnosti zvolte Pro, Neutrálně nebo Proti, nebo ji nechte bez názoru.
ballot-instructions-ranked = Seřaďte kandidáty podle preference: 1 pro první volbu, 2 pro druhou a tak dále. Kandidáti bez čísla nejsou seřazeni.
ballot-instructions-ranked-distinct = Dejte každému seřazenému kandidátovi jiné číslo.
ballot-instructions-ranked-equal = Můžete dát více kandidátům stejné číslo, abyste je seřadili na stejné místo.
ballot-instructions-ranked-max = { $max ->
    [one] Můžete seřadit nejvýše { $max } kandidáta.
   *[other] Můžete seřadit nejvýše { $max } kandidátů.
}
ballot-instructions-ranked-js = Tlačítkem „Přidat“ zařaďte kandidáty do svého pořadí, tlačítky „Nahoru“ a „Dolů“ ho uspořádejte. Vaše první volba je nahoře. Šipky nahoru a dolů přecházejí mezi tlačítky.
ballot-rank-range = Vedle každého kandidáta, kterého řadíte, napište číslo od 1 do { $max }.
ballot-score-blank = Bez hodnocení
ballot-son-support = Pro
ballot-son-neutral = Neutrálně
ballot-son-oppose = Proti
ballot-son-blank = Bez názoru

ballot-js-your-ranking = Vaše pořadí
ballot-js-empty = Zatím jste nikoho neseřadili.
ballot-js-candidates = Dosud neseřazení kandidáti
ballot-js-filter = Najít kandidáta
ballot-js-filter-count = Zobrazení kandidáti: { $count }
ballot-js-add = Přidat
ballot-js-add-label = Přidat { $name } do pořadí
ballot-js-remove = Odebrat
ballot-js-remove-label = Odebrat { $name } z pořadí
ballot-js-up = Nahoru
ballot-js-up-label = Posunout { $name } nahoru
ballot-js-down = Dolů
ballot-js-down-label = Posunout { $name } dolů
ballot-js-added = { $name }: přidáno na místo { $rank }
ballot-js-moved = { $name }: přesunuto na místo { $rank }
ballot-js-removed = { $name }: odebráno z pořadí
ballot-js-at-top = { $name } je již vaše první volba
ballot-js-at-bottom = { $name } je již ve vašem pořadí poslední
ballot-js-limit = Můžete seřadit nejvýše { $max } kandidátů

ballot-error-summary-title = Váš lístek vyžaduje pozornost
ballot-error-summary-intro = Nic nebylo odevzdáno. Opravte následující a lístek znovu zkontrolujte:
ballot-error-in-question = Otázka { $number }: { $message }
ballot-error-no-choice = Vyberte možnost, nebo se u této otázky zdržte.
ballot-error-abstain-and-answer = Zvolili jste zdržení se, ale také jste označili volby. Zrušte volby, nebo odškrtněte „Zdržet se u této otázky“.
ballot-error-several-choices = Vyberte jen jednu možnost.
ballot-error-unknown-option = Lístek uváděl možnost, která na něm není („{ $value }“). Načtěte stránku znovu a vyplňte ji znovu.
ballot-error-withdrawn = { $name } odstoupil(a) a již nelze zvolit.
ballot-error-repeated = { $name } se v odeslaných údajích vyskytuje dvakrát. Načtěte stránku znovu a vyplňte ji znovu.
ballot-error-rank-not-number = Pořadí pro { $name } musí být celé číslo, ne „{ $value }“.
ballot-error-score-not-number = Hodnocení pro { $name } musí být celé číslo, ne „{ $value }“.
ballot-error-rank-out-of-range = Pořadí pro { $name } musí být od 1 do { $max }, ne { $value }.
ballot-error-score-out-of-range = Hodnocení pro { $name } musí být od { $min } do { $max }, ne { $value }.
ballot-error-equal-ranks = { $names } mají všichni pořadí { $rank }. Dejte každému kandidátovi jiné číslo.
ballot-error-too-few = { $min ->
    [one] Schvalte alespoň { $min } možnost, nebo se zdržte.
    [few] Schvalte alespoň { $min } možnosti, nebo se zdržte.
    [many] Schvalte alespoň { $min } možnosti, nebo se zdržte.
   *[other] Schvalte alespoň { $min } možností, nebo se zdržte.
}
ballot-error-too-many = { $max ->
    [one] Schvalte nejvýše { $max } možnost.
    [few] Schvalte nejvýše { $max } možnosti.
    [many] Schvalte nejvýše { $max } možnosti.
   *[other] Schvalte nejvýše { $max } možností.
}
ballot-error-too-many-ranked = { $max ->
    [one] Seřaďte nejvýše { $max } kandidáta.
   *[other] Seřaďte nejvýše { $max } kandidátů.
}
ballot-error-other = Tuto odpověď nelze přijmout: { $detail }
ballot-error-unknown-field = Formulář obsahoval něco, co k tomuto lístku nepatří. Načtěte stránku znovu a vyplňte ji znovu.

ballot-confirm-title = Zkontrolujte svůj lístek
ballot-confirm-intro = Váš lístek ještě nebyl odevzdán. Zkontrolujte své volby a pak lístek odevzdejte nebo ho změňte.
ballot-confirm-question = Otázka { $number }:
ballot-confirm-abstain = U této otázky se zdržujete.
ballot-confirm-choice = Zvolili jste:
ballot-confirm-approved-none = Neschvalujete žádnou z možností.
ballot-confirm-approved = { $count ->
    [one] Schvalujete tuto možnost:
    [few] Schvalujete tyto { $count } možnosti:
    [many] Schvalujete těchto { $count } možnosti:
   *[other] Schvalujete těchto { $count } možností:
}
ballot-confirm-scores-none = Žádnou možnost jste neohodnotili.
ballot-confirm-scores = { $blank ->
    [0] Vaše hodnocení:
    [one] Vaše hodnocení ({ $blank } možnost bez hodnocení):
    [few] Vaše hodnocení ({ $blank } možnosti bez hodnocení):
    [many] Vaše hodnocení ({ $blank } možnosti bez hodnocení):
   *[other] Vaše hodnocení ({ $blank } možností bez hodnocení):
}
ballot-confirm-ranking = { $unranked ->
    [0] Vaše pořadí, první volba první:
    [one] Vaše pořadí, první volba první ({ $unranked } kandidát neseřazen):
    [few] Vaše pořadí, první volba první ({ $unranked } kandidáti neseřazeni):
    [many] Vaše pořadí, první volba první ({ $unranked } kandidáta neseřazeno):
   *[other] Vaše pořadí, první volba první ({ $unranked } kandidátů neseřazeno):
}
ballot-confirm-equal = na stejném místě
ballot-confirm-secret = Jakmile lístek odevzdáte, je okamžitě zapečetěn: nikdo ho nemůže přečíst sám, ani ti, kdo provozují tento server.
ballot-confirm-cast = Odevzdat tento lístek
ballot-confirm-change = Změnit můj lístek

ballot-receipt-title = Váš lístek byl odevzdán
ballot-receipt-code-label = Váš kód potvrzení
ballot-receipt-keep = Zapište si ho nebo ho uložte.
ballot-receipt-proves-title = Co tento kód ukazuje
ballot-receipt-proves = Kód je vypočten z vašeho zapečetěného lístku. Umožňuje ověřit, že váš lístek byl zaznamenán a je mezi sečtenými.
ballot-receipt-not-title = Co neukazuje
ballot-receipt-not = Kód neprozrazuje, jak jste hlasovali, a nikomu to nemůže dokázat: nikdo ho nemůže použít ke koupi nebo kontrole vašeho hlasu.
ballot-receipt-revote = Dokud jsou volby otevřené, můžete hlasovat znovu. Počítá se jen poslední lístek, který dostane nový kód.
ballot-receipt-no-revote = Tyto volby nedovolují změnit odevzdaný lístek.
ballot-preview-note = Toto je náhled: nic nebylo zaznamenáno a kód níže je příklad.
