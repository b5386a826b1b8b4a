election-state-label = حالت
election-state-draft = تیاری جاری ہے
election-state-ready = طے شدہ
election-state-open = ووٹنگ کھلی ہے
election-state-closed = ووٹنگ بند ہو گئی؛ جلد گنتی
election-state-counted = گنتی ہو چکی؛ نتائج ابھی شائع نہیں ہوئے
election-state-published = نتائج شائع ہو گئے
election-state-archived = محفوظ شدہ
election-window-title = ووٹنگ کی مدت
election-window-opens = آغاز
election-window-closes = اختتام
election-window-zones = اوقات انتخاب کے منطقۂ وقت ({ $election }) میں، پھر آپ کے منطقۂ وقت ({ $viewer }) میں دیے گئے ہیں۔
election-vote-title = ووٹ دیں
election-vote-go = اپنے بیلٹ پر جائیں
election-vote-how = ووٹ دینے کے لیے آپ کو ملنے والا ذاتی ووٹنگ لنک کھولیں۔
election-results-link = نتائج دیکھیں
election-results-later = نتائج گنتی کے بعد شائع ہوتے ہیں۔ اس سے پہلے کوئی جزوی نتائج نہیں دیکھتا۔
election-questions-title = سوالات
election-question-position = سوال { $number } از { $total }:
election-kind-choose-one = ایک اختیار چنیں۔
election-kind-approval = جن اختیارات کی آپ حمایت کرتے ہیں انہیں منظور کریں۔
election-kind-support-oppose = ہر اختیار کی حمایت کریں، غیر جانب دار رہیں یا مخالفت کریں۔
election-kind-score = ہر اختیار کو نمبر دیں۔
election-kind-ranked = امیدواروں کو ترجیح کی ترتیب میں درجہ دیں۔
election-method = گنتی کا طریقہ: { $method }؛ { $seats ->
    [one] ایک نشست۔
   *[other] { $seats } نشستیں۔
}
election-turnout = { $eligible ->
    [one] 1 ووٹر میں سے { $voted } نے ووٹ دیا۔
   *[other] { $eligible } ووٹروں میں سے { $voted } نے ووٹ دیا۔
}

voter-notice-back = انتخاب کے صفحے پر واپس جائیں
voter-notice-sign-in-title = ووٹ دینے کے لیے داخل ہوں
voter-notice-sign-in = اس بیلٹ کے لیے اس انتخاب کا آپ کا ذاتی ووٹنگ لنک درکار ہے۔ آپ کو ملنے والا لنک کھولیں۔
voter-notice-wrong-election = آپ کسی اور انتخاب کے لیے داخل ہیں۔ اس انتخاب کے لیے ملنے والا ووٹنگ لنک کھولیں۔
voter-notice-revoked = یہ ووٹنگ لنک واپس لے لیا گیا ہے۔ انتخاب کے منتظمین سے نیا لنک مانگیں۔
voter-notice-not-open-title = ووٹنگ کھلی نہیں ہے
voter-notice-not-yet = ووٹنگ ابھی شروع نہیں ہوئی۔ یہ { $opens } کو کھلے گی۔
voter-notice-closed = ووٹنگ بند ہو گئی ہے۔ اب بیلٹ نہ ڈالے جا سکتے ہیں نہ بدلے جا سکتے ہیں۔
voter-notice-already-voted-title = آپ پہلے ہی ووٹ دے چکے ہیں
voter-notice-no-changes = آپ پہلے ہی ووٹ دے چکے ہیں، اور یہ انتخاب ڈالا گیا بیلٹ بدلنے کی اجازت نہیں دیتا۔
voter-notice-revote = آپ پہلے ہی ووٹ دے چکے ہیں۔ اگر آپ نیا بیلٹ ڈالیں تو وہ پچھلے کی جگہ لے لے گا: صرف آخری بیلٹ گنا جاتا ہے۔
voter-notice-replaced = اس بیلٹ نے آپ کے پچھلے بیلٹ کی جگہ لے لی۔ صرف یہی بیلٹ گنا جائے گا۔
voter-notice-struck = آپ کا پچھلا بیلٹ انتخاب کے منتظمین نے منسوخ کر دیا (وجہ: { $reason })۔ آپ دوبارہ ووٹ دے سکتے ہیں۔
voter-notice-invalid = آپ کا بیلٹ قبول نہیں ہوا: { $problem }
