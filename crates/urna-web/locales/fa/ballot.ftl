ballot-title = برگهٔ رأی شما
ballot-intro = به هر پرسش پاسخ دهید یا ممتنع بمانید. هنوز چیزی داده نشده است: پیش از دادن برگهٔ رأی، انتخاب‌هایتان را دوباره می‌بینید.
ballot-question-position = پرسش { $number } از { $total }
ballot-list-separator = {"، "}
ballot-abstain = در این پرسش ممتنع هستم
ballot-withdrawn = کناره‌گیری کرده‌اند و دیگر نامزد نیستند: { $names }
ballot-review-help = در گام بعد، انتخاب‌هایتان را دوباره می‌بینید تا پیش از دادن برگهٔ رأی بررسی‌شان کنید.
ballot-review = مرور برگهٔ رأی من

ballot-instructions-choose-one = یک گزینه را انتخاب کنید.
ballot-instructions-approval-exactly = { $count ->
    [one] دقیقاً { $count } گزینه را تأیید کنید.
   *[other] دقیقاً { $count } گزینه را تأیید کنید.
}
ballot-instructions-approval-up-to = { $max ->
    [one] حداکثر { $max } گزینه را تأیید کنید. می‌توانید هیچ گزینه‌ای را تأیید نکنید.
   *[other] هر گزینه‌ای را که می‌خواهید تأیید کنید، حداکثر { $max } گزینه. می‌توانید هیچ گزینه‌ای را تأیید نکنید.
}
ballot-instructions-approval-range = دست‌کم { $min } و حداکثر { $max } گزینه را تأیید کنید.
ballot-instructions-score = به هر گزینه امتیازی از { $min } (بدترین) تا { $max } (بهترین) بدهید، یا آن را بی‌امتیاز بگذارید.
ballot-instructions-son = برای هر گزینه موافق، بی‌طرف یا مخالف را برگزینید، یا آن را بدون نظر بگذارید.
ballot-instructions-ranked = نامزدها را به ترتیب ترجیح رتبه‌بندی کنید: ۱ برای انتخاب نخست، ۲ برای انتخاب دوم و به همین ترتیب. نامزدهایی که خالی بمانند رتبه‌بندی نمی‌شوند.
ballot-instructions-ranked-distinct = به هر نامزد رتبه‌بندی‌شده عدد متفاوتی بدهید.
ballot-instructions-ranked-equal = می‌توانید به چند نامزد یک عدد بدهید تا هم‌رتبه شوند.
ballot-instructions-ranked-max = { $max ->
    [one] فقط می‌توانید { $max } نامزد را رتبه‌بندی کنید.
   *[other] حداکثر می‌توانید { $max } نامزد را رتبه‌بندی کنید.
}
ballot-instructions-ranked-js = با «افزودن» نامزدها را به رتبه‌بندی خود بیاورید، سپس با «بالا» و «پایین» آن را مرتب کنید. انتخاب نخست شما در بالا است. کلیدهای جهت‌نمای بالا و پایین میان دکمه‌ها جابه‌جا می‌شوند.
ballot-rank-range = کنار هر نامزدی که رتبه می‌دهید عددی از ۱ تا { $max } بنویسید.
ballot-score-blank = بدون امتیاز
ballot-son-support = موافق
ballot-son-neutral = بی‌طرف
ballot-son-oppose = مخالف
ballot-son-blank = بدون نظر

ballot-js-your-ranking = رتبه‌بندی شما
ballot-js-empty = هنوز به کسی رتبه نداده‌اید.
ballot-js-candidates = نامزدهای رتبه‌بندی‌نشده
ballot-js-filter = یافتن نامزد
ballot-js-filter-count = { $count } نامزد نمایش داده می‌شود
ballot-js-add = افزودن
ballot-js-add-label = افزودن { $name } به رتبه‌بندی شما
ballot-js-remove = برداشتن
ballot-js-remove-label = برداشتن { $name } از رتبه‌بندی شما
ballot-js-up = بالا
ballot-js-up-label = بردن { $name } به بالا
ballot-js-down = پایین
ballot-js-down-label = بردن { $name } به پایین
ballot-js-added = { $name } در رتبهٔ { $rank } افزوده شد
ballot-js-moved = { $name } به رتبهٔ { $rank } رفت
ballot-js-removed = { $name } از رتبه‌بندی شما برداشته شد
ballot-js-at-top = { $name } هم‌اکنون انتخاب نخست شماست
ballot-js-at-bottom = { $name } هم‌اکنون آخرین در رتبه‌بندی شماست
ballot-js-limit = حداکثر می‌توانید { $max } نامزد را رتبه‌بندی کنید

