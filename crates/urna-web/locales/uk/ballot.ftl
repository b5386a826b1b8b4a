ballot-title = Ваш бюлетень
ballot-intro = Дайте відповідь на кожне питання або утримайтеся. Поки нічого не подано: перед поданням ви знову побачите свій вибір.
ballot-question-position = Питання { $number } з { $total }
ballot-list-separator = {", "}
ballot-abstain = Утриматися з цього питання
ballot-withdrawn = Знявся, більше не балотується: { $names }
ballot-review-help = Далі ви знову побачите свій вибір, щоб перевірити його перед поданням бюлетеня.
ballot-review = Переглянути бюлетень

ballot-instructions-choose-one = Оберіть один варіант.
ballot-instructions-approval-exactly = { $count ->
    [one] Схваліть рівно { $count } варіант.
    [few] Схваліть рівно { $count } варіанти.
   *[other] Схваліть рівно { $count } варіантів.
}
ballot-instructions-approval-up-to = { $max ->
    [one] Схваліть не більше { $max } варіанта. Можна не схвалювати жодного.
   *[other] Схваліть будь-які варіанти, не більше { $max }. Можна не схвалювати жодного.
}
ballot-instructions-approval-range = Схваліть не менше { $min } і не більше { $max } варіантів.
ballot-instructions-score = Оцініть кожен варіант від { $min } (найгірше) до { $max } (найкраще) або залиште без оцінки.
ballot-instructions-son = Для кожного варіанта оберіть «За», «Нейтрально» чи «Проти» або залиште без думки.
ballot-instructions-ranked = Розташуйте кандидатів у порядку переваги: 1 — перший вибір, 2 — другий і так далі. Кандидати без номера не ранжуються.
ballot-instructions-ranked-distinct = Дайте кожному ранжованому кандидатові свій номер.
ballot-instructions-ranked-equal = Можна дати кільком кандидатам однаковий номер, щоб поставити їх нарівні.
ballot-instructions-ranked-max = { $max ->
    [one] Можна ранжувати не більше { $max } кандидата.
   *[other] Можна ранжувати не більше { $max } кандидатів.
}
ballot-instructions-ranked-js = Кнопкою «Додати» вносьте кандидатів до свого списку, кнопками «Вище» і «Нижче» впорядковуйте його. Перший вибір — угорі. Клавіші зі стрілками вгору і вниз переходять між кнопками.
ballot-rank-range = Впишіть число від 1 до { $max } поруч з кожним кандидатом, якого ранжуєте.
ballot-score-blank = Без оцінки
ballot-son-support = За
ballot-son-neutral = Нейтрально
ballot-son-oppose = Проти
ballot-son-blank = Без думки

ballot-js-your-ranking = Ваш список
ballot-js-empty = Ви ще нікого не ранжували.
ballot-js-candidates = Кандидати, ще не ранжовані
ballot-js-filter = Знайти кандидата
ballot-js-filter-count = { $count ->
    [one] Показано { $count } кандидата
   *[other] Показано { $count } кандидатів
}
ballot-js-add = Додати
ballot-js-add-label = Додати { $name } до списку
ballot-js-remove = Прибрати
ballot-js-remove-label = Прибрати { $name } зі списку
ballot-js-up = Вище
ballot-js-up-label = Перемістити { $name } вище
ballot-js-down = Нижче
ballot-js-down-label = Перемістити { $name } нижче
ballot-js-added = { $name }: додано на місце { $rank }
ballot-js-moved = { $name }: переміщено на місце { $rank }
ballot-js-removed = { $name }: прибрано зі списку
ballot-js-at-top = { $name } уже ваш перший вибір
ballot-js-at-bottom = { $name } уже останній у вашому списку
ballot-js-limit = Можна ранжувати не більше { $max } кандидатів

