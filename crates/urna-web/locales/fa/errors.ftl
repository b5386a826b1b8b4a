error-status = خطای { $status }
error-back-home = بازگشت به صفحهٔ اصلی
error-not-found-title = صفحه پیدا نشد
error-not-found-detail = در این نشانی چیزی نیست. پیوند را بررسی کنید یا از صفحهٔ اصلی دوباره شروع کنید.
error-method-not-allowed-title = اینجا مجاز نیست
error-method-not-allowed-detail = از این صفحه نمی‌توان این‌گونه استفاده کرد.
error-bad-request-title = درخواست خوانده نشد
error-bad-request-detail = چیزی در آنچه فرستاده شد کم است یا نادرست است. بازگردید، فرم را بررسی کنید و دوباره تلاش کنید.
error-csrf-title = این فرم پذیرفته نشد
error-csrf-detail = فرم منقضی شده یا از وب‌گاه دیگری فرستاده شده است. بازگردید، صفحه را دوباره بارگذاری کنید و دوباره تلاش کنید.
error-rate-limited-title = تلاش‌های بیش از حد
error-rate-limited-detail = { $seconds ->
    [one] { $seconds } ثانیه صبر کنید و دوباره تلاش کنید.
   *[other] { $seconds } ثانیه صبر کنید و دوباره تلاش کنید.
}
error-payload-too-large-title = داده بیش از حد
error-payload-too-large-detail = آنچه فرستاده شد از اندازه‌ای که این سرور می‌پذیرد بزرگ‌تر است.
error-timeout-title = بیش از حد طول کشید
error-timeout-detail = سرور نتوانست به‌موقع پاسخ دهد. کمی بعد دوباره تلاش کنید.
error-internal-title = مشکلی پیش آمد
error-internal-detail = سرور نتوانست درخواست شما را کامل کند. چیزی تغییر نکرد؛ کمی بعد دوباره تلاش کنید.
