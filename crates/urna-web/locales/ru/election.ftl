election-state-label = Статус
election-state-draft = Готовятся
election-state-ready = Запланированы
election-state-open = Голосование открыто
election-state-closed = Голосование закрыто; скоро подсчёт
election-state-counted = Подсчитано; результаты ещё не опубликованы
election-state-published = Результаты опубликованы
election-state-archived = В архиве
election-window-title = Период голосования
election-window-opens = Начало
election-window-closes = Окончание
election-window-zones = Время указано в часовом поясе выборов ({ $election }), затем в вашем ({ $viewer }).
election-vote-title = Голосование
election-vote-go = Перейти к бюллетеню
election-vote-how = Чтобы проголосовать, откройте полученную личную ссылку для голосования.
election-results-link = Посмотреть результаты
election-results-later = Результаты публикуются после подсчёта. До этого никто не видит промежуточных результатов.
election-questions-title = Вопросы
election-question-position = Вопрос { $number } из { $total }:
election-kind-choose-one = выберите один вариант.
election-kind-approval = одобрите варианты, которые поддерживаете.
election-kind-support-oppose = поддержите каждый вариант, останьтесь нейтральны или выскажитесь против.
election-kind-score = оцените каждый вариант.
election-kind-ranked = расположите кандидатов в порядке предпочтения.
election-method = Метод подсчёта: { $method }; { $seats ->
    [one] { $seats } место.
    [few] { $seats } места.
   *[other] { $seats } мест.
}
election-turnout = { $eligible ->
    [one] Проголосовали { $voted } из { $eligible } избирателя.
   *[other] Проголосовали { $voted } из { $eligible } избирателей.
}

voter-notice-back = Вернуться на страницу выборов
voter-notice-sign-in-title = Войти, чтобы проголосовать
voter-notice-sign-in = Для этого бюллетеня нужна ваша личная ссылка для голосования на этих выборах. Откройте полученную ссылку.
voter-notice-wrong-election = Вы вошли для других выборов. Откройте ссылку для голосования, полученную для этих.
voter-notice-revoked = Эта ссылка для голосования отозвана. Попросите новую у организаторов выборов.
voter-notice-not-open-title = Голосование не открыто
voter-notice-not-yet = Голосование ещё не началось. Оно откроется { $opens }.
voter-notice-closed = Голосование закрыто. Бюллетени больше нельзя подать или изменить.
voter-notice-already-voted-title = Вы уже проголосовали
voter-notice-no-changes = Вы уже проголосовали, а эти выборы не позволяют изменить поданный бюллетень.
voter-notice-revote = Вы уже проголосовали. Новый бюллетень заменит прежний: учитывается только последний.
voter-notice-replaced = Этот бюллетень заменил прежний. Учтён будет только он.
voter-notice-struck = Ваш прежний бюллетень аннулирован администраторами выборов (причина: { $reason }). Вы можете проголосовать снова.
voter-notice-invalid = Ваш бюллетень не принят: { $problem }
