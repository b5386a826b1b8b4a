election-state-label = Stan
election-state-draft = W przygotowaniu
election-state-ready = Zaplanowane
election-state-open = Głosowanie otwarte
election-state-closed = Głosowanie zamknięte; wkrótce liczenie
election-state-counted = Policzone; wyniki jeszcze nieopublikowane
election-state-published = Wyniki opublikowane
election-state-archived = Zarchiwizowane
election-window-title = Okres głosowania
election-window-opens = Otwarcie
election-window-closes = Zamknięcie
election-window-zones = Czas podano w strefie czasowej wyborów ({ $election }), a potem w twojej ({ $viewer }).
election-vote-title = Głosowanie
election-vote-go = Przejdź do swojej karty
election-vote-how = Aby zagłosować, otwórz otrzymany osobisty link do głosowania.
election-results-link = Zobacz wyniki
election-results-later = Wyniki są publikowane po liczeniu. Wcześniej nikt nie widzi wyników częściowych.
election-questions-title = Pytania
election-question-position = Pytanie { $number } z { $total }:
election-kind-choose-one = wybierz jedną opcję.
election-kind-approval = zaakceptuj opcje, które popierasz.
election-kind-support-oppose = popieraj, zachowaj neutralność lub sprzeciw się każdej opcji.
election-kind-score = przyznaj każdej opcji ocenę.
election-kind-ranked = uszereguj kandydatów według preferencji.
election-method = Metoda liczenia: { $method }; { $seats ->
    [one] { $seats } mandat.
    [few] { $seats } mandaty.
   *[other] { $seats } mandatów.
}
election-turnout = { $eligible ->
    [one] Zagłosowało { $voted } z { $eligible } uprawnionej osoby.
   *[other] Zagłosowało { $voted } z { $eligible } uprawnionych osób.
}

voter-notice-back = Wróć na stronę wyborów
voter-notice-sign-in-title = Zaloguj się, aby głosować
voter-notice-sign-in = Ta karta wymaga twojego osobistego linku do głosowania w tych wyborach. Otwórz otrzymany link.
voter-notice-wrong-election = Jesteś zalogowany do innych wyborów. Otwórz link do głosowania otrzymany dla tych.
voter-notice-revoked = Ten link do głosowania został wycofany. Poproś organizatorów wyborów o nowy.
voter-notice-not-open-title = Głosowanie nie jest otwarte
voter-notice-not-yet = Głosowanie jeszcze się nie zaczęło. Rozpocznie się { $opens }.
voter-notice-closed = Głosowanie zostało zamknięte. Nie można już oddawać ani zmieniać kart.
voter-notice-already-voted-title = Już zagłosowałeś
voter-notice-no-changes = Już zagłosowałeś, a te wybory nie pozwalają zmienić oddanej karty.
voter-notice-revote = Już zagłosowałeś. Nowa karta zastąpi poprzednią: liczy się tylko ostatnia.
voter-notice-replaced = Ta karta zastąpiła poprzednią. Policzona zostanie tylko ona.
voter-notice-struck = Twoja poprzednia karta została unieważniona przez administratorów wyborów (powód: { $reason }). Możesz zagłosować ponownie.
voter-notice-invalid = Twoja karta nie została przyjęta: { $problem }
