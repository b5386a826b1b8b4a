election-state-label = Статус
election-state-draft = Готуються
election-state-ready = Заплановані
election-state-open = Голосування відкрите
election-state-closed = Голосування закрито; невдовзі підрахунок
election-state-counted = Підраховано; результати ще не опубліковано
election-state-published = Результати опубліковано
election-state-archived = В архіві
election-window-title = Період голосування
election-window-opens = Початок
election-window-closes = Кінець
election-window-zones = Час указано в часовому поясі виборів ({ $election }), потім у вашому ({ $viewer }).
election-vote-title = Голосування
election-vote-go = Перейти до бюлетеня
election-vote-how = Щоб проголосувати, відкрийте отримане особисте посилання для голосування.
election-results-link = Переглянути результати
election-results-later = Результати публікуються після підрахунку. До того ніхто не бачить проміжних результатів.
election-questions-title = Питання
election-question-position = Питання { $number } з { $total }:
election-kind-choose-one = оберіть один варіант.
election-kind-approval = схваліть варіанти, які підтримуєте.
election-kind-support-oppose = підтримайте кожен варіант, залиштеся нейтральними або виступіть проти.
election-kind-score = оцініть кожен варіант.
election-kind-ranked = розташуйте кандидатів у порядку переваги.
election-method = Метод підрахунку: { $method }; { $seats ->
    [one] { $seats } місце.
    [few] { $seats } місця.
   *[other] { $seats } місць.
}
election-turnout = { $eligible ->
    [one] Проголосували { $voted } з { $eligible } виборця.
   *[other] Проголосували { $voted } з { $eligible } виборців.
}

voter-notice-back = Повернутися на сторінку виборів
voter-notice-sign-in-title = Увійти, щоб проголосувати
voter-notice-sign-in = Для цього бюлетеня потрібне ваше особисте посилання для голосування на цих виборах. Відкрийте отримане посилання.
voter-notice-wrong-election = Ви увійшли для інших виборів. Відкрийте посилання для голосування, отримане для цих.
voter-notice-revoked = Це посилання для голосування відкликано. Попросіть нове в організаторів виборів.
voter-notice-not-open-title = Голосування не відкрите
voter-notice-not-yet = Голосування ще не почалося. Воно відкриється { $opens }.
voter-notice-closed = Голосування закрито. Бюлетені більше не можна подати чи змінити.
voter-notice-already-voted-title = Ви вже проголосували
voter-notice-no-changes = Ви вже проголосували, а ці вибори не дозволяють змінити поданий бюлетень.
voter-notice-revote = Ви вже проголосували. Новий бюлетень замінить попередній: зараховується лише останній.
voter-notice-replaced = Цей бюлетень замінив попередній. Зараховано буде лише його.
voter-notice-struck = Ваш попередній бюлетень анульовано адміністраторами виборів (причина: { $reason }). Ви можете проголосувати знову.
voter-notice-invalid = Ваш бюлетень не прийнято: { $problem }
