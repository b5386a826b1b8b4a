error-status = Ошибка { $status }
error-back-home = Вернуться на главную
error-not-found-title = Страница не найдена
error-not-found-detail = По этому адресу ничего нет. Проверьте ссылку или начните с главной страницы.
error-method-not-allowed-title = Здесь это не разрешено
error-method-not-allowed-detail = Эту страницу нельзя использовать таким образом.
error-bad-request-title = Не удалось прочитать запрос
error-bad-request-detail = В отправленных данных чего-то не хватает или они повреждены. Вернитесь назад, проверьте форму и попробуйте снова.
error-csrf-title = Эту форму нельзя принять
error-csrf-detail = Срок действия формы истёк, или она отправлена с другого сайта. Вернитесь назад, обновите страницу и попробуйте снова.
error-rate-limited-title = Слишком много попыток
error-rate-limited-detail = { $seconds ->
    [one] Подождите { $seconds } секунду и попробуйте снова.
    [few] Подождите { $seconds } секунды и попробуйте снова.
   *[other] Подождите { $seconds } секунд и попробуйте снова.
}
error-payload-too-large-title = Слишком много данных
error-payload-too-large-detail = Отправленные данные больше, чем принимает этот сервер.
error-timeout-title = Это заняло слишком много времени
error-timeout-detail = Сервер не успел ответить. Попробуйте ещё раз через минуту.
error-internal-title = Что-то пошло не так
error-internal-detail = Сервер не смог выполнить ваш запрос. Ничего не изменено; попробуйте ещё раз через минуту.