ballot-error-summary-title = برگهٔ رأی شما نیاز به توجه دارد
ballot-error-summary-intro = چیزی داده نشد. موارد زیر را اصلاح کنید و سپس برگهٔ رأی را دوباره مرور کنید:
ballot-error-in-question = پرسش { $number }: { $message }
ballot-error-no-choice = یک گزینه را انتخاب کنید، یا در این پرسش ممتنع بمانید.
ballot-error-abstain-and-answer = ممتنع را برگزیدید اما گزینه‌هایی را هم علامت زدید. انتخاب‌ها را پاک کنید یا علامت «در این پرسش ممتنع هستم» را بردارید.
ballot-error-several-choices = فقط یک گزینه را انتخاب کنید.
ballot-error-unknown-option = برگهٔ رأی گزینه‌ای را نام برد که روی آن نیست («{ $value }»). صفحه را دوباره بارگذاری کنید و دوباره پر کنید.
ballot-error-withdrawn = { $name } کناره‌گیری کرده و دیگر قابل انتخاب نیست.
ballot-error-repeated = { $name } دو بار در آنچه فرستاده شد آمده است. صفحه را دوباره بارگذاری کنید و دوباره پر کنید.
ballot-error-rank-not-number = رتبهٔ { $name } باید عدد صحیح باشد، نه «{ $value }».
ballot-error-score-not-number = امتیاز { $name } باید عدد صحیح باشد، نه «{ $value }».
ballot-error-rank-out-of-range = رتبهٔ { $name } باید از ۱ تا { $max } باشد، نه { $value }.
ballot-error-score-out-of-range = امتیاز { $name } باید از { $min } تا { $max } باشد، نه { $value }.
ballot-error-equal-ranks = { $names } همگی رتبهٔ { $rank } دارند. به هر نامزد عدد متفاوتی بدهید.
ballot-error-too-few = { $min ->
    [one] دست‌کم { $min } گزینه را تأیید کنید، یا ممتنع بمانید.
   *[other] دست‌کم { $min } گزینه را تأیید کنید، یا ممتنع بمانید.
}
ballot-error-too-many = { $max ->
    [one] حداکثر { $max } گزینه را تأیید کنید.
   *[other] حداکثر { $max } گزینه را تأیید کنید.
}
ballot-error-too-many-ranked = { $max ->
    [one] فقط { $max } نامزد را رتبه‌بندی کنید.
   *[other] حداکثر { $max } نامزد را رتبه‌بندی کنید.
}
ballot-error-other = این پاسخ پذیرفته نیست: { $detail }
ballot-error-unknown-field = فرم چیزی داشت که به این برگهٔ رأی تعلق ندارد. صفحه را دوباره بارگذاری کنید و دوباره پر کنید.

ballot-confirm-title = برگهٔ رأی خود را بررسی کنید
ballot-confirm-intro = برگهٔ رأی شما هنوز داده نشده است. انتخاب‌هایتان را بررسی کنید، سپس برگه را بدهید یا تغییرش دهید.
ballot-confirm-question = پرسش { $number }:
ballot-confirm-abstain = شما در این پرسش ممتنع هستید.
ballot-confirm-choice = انتخاب شما:
ballot-confirm-approved-none = هیچ‌یک از گزینه‌ها را تأیید نمی‌کنید.
ballot-confirm-approved = { $count ->
    [one] این گزینه را تأیید می‌کنید:
   *[other] این { $count } گزینه را تأیید می‌کنید:
}
ballot-confirm-scores-none = به هیچ گزینه‌ای امتیاز ندادید.
ballot-confirm-scores = { $blank ->
    [0] امتیازهای شما:
   *[other] امتیازهای شما ({ $blank } گزینه بی‌امتیاز ماند):
}
ballot-confirm-ranking = { $unranked ->
    [0] رتبه‌بندی شما، از انتخاب نخست:
   *[other] رتبه‌بندی شما، از انتخاب نخست ({ $unranked } نامزد رتبه‌بندی نشد):
}
ballot-confirm-equal = هم‌رتبه
ballot-confirm-secret = به محض دادن برگهٔ رأی، مهر و موم می‌شود: هیچ‌کس به‌تنهایی نمی‌تواند آن را بخواند، حتی گردانندگان این سرور.
ballot-confirm-cast = دادن این برگهٔ رأی
ballot-confirm-change = تغییر برگهٔ رأی من

ballot-receipt-title = برگهٔ رأی شما داده شد
ballot-receipt-code-label = کد رسید شما
ballot-receipt-keep = آن را یادداشت یا ذخیره کنید.
ballot-receipt-proves-title = این کد چه نشان می‌دهد
ballot-receipt-proves = کد از برگهٔ رأی مهر و موم‌شدهٔ شما محاسبه می‌شود. با آن می‌توانید وارسی کنید که برگهٔ شما ثبت شده و در میان برگه‌های شمرده‌شده است.
ballot-receipt-not-title = چه چیزی را نشان نمی‌دهد
ballot-receipt-not = کد فاش نمی‌کند به چه کسی رأی داده‌اید و نمی‌تواند آن را به کسی ثابت کند: هیچ‌کس نمی‌تواند با آن رأی شما را بخرد یا وارسی کند.
ballot-receipt-revote = تا زمانی که انتخابات باز است می‌توانید دوباره رأی دهید. فقط آخرین برگهٔ شما شمرده می‌شود و کد تازه‌ای می‌گیرد.
ballot-receipt-no-revote = این انتخابات تغییر برگهٔ رأی داده‌شده را مجاز نمی‌داند.
ballot-preview-note = این یک پیش‌نمایش است: چیزی ثبت نشد و کد زیر نمونه است.
