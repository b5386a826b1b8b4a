ballot-title = Ваш бюллетень
ballot-intro = Ответьте на каждый вопрос или воздержитесь. Пока ничего не подано: перед подачей бюллетеня вы снова увидите свой выбор.
ballot-question-position = Вопрос { $number } из { $total }
ballot-list-separator = {", "}
ballot-abstain = Воздержаться по этому вопросу
ballot-withdrawn = Снял кандидатуру, больше не участвует: { $names }
ballot-review-help = Далее вы снова увидите свой выбор, чтобы проверить его перед подачей бюллетеня.
ballot-review = Проверить бюллетень

ballot-instructions-choose-one = Выберите один вариант.
ballot-instructions-approval-exactly = { $count ->
    [one] Одобрите ровно { $count } вариант.
    [few] Одобрите ровно { $count } варианта.
   *[other] Одобрите ровно { $count } вариантов.
}
ballot-instructions-approval-up-to = { $max ->
    [one] Одобрите не более { $max } варианта. Можно не одобрять ни одного.
   *[other] Одобрите любые варианты, не более { $max }. Можно не одобрять ни одного.
}
ballot-instructions-approval-range = Одобрите не менее { $min } и не более { $max } вариантов.
ballot-instructions-score = Оцените каждый вариант от { $min } (хуже всего) до { $max } (лучше всего) или оставьте без оценки.
ballot-instructions-son = Для каждого варианта выберите «За», «Нейтрально» или «Против» либо оставьте без мнения.
ballot-instructions-ranked = Расположите кандидатов в порядке предпочтения: 1 — первый выбор, 2 — второй и так далее. Кандидаты без номера не ранжируются.
ballot-instructions-ranked-distinct = Дайте каждому ранжированному кандидату свой номер.
ballot-instructions-ranked-equal = Можно дать нескольким кандидатам один номер, чтобы поставить их наравне.
ballot-instructions-ranked-max = { $max ->
    [one] Можно ранжировать не более { $max } кандидата.
   *[other] Можно ранжировать не более { $max } кандидатов.
}
ballot-instructions-ranked-js = Кнопкой «Добавить» вносите кандидатов в свой список, кнопками «Выше» и «Ниже» упорядочивайте его. Первый выбор — вверху. Клавиши со стрелками вверх и вниз переходят между кнопками.
ballot-rank-range = Впишите число от 1 до { $max } рядом с каждым кандидатом, которого ранжируете.
ballot-score-blank = Без оценки
ballot-son-support = За
ballot-son-neutral = Нейтрально
ballot-son-oppose = Против
ballot-son-blank = Без мнения

ballot-js-your-ranking = Ваш список
ballot-js-empty = Вы ещё никого не ранжировали.
ballot-js-candidates = Кандидаты, ещё не ранжированные
ballot-js-filter = Найти кандидата
ballot-js-filter-count = { $count ->
    [one] Показан { $count } кандидат
    [few] Показаны { $count } кандидата
   *[other] Показано { $count } кандидатов
}
ballot-js-add = Добавить
ballot-js-add-label = Добавить { $name } в список
ballot-js-remove = Убрать
ballot-js-remove-label = Убрать { $name } из списка
ballot-js-up = Выше
ballot-js-up-label = Переместить { $name } выше
ballot-js-down = Ниже
ballot-js-down-label = Переместить { $name } ниже
ballot-js-added = { $name }: добавлен на место { $rank }
ballot-js-moved = { $name }: перемещён на место { $rank }
ballot-js-removed = { $name }: убран из списка
ballot-js-at-top = { $name } уже ваш первый выбор
ballot-js-at-bottom = { $name } уже последний в вашем списке
ballot-js-limit = Можно ранжировать не более { $max } кандидатов

