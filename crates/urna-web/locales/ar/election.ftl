# صفحة الانتخابات العامة وإشعارات ورقة الاقتراع.

election-state-label = الحالة
election-state-draft = قيد الإعداد
election-state-ready = مجدولة
election-state-open = التصويت مفتوح
election-state-closed = أُغلق التصويت؛ الفرز قريبًا
election-state-counted = تم الفرز؛ لم تُنشر النتائج بعد
election-state-published = نُشرت النتائج
election-state-archived = مؤرشفة
election-window-title = فترة التصويت
election-window-opens = يبدأ
election-window-closes = ينتهي
election-window-zones = الأوقات معروضة بالمنطقة الزمنية للانتخابات ({ $election })، ثم بمنطقتك ({ $viewer }).
election-vote-title = التصويت
election-vote-go = انتقل إلى ورقة اقتراعك
election-vote-how = للتصويت، افتح رابط التصويت الشخصي الذي تلقيته.
election-results-link = عرض النتائج
election-results-later = تُنشر النتائج بعد الفرز. لا يرى أحد نتائج جزئية قبل ذلك.
election-questions-title = الأسئلة
election-question-position = السؤال { $number } من { $total }:
election-kind-choose-one = اختر خيارًا واحدًا.
election-kind-approval = وافق على الخيارات التي تؤيدها.
election-kind-support-oppose = أيّد كل خيار أو قف محايدًا أو عارضه.
election-kind-score = أعطِ كل خيار درجة.
election-kind-ranked = رتّب المرشحين حسب تفضيلك.
election-method = طريقة الفرز: { $method }؛ { $seats ->
    [one] مقعد واحد.
    [two] مقعدان.
    [few] { $seats } مقاعد.
   *[other] { $seats } مقعدًا.
}
election-turnout = صوّت { $voted } من أصل { $eligible } من الناخبين.

voter-notice-back = العودة إلى صفحة الانتخابات
voter-notice-sign-in-title = سجّل الدخول للتصويت
voter-notice-sign-in = تحتاج ورقة الاقتراع هذه إلى رابط التصويت الشخصي الخاص بك لهذه الانتخابات. افتح الرابط الذي تلقيته.
voter-notice-wrong-election = أنت مسجّل الدخول لانتخابات أخرى. افتح رابط التصويت الذي تلقيته لهذه الانتخابات.
voter-notice-revoked = سُحب رابط التصويت هذا. اطلب رابطًا جديدًا من منظمي الانتخابات.
voter-notice-not-open-title = التصويت غير مفتوح
voter-notice-not-yet = لم يبدأ التصويت بعد. يبدأ في { $opens }.
voter-notice-closed = أُغلق التصويت. لم يعد ممكنًا الإدلاء بورقة اقتراع أو تغييرها.
voter-notice-already-voted-title = لقد صوّتَّ من قبل
voter-notice-no-changes = لقد صوّتَّ من قبل، ولا تسمح هذه الانتخابات بتغيير ورقة الاقتراع بعد الإدلاء بها.
voter-notice-revote = لقد صوّتَّ من قبل. إذا أدليت بورقة اقتراع جديدة فإنها تحل محل السابقة: لا تُحتسب إلا ورقتك الأخيرة.
voter-notice-replaced = حلّت ورقة الاقتراع هذه محل ورقتك السابقة. لن تُحتسب إلا هذه الورقة.
voter-notice-struck = شطب مسؤولو الانتخابات ورقة اقتراعك السابقة (السبب: { $reason }). يمكنك التصويت مرة أخرى.
voter-notice-invalid = لم تُقبل ورقة اقتراعك: { $problem }
