ballot-title = Twoja karta
ballot-intro = Odpowiedz na każde pytanie albo wstrzymaj się od głosu. Nic jeszcze nie zostało oddane: zobaczysz swoje wybory ponownie przed oddaniem karty.
ballot-question-position = Pytanie { $number } z { $total }
ballot-list-separator = {", "}
ballot-abstain = Wstrzymuję się w tym pytaniu
ballot-withdrawn = Wycofali się, już nie kandydują: { $names }
ballot-review-help = Następnie zobaczysz swoje wybory ponownie, aby je sprawdzić przed oddaniem karty.
ballot-review = Przejrzyj moją kartę

ballot-instructions-choose-one = Wybierz jedną opcję.
ballot-instructions-approval-exactly = { $count ->
    [one] Zaakceptuj dokładnie { $count } opcję.
    [few] Zaakceptuj dokładnie { $count } opcje.
   *[other] Zaakceptuj dokładnie { $count } opcji.
}
ballot-instructions-approval-up-to = { $max ->
    [one] Zaakceptuj najwyżej { $max } opcję. Możesz nie zaakceptować żadnej.
    [few] Zaakceptuj dowolne opcje, najwyżej { $max }. Możesz nie zaakceptować żadnej.
   *[other] Zaakceptuj dowolne opcje, najwyżej { $max }. Możesz nie zaakceptować żadnej.
}
ballot-instructions-approval-range = Zaakceptuj co najmniej { $min } i najwyżej { $max } opcji.
ballot-instructions-score = Przyznaj każdej opcji ocenę od { $min } (najgorsza) do { $max } (najlepsza) albo zostaw ją bez oceny.
ballot-instructions-son = Dla każdej opcji wybierz Za, Neutralnie lub Przeciw albo zostaw ją bez opinii.
ballot-instructions-ranked = Uszereguj kandydatów według preferencji: 1 dla pierwszego wyboru, 2 dla drugiego i tak dalej. Kandydaci bez numeru nie są szeregowani.
ballot-instructions-ranked-distinct = Nadaj każdemu szeregowanemu kandydatowi inny numer.
ballot-instructions-ranked-equal = Możesz nadać kilku kandydatom ten sam numer, aby uszeregować ich na równi.
ballot-instructions-ranked-max = { $max ->
    [one] Możesz uszeregować tylko { $max } kandydata.
   *[other] Możesz uszeregować najwyżej { $max } kandydatów.
}
ballot-instructions-ranked-js = Użyj „Dodaj”, aby umieścić kandydatów w swoim rankingu, a następnie „W górę” i „W dół”, aby go uporządkować. Pierwszy wybór jest na górze. Strzałki w górę i w dół przechodzą między przyciskami.
ballot-rank-range = Wpisz liczbę od 1 do { $max } obok każdego szeregowanego kandydata.
ballot-score-blank = Bez oceny
ballot-son-support = Za
ballot-son-neutral = Neutralnie
ballot-son-oppose = Przeciw
ballot-son-blank = Bez opinii

ballot-js-your-ranking = Twój ranking
ballot-js-empty = Jeszcze nikogo nie uszeregowałeś.
ballot-js-candidates = Kandydaci jeszcze nieuszeregowani
ballot-js-filter = Znajdź kandydata
ballot-js-filter-count = Wyświetleni kandydaci: { $count }
ballot-js-add = Dodaj
ballot-js-add-label = Dodaj { $name } do rankingu
ballot-js-remove = Usuń
ballot-js-remove-label = Usuń { $name } z rankingu
ballot-js-up = W górę
ballot-js-up-label = Przesuń { $name } w górę
ballot-js-down = W dół
ballot-js-down-label = Przesuń { $name } w dół
ballot-js-added = { $name }: dodano na miejscu { $rank }
ballot-js-moved = { $name }: przeniesiono na miejsce { $rank }
ballot-js-removed = { $name }: usunięto z rankingu
ballot-js-at-top = { $name } jest już twoim pierwszym wyborem
ballot-js-at-bottom = { $name } jest już ostatni w twoim rankingu
ballot-js-limit = Możesz uszeregować najwyżej { $max } kandydatów