ballot-error-summary-title = Бюллетень требует внимания
ballot-error-summary-intro = Ничего не подано. Исправьте следующее и снова проверьте бюллетень:
ballot-error-in-question = Вопрос { $number }: { $message }
ballot-error-no-choice = Выберите вариант или воздержитесь по этому вопросу.
ballot-error-abstain-and-answer = Вы выбрали «воздержаться», но также отметили варианты. Снимите отметки или уберите флажок «Воздержаться по этому вопросу».
ballot-error-several-choices = Выберите только один вариант.
ballot-error-unknown-option = В бюллетене указан вариант, которого в нём нет («{ $value }»). Обновите страницу и заполните её снова.
ballot-error-withdrawn = { $name } снял кандидатуру, его больше нельзя выбрать.
ballot-error-repeated = { $name } встречается в отправленном дважды. Обновите страницу и заполните её снова.
ballot-error-rank-not-number = Место для { $name } должно быть целым числом, а не «{ $value }».
ballot-error-score-not-number = Оценка для { $name } должна быть целым числом, а не «{ $value }».
ballot-error-rank-out-of-range = Место для { $name } должно быть от 1 до { $max }, а не { $value }.
ballot-error-score-out-of-range = Оценка для { $name } должна быть от { $min } до { $max }, а не { $value }.
ballot-error-equal-ranks = У { $names } одинаковое место { $rank }. Дайте каждому кандидату свой номер.
ballot-error-too-few = { $min ->
    [one] Одобрите хотя бы { $min } вариант или воздержитесь.
    [few] Одобрите хотя бы { $min } варианта или воздержитесь.
   *[other] Одобрите хотя бы { $min } вариантов или воздержитесь.
}
ballot-error-too-many = { $max ->
    [one] Одобрите не более { $max } варианта.
   *[other] Одобрите не более { $max } вариантов.
}
ballot-error-too-many-ranked = { $max ->
    [one] Ранжируйте не более { $max } кандидата.
   *[other] Ранжируйте не более { $max } кандидатов.
}
ballot-error-other = Этот ответ нельзя принять: { $detail }
ballot-error-unknown-field = Форма содержала то, что не относится к этому бюллетеню. Обновите страницу и заполните её снова.

ballot-confirm-title = Проверьте бюллетень
ballot-confirm-intro = Бюллетень ещё не подан. Проверьте свой выбор, затем подайте бюллетень или измените его.
ballot-confirm-question = Вопрос { $number }:
ballot-confirm-abstain = Вы воздерживаетесь по этому вопросу.
ballot-confirm-choice = Ваш выбор:
ballot-confirm-approved-none = Вы не одобряете ни один вариант.
ballot-confirm-approved = { $count ->
    [one] Вы одобряете { $count } вариант:
    [few] Вы одобряете { $count } варианта:
   *[other] Вы одобряете { $count } вариантов:
}
ballot-confirm-scores-none = Вы не оценили ни один вариант.
ballot-confirm-scores = { $blank ->
    [0] Ваши оценки:
    [one] Ваши оценки ({ $blank } вариант без оценки):
    [few] Ваши оценки ({ $blank } варианта без оценки):
   *[other] Ваши оценки ({ $blank } вариантов без оценки):
}
ballot-confirm-ranking = { $unranked ->
    [0] Ваш список, первый выбор сверху:
    [one] Ваш список, первый выбор сверху ({ $unranked } кандидат не ранжирован):
    [few] Ваш список, первый выбор сверху ({ $unranked } кандидата не ранжированы):
   *[other] Ваш список, первый выбор сверху ({ $unranked } кандидатов не ранжированы):
}
ballot-confirm-equal = наравне
ballot-confirm-secret = Как только вы подадите бюллетень, он будет запечатан: никто не сможет прочитать его в одиночку, даже те, кто управляет этим сервером.
ballot-confirm-cast = Подать этот бюллетень
ballot-confirm-change = Изменить бюллетень

ballot-receipt-title = Ваш бюллетень подан
ballot-receipt-code-label = Ваш код квитанции
ballot-receipt-keep = Запишите или сохраните его.
ballot-receipt-proves-title = Что показывает этот код
ballot-receipt-proves = Код вычислен по вашему запечатанному бюллетеню. Он позволяет проверить, что бюллетень записан и входит в число подсчитанных.
ballot-receipt-not-title = Чего он не показывает
ballot-receipt-not = Код не раскрывает, как вы проголосовали, и не может никому это доказать: никто не сможет с его помощью купить или проверить ваш голос.
ballot-receipt-revote = Пока выборы открыты, можно проголосовать снова. Учитывается только последний бюллетень, и он получает новый код.
ballot-receipt-no-revote = Эти выборы не позволяют изменить поданный бюллетень.
ballot-preview-note = Это предпросмотр: ничего не записано, а код ниже — пример.