ballot-error-summary-title = Бюлетень потребує уваги
ballot-error-summary-intro = Нічого не подано. Виправте таке і знову перегляньте бюлетень:
ballot-error-in-question = Питання { $number }: { $message }
ballot-error-no-choice = Оберіть варіант або утримайтеся з цього питання.
ballot-error-abstain-and-answer = Ви обрали «утриматися», але також позначили варіанти. Зніміть позначки або приберіть прапорець «Утриматися з цього питання».
ballot-error-several-choices = Оберіть лише один варіант.
ballot-error-unknown-option = У бюлетені вказано варіант, якого в ньому немає («{ $value }»). Оновіть сторінку і заповніть її знову.
ballot-error-withdrawn = { $name } знявся, його більше не можна обрати.
ballot-error-repeated = { $name } трапляється в надісланому двічі. Оновіть сторінку і заповніть її знову.
ballot-error-rank-not-number = Місце для { $name } має бути цілим числом, а не «{ $value }».
ballot-error-score-not-number = Оцінка для { $name } має бути цілим числом, а не «{ $value }».
ballot-error-rank-out-of-range = Місце для { $name } має бути від 1 до { $max }, а не { $value }.
ballot-error-score-out-of-range = Оцінка для { $name } має бути від { $min } до { $max }, а не { $value }.
ballot-error-equal-ranks = У { $names } однакове місце { $rank }. Дайте кожному кандидатові свій номер.
ballot-error-too-few = { $min ->
    [one] Схваліть щонайменше { $min } варіант або утримайтеся.
    [few] Схваліть щонайменше { $min } варіанти або утримайтеся.
   *[other] Схваліть щонайменше { $min } варіантів або утримайтеся.
}
ballot-error-too-many = { $max ->
    [one] Схваліть не більше { $max } варіанта.
   *[other] Схваліть не більше { $max } варіантів.
}
ballot-error-too-many-ranked = { $max ->
    [one] Ранжуйте не більше { $max } кандидата.
   *[other] Ранжуйте не більше { $max } кандидатів.
}
ballot-error-other = Цю відповідь не можна прийняти: { $detail }
ballot-error-unknown-field = Форма містила те, що не належить до цього бюлетеня. Оновіть сторінку і заповніть її знову.

ballot-confirm-title = Перевірте бюлетень
ballot-confirm-intro = Бюлетень ще не подано. Перевірте свій вибір, потім подайте бюлетень або змініть його.
ballot-confirm-question = Питання { $number }:
ballot-confirm-abstain = Ви утримуєтеся з цього питання.
ballot-confirm-choice = Ваш вибір:
ballot-confirm-approved-none = Ви не схвалюєте жодного варіанта.
ballot-confirm-approved = { $count ->
    [one] Ви схвалюєте { $count } варіант:
    [few] Ви схвалюєте { $count } варіанти:
   *[other] Ви схвалюєте { $count } варіантів:
}
ballot-confirm-scores-none = Ви не оцінили жодного варіанта.
ballot-confirm-scores = { $blank ->
    [0] Ваші оцінки:
    [one] Ваші оцінки ({ $blank } варіант без оцінки):
    [few] Ваші оцінки ({ $blank } варіанти без оцінки):
   *[other] Ваші оцінки ({ $blank } варіантів без оцінки):
}
ballot-confirm-ranking = { $unranked ->
    [0] Ваш список, перший вибір угорі:
    [one] Ваш список, перший вибір угорі ({ $unranked } кандидат не ранжований):
    [few] Ваш список, перший вибір угорі ({ $unranked } кандидати не ранжовані):
   *[other] Ваш список, перший вибір угорі ({ $unranked } кандидатів не ранжовані):
}
ballot-confirm-equal = нарівні
ballot-confirm-secret = Щойно ви подасте бюлетень, його буде запечатано: ніхто не зможе прочитати його самотужки, навіть ті, хто керує цим сервером.
ballot-confirm-cast = Подати цей бюлетень
ballot-confirm-change = Змінити бюлетень

ballot-receipt-title = Ваш бюлетень подано
ballot-receipt-code-label = Ваш код квитанції
ballot-receipt-keep = Запишіть або збережіть його.
ballot-receipt-proves-title = Що показує цей код
ballot-receipt-proves = Код обчислено з вашого запечатаного бюлетеня. Він дає змогу перевірити, що бюлетень записано і що він є серед підрахованих.
ballot-receipt-not-title = Чого він не показує
ballot-receipt-not = Код не розкриває, як ви проголосували, і не може нікому цього довести: ніхто не зможе з його допомогою купити чи перевірити ваш голос.
ballot-receipt-revote = Поки вибори відкриті, можна проголосувати знову. Зараховується лише останній бюлетень, і він отримує новий код.
ballot-receipt-no-revote = Ці вибори не дозволяють змінити поданий бюлетень.
ballot-preview-note = Це попередній перегляд: нічого не записано, а код нижче — приклад.