ballot-error-summary-title = Twoja karta wymaga uwagi
ballot-error-summary-intro = Nic nie zostało oddane. Popraw poniższe i ponownie przejrzyj kartę:
ballot-error-in-question = Pytanie { $number }: { $message }
ballot-error-no-choice = Wybierz opcję albo wstrzymaj się w tym pytaniu.
ballot-error-abstain-and-answer = Wybrałeś wstrzymanie się, ale zaznaczyłeś też wybory. Wyczyść wybory albo odznacz „Wstrzymuję się w tym pytaniu”.
ballot-error-several-choices = Wybierz tylko jedną opcję.
ballot-error-unknown-option = Karta wskazywała opcję, której na niej nie ma („{ $value }”). Odśwież stronę i wypełnij ją ponownie.
ballot-error-withdrawn = { $name } wycofał się i nie można go już wybrać.
ballot-error-repeated = { $name } występuje w przesłanych danych dwukrotnie. Odśwież stronę i wypełnij ją ponownie.
ballot-error-rank-not-number = Miejsce dla { $name } musi być liczbą całkowitą, a nie „{ $value }”.
ballot-error-score-not-number = Ocena dla { $name } musi być liczbą całkowitą, a nie „{ $value }”.
ballot-error-rank-out-of-range = Miejsce dla { $name } musi wynosić od 1 do { $max }, a nie { $value }.
ballot-error-score-out-of-range = Ocena dla { $name } musi wynosić od { $min } do { $max }, a nie { $value }.
ballot-error-equal-ranks = { $names } mają to samo miejsce { $rank }. Nadaj każdemu kandydatowi inny numer.
ballot-error-too-few = { $min ->
    [one] Zaakceptuj co najmniej { $min } opcję albo wstrzymaj się.
    [few] Zaakceptuj co najmniej { $min } opcje albo wstrzymaj się.
   *[other] Zaakceptuj co najmniej { $min } opcji albo wstrzymaj się.
}
ballot-error-too-many = { $max ->
    [one] Zaakceptuj najwyżej { $max } opcję.
    [few] Zaakceptuj najwyżej { $max } opcje.
   *[other] Zaakceptuj najwyżej { $max } opcji.
}
ballot-error-too-many-ranked = { $max ->
    [one] Uszereguj tylko { $max } kandydata.
   *[other] Uszereguj najwyżej { $max } kandydatów.
}
ballot-error-other = Tej odpowiedzi nie można przyjąć: { $detail }
ballot-error-unknown-field = Formularz zawierał coś, co nie należy do tej karty. Odśwież stronę i wypełnij ją ponownie.

ballot-confirm-title = Sprawdź swoją kartę
ballot-confirm-intro = Twoja karta nie została jeszcze oddana. Sprawdź swoje wybory, a następnie oddaj kartę lub ją zmień.
ballot-confirm-question = Pytanie { $number }:
ballot-confirm-abstain = Wstrzymujesz się w tym pytaniu.
ballot-confirm-choice = Twój wybór:
ballot-confirm-approved-none = Nie akceptujesz żadnej opcji.
ballot-confirm-approved = { $count ->
    [one] Akceptujesz tę opcję:
    [few] Akceptujesz te { $count } opcje:
   *[other] Akceptujesz te { $count } opcji:
}
ballot-confirm-scores-none = Nie oceniłeś żadnej opcji.
ballot-confirm-scores = { $blank ->
    [0] Twoje oceny:
    [one] Twoje oceny ({ $blank } opcja bez oceny):
    [few] Twoje oceny ({ $blank } opcje bez oceny):
   *[other] Twoje oceny ({ $blank } opcji bez oceny):
}
ballot-confirm-ranking = { $unranked ->
    [0] Twój ranking, od pierwszego wyboru:
    [one] Twój ranking, od pierwszego wyboru ({ $unranked } kandydat nieuszeregowany):
    [few] Twój ranking, od pierwszego wyboru ({ $unranked } kandydatów nieuszeregowanych):
   *[other] Twój ranking, od pierwszego wyboru ({ $unranked } kandydatów nieuszeregowanych):
}
ballot-confirm-equal = na równi
ballot-confirm-secret = Gdy oddasz kartę, zostanie ona od razu zapieczętowana: nikt nie może jej odczytać sam, nawet osoby obsługujące ten serwer.
ballot-confirm-cast = Oddaj tę kartę
ballot-confirm-change = Zmień moją kartę

ballot-receipt-title = Twoja karta została oddana
ballot-receipt-code-label = Twój kod potwierdzenia
ballot-receipt-keep = Zapisz go lub zachowaj.
ballot-receipt-proves-title = Co pokazuje ten kod
ballot-receipt-proves = Kod jest obliczany z twojej zapieczętowanej karty. Pozwala sprawdzić, że twoja karta została zapisana i jest wśród policzonych.
ballot-receipt-not-title = Czego nie pokazuje
ballot-receipt-not = Kod nie ujawnia, jak głosowałeś, i nie może nikomu tego udowodnić: nikt nie może go użyć, by kupić lub sprawdzić twój głos.
ballot-receipt-revote = Dopóki wybory są otwarte, możesz zagłosować ponownie. Liczy się tylko ostatnia karta, która otrzymuje nowy kod.
ballot-receipt-no-revote = Te wybory nie pozwalają zmienić oddanej karty.
ballot-preview-note = To jest podgląd: nic nie zostało zapisane, a poniższy kod jest przykładem.
