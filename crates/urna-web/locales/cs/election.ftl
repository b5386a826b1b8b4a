election-state-label = Stav
election-state-draft = V přípravě
election-state-ready = Naplánováno
election-state-open = Hlasování otevřeno
election-state-closed = Hlasování skončilo; brzy sčítání
election-state-counted = Sečteno; výsledky dosud nezveřejněny
election-state-published = Výsledky zveřejněny
election-state-archived = Archivováno
election-window-title = Období hlasování
election-window-opens = Začátek
election-window-closes = Konec
election-window-zones = Časy jsou uvedeny v časovém pásmu voleb ({ $election }), poté ve vašem ({ $viewer }).
election-vote-title = Hlasovat
election-vote-go = Přejít na hlasovací lístek
election-vote-how = Chcete-li hlasovat, otevřete osobní hlasovací odkaz, který jste dostali.
election-results-link = Zobrazit výsledky
election-results-later = Výsledky se zveřejňují po sčítání. Předtím nikdo nevidí dílčí výsledky.
election-questions-title = Otázky
election-question-position = Otázka { $number } z { $total }:
election-kind-choose-one = vyberte jednu možnost.
election-kind-approval = schvalte možnosti, které podporujete.
election-kind-support-oppose = u každé možnosti podpořte, zůstaňte neutrální, nebo buďte proti.
election-kind-score = ohodnoťte každou možnost.
election-kind-ranked = seřaďte kandidáty podle preference.
election-method = Metoda sčítání: { $method }; { $seats ->
    [one] { $seats } mandát.
    [few] { $seats } mandáty.
    [many] { $seats } mandátu.
   *[other] { $seats } mandátů.
}
election-turnout = { $eligible ->
    [one] Hlasovalo { $voted } z { $eligible } voliče.
   *[other] Hlasovalo { $voted } z { $eligible } voličů.
}

voter-notice-back = Zpět na stránku voleb
voter-notice-sign-in-title = Přihlásit se k hlasování
voter-notice-sign-in = Tento lístek vyžaduje váš osobní hlasovací odkaz pro tyto volby. Otevřete odkaz, který jste dostali.
voter-notice-wrong-election = Jste přihlášeni k jiným volbám. Otevřete hlasovací odkaz, který jste dostali pro tyto.
voter-notice-revoked = Tento hlasovací odkaz byl zrušen. Požádejte organizátory voleb o nový.
voter-notice-not-open-title = Hlasování není otevřeno
voter-notice-not-yet = Hlasování ještě nezačalo. Začíná { $opens }.
voter-notice-closed = Hlasování skončilo. Lístky již nelze odevzdat ani změnit.
voter-notice-already-voted-title = Již jste hlasovali
voter-notice-no-changes = Již jste hlasovali a tyto volby nedovolují změnit odevzdaný lístek.
voter-notice-revote = Již jste hlasovali. Nový lístek nahradí předchozí: počítá se jen poslední.
voter-notice-replaced = Tento lístek nahradil váš předchozí. Sečten bude jen tento lístek.
voter-notice-struck = Váš předchozí lístek byl zrušen správci voleb (důvod: { $reason }). Můžete hlasovat znovu.
voter-notice-invalid = Váš lístek nebyl přijat: { $problem }
