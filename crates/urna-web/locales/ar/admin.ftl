# صفحات إدارة الانتخابات وعناوين أخطاء واجهة JSON.

admin-back-to-election = العودة إلى الانتخاب
admin-back-to-list = كل الانتخابات

admin-error-no-database = غير متاح
admin-error-no-database-detail = تحتاج إدارة الانتخابات إلى قاعدة البيانات، وقد بدأ هذا الخادم دونها.
admin-error-input = تعذّر استخدام المدخلات
admin-error-not-found = غير موجود
admin-error-conflict = غير ممكن الآن
admin-error-refused = مرفوض
admin-error-internal = حدث خطأ ما
admin-error-internal-detail = لم يتمكن الخادم من إتمام هذا. لم تغيّر الخطوة الفاشلة شيئًا، وسُجّل الخطأ.
admin-error-forbidden = غير مسموح
admin-error-sign-in = يلزم تسجيل الدخول
admin-error-sign-in-detail = سجّل الدخول بحساب فريق العمل لإدارة الانتخابات.
admin-error-operators-only = هذا لمشغّلي الموقع فقط.
admin-error-csrf = رُفض الطلب
admin-error-csrf-detail = لم يحمل هذا الطلب رمز CSRF الخاص بالجلسة في الترويسة X-CSRF-Token، أو جاء من موقع آخر. احصل على الرمز من GET /api/v1/session.
admin-error-json-expected = أرسل متن الطلب بصيغة JSON (Content-Type: application/json).

admin-elections-title = الانتخابات
admin-elections-none = لا توجد بعد انتخابات يمكنك إدارتها.
admin-elections-slug = الاسم المختصر
admin-elections-name = العنوان
admin-elections-state = الحالة
admin-create-title = إنشاء انتخاب
admin-create-help = اكتب تعريف الانتخاب بصيغة JSON: الاسم المختصر واللغات والعنوان ونافذة التصويت (مع منطقتها الزمنية أو AoE) والأسئلة. يبيّن المثال الشكل؛ يُضاف المعرّف إن تركته.
admin-create-definition = التعريف (JSON)
admin-create-submit = إنشاء المسودة

admin-state-draft = مسودة
admin-state-ready = جاهز
admin-state-open = مفتوح
admin-state-closed = مغلق
admin-state-counted = مفروز
admin-state-published = منشور
admin-state-archived = مؤرشف

admin-action-mark-ready = وسمه جاهزًا
admin-action-return-to-draft = إعادته مسودة
admin-action-open = فتح التصويت الآن
admin-action-close = إغلاق التصويت الآن
admin-action-freeze = تجميد الأوراق للفرز
admin-action-count = الفرز
admin-action-publish = نشر النتائج
admin-action-archive = أرشفة

admin-election-state = الحالة
admin-window = نافذة التصويت
admin-window-none = لم تُحدَّد بعد
admin-window-opens = يفتح
admin-window-closes = يُغلق
admin-problems-title = ما يمنع هذا الانتخاب من أن يكون جاهزًا
admin-actions-title = ما يمكنك فعله الآن
admin-turnout-title = نسبة المشاركة
admin-turnout-voted = الناخبون الذين صوّتوا:
admin-turnout-who = من صوّت (دون ربط بأي ورقة)
admin-jobs-title = المهام في الخلفية

admin-voters-title = الناخبون
admin-voters-help = ناخب في كل سطر، مع سطر عناوين: voter، واختياريًا email وweight وinclude/exclude. الرد ملف CSV بروابط التصويت الجديدة: نزّله الآن، فالخادم لا يحتفظ بنسخة.
admin-voters-csv = قائمة الناخبين (CSV)
admin-voters-submit = إضافة الناخبين وتنزيل روابطهم
admin-voter = الناخب
admin-link-reissue = إصدار رابط جديد
admin-link-revoke = سحب الرابط

admin-trustees-title = الأمناء ومفتاح الانتخاب
admin-trustees-threshold = عدد الأمناء اللازم لفك التشفير:
admin-trustees-public-files = الملفات العامة للأمناء (من urna trustee init)، واحدًا تلو الآخر
admin-trustees-setup-submit = إعداد مراسم المفتاح
admin-trustees-round1 = ملفات الجولة 1:
admin-trustees-round2 = ملفات الجولة 2:
admin-trustees-shares = حصص فك التشفير:
admin-trustees-tally = فك التشفير الجزئي للحصيلة:
admin-trustees-key-made = صُنع مفتاح الانتخاب.
admin-frozen = الأوراق المجمّدة للفرز:
admin-upload-kind = نوع الملف
admin-upload-file = محتوى الملف
admin-upload-submit = رفع

admin-live-title = أثناء التصويت
admin-strike-reason = السبب (مطلوب للشطب)
admin-strike = شطب الورقة
admin-unstrike = إعادة الورقة
admin-extend-label = الموعد الجديد للنهاية بالمنطقة الزمنية للانتخاب (أو لحظة مثل 2030-01-21T12:00:00Z)
admin-extend = تمديد النهاية
admin-withdraw = سحب
admin-withdrawn = منسحب

admin-withdraw-title = سحب مرشح
admin-withdraw-impact = { $count ->
    [zero] لم يصوّت أحد بعد؛ لن يُبلَّغ أحد.
    [one] صوّت ناخب واحد وسيُبلَّغ؛ ويمكنه التصويت من جديد.
    [two] صوّت ناخبان وسيُبلَّغان؛ ويمكنهما التصويت من جديد.
    [few] صوّت { $count } ناخبين وسيُبلَّغون؛ ويمكنهم التصويت من جديد.
    [many] صوّت { $count } ناخبًا وسيُبلَّغون؛ ويمكنهم التصويت من جديد.
   *[other] صوّت { $count } ناخب وسيُبلَّغون؛ ويمكنهم التصويت من جديد.
}
admin-withdraw-confirm = سحب المرشح

admin-audit-title = سجل التدقيق
admin-audit-verified = سلسلة التجزئة سليمة: لم يُغيَّر أي قيد ولم يُحذف.
admin-audit-broken = سلسلة التجزئة غير سليمة:
admin-audit-export = تصدير (JSON Lines)
admin-audit-at = متى (UTC)
admin-audit-actor = من
admin-audit-action = ماذا
admin-audit-details = التفاصيل
