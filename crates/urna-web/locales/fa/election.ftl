election-state-label = وضعیت
election-state-draft = در حال آماده‌سازی
election-state-ready = زمان‌بندی‌شده
election-state-open = رأی‌گیری باز است
election-state-closed = رأی‌گیری بسته شد؛ شمارش به‌زودی
election-state-counted = شمرده شد؛ نتایج هنوز منتشر نشده
election-state-published = نتایج منتشر شد
election-state-archived = بایگانی‌شده
election-window-title = دورهٔ رأی‌گیری
election-window-opens = آغاز
election-window-closes = پایان
election-window-zones = زمان‌ها به منطقهٔ زمانی انتخابات ({ $election }) و سپس به منطقهٔ زمانی شما ({ $viewer }) نشان داده می‌شوند.
election-vote-title = رأی دادن
election-vote-go = رفتن به برگهٔ رأی شما
election-vote-how = برای رأی دادن، پیوند رأی‌گیری شخصی‌ای را که دریافت کرده‌اید باز کنید.
election-results-link = دیدن نتایج
election-results-later = نتایج پس از شمارش منتشر می‌شوند. پیش از آن هیچ‌کس نتایج جزئی را نمی‌بیند.
election-questions-title = پرسش‌ها
election-question-position = پرسش { $number } از { $total }:
election-kind-choose-one = یک گزینه را انتخاب کنید.
election-kind-approval = گزینه‌هایی را که پشتیبانی می‌کنید تأیید کنید.
election-kind-support-oppose = از هر گزینه پشتیبانی کنید، بی‌طرف بمانید یا مخالفت کنید.
election-kind-score = به هر گزینه امتیاز دهید.
election-kind-ranked = نامزدها را به ترتیب ترجیح رتبه‌بندی کنید.
election-method = روش شمارش: { $method }؛ { $seats ->
    [one] { $seats } کرسی.
   *[other] { $seats } کرسی.
}
election-turnout = { $eligible ->
    [one] { $voted } نفر از { $eligible } رأی‌دهنده رأی داده‌اند.
   *[other] { $voted } نفر از { $eligible } رأی‌دهنده رأی داده‌اند.
}

voter-notice-back = بازگشت به صفحهٔ انتخابات
voter-notice-sign-in-title = برای رأی دادن وارد شوید
voter-notice-sign-in = این برگهٔ رأی به پیوند رأی‌گیری شخصی شما برای این انتخابات نیاز دارد. پیوندی را که دریافت کرده‌اید باز کنید.
voter-notice-wrong-election = شما برای انتخابات دیگری وارد شده‌اید. پیوند رأی‌گیری‌ای را که برای این انتخابات دریافت کرده‌اید باز کنید.
voter-notice-revoked = این پیوند رأی‌گیری پس گرفته شده است. از برگزارکنندگان انتخابات پیوند تازه بخواهید.
voter-notice-not-open-title = رأی‌گیری باز نیست
voter-notice-not-yet = رأی‌گیری هنوز آغاز نشده است. در { $opens } باز می‌شود.
voter-notice-closed = رأی‌گیری بسته شده است. دیگر نمی‌توان برگهٔ رأی داد یا آن را تغییر داد.
voter-notice-already-voted-title = شما پیش‌تر رأی داده‌اید
voter-notice-no-changes = شما پیش‌تر رأی داده‌اید و این انتخابات تغییر برگهٔ رأی داده‌شده را مجاز نمی‌داند.
voter-notice-revote = شما پیش‌تر رأی داده‌اید. اگر برگهٔ تازه‌ای بدهید، جای برگهٔ قبلی را می‌گیرد: فقط آخرین برگه شمرده می‌شود.
voter-notice-replaced = این برگهٔ رأی جای برگهٔ قبلی شما را گرفت. فقط همین برگه شمرده می‌شود.
voter-notice-struck = برگهٔ رأی قبلی شما را مدیران انتخابات باطل کردند (دلیل: { $reason }). می‌توانید دوباره رأی دهید.
voter-notice-invalid = برگهٔ رأی شما پذیرفته نشد: { $problem }
