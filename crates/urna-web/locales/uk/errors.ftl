error-status = Помилка { $status }
error-back-home = Повернутися на головну
error-not-found-title = Сторінку не знайдено
error-not-found-detail = За цією адресою нічого немає. Перевірте посилання або почніть з головної сторінки.
error-method-not-allowed-title = Тут це не дозволено
error-method-not-allowed-detail = Цю сторінку не можна використовувати в такий спосіб.
error-bad-request-title = Не вдалося прочитати запит
error-bad-request-detail = У надісланому чогось бракує або воно пошкоджене. Поверніться, перевірте форму і спробуйте знову.
error-csrf-title = Цю форму не можна прийняти
error-csrf-detail = Термін дії форми минув, або її надіслано з іншого сайту. Поверніться, оновіть сторінку і спробуйте знову.
error-rate-limited-title = Забагато спроб
error-rate-limited-detail = { $seconds ->
    [one] Зачекайте { $seconds } секунду і спробуйте знову.
    [few] Зачекайте { $seconds } секунди і спробуйте знову.
   *[other] Зачекайте { $seconds } секунд і спробуйте знову.
}
error-payload-too-large-title = Забагато даних
error-payload-too-large-detail = Надіслане більше, ніж приймає цей сервер.
error-timeout-title = Це тривало занадто довго
error-timeout-detail = Сервер не встиг відповісти. Спробуйте ще раз за мить.
error-internal-title = Щось пішло не так
error-internal-detail = Сервер не зміг виконати ваш запит. Нічого не змінено; спробуйте ще раз за мить.
