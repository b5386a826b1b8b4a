# التجربة قبل الفتح (المسألة 7).
rehearsal-title = تجربة
rehearsal-section-title = تجربة قبل الفتح
rehearsal-help = تُجري التجربة الانتخاب كاملًا على نسخة مؤقتة: يدلي ناخبون اصطناعيون بأوراق صحيحة عشوائية عبر صفحات التصويت الحقيقية، وتفك مفاتيح أمناء مؤقتة التشفير، ويجري الفرز؛ ثم تُحذف النسخة. يتطلب تعليم الانتخاب جاهزًا تجربة ناجحة منذ آخر تغيير، أو تجاوزًا مع سبب.
rehearsal-start = أجرِ تجربة
rehearsal-status-passed = نجحت تجربة على المراجعة الحالية للانتخاب.
rehearsal-status-missing = لم تنجح أي تجربة منذ آخر تغيير للانتخاب.
rehearsal-latest = آخر تجربة
rehearsal-override = علّمه جاهزًا دون تجربة ناجحة
rehearsal-override-reason = سبب التجاوز (يُسجَّل)
rehearsal-running = التجربة جارية؛ تُعاد تحميل هذه الصفحة حتى تنتهي.
rehearsal-job-failed = تعذر إجراء التجربة:
rehearsal-passed = نجحت التجربة: لا أخطاء.
rehearsal-not-passed = وجدت التجربة أخطاء؛ أصلحها قبل الفتح، أو تجاوزها مع ذكر السبب.
rehearsal-findings = النتائج المكتشفة
rehearsal-no-findings = لا شيء للإبلاغ عنه.
rehearsal-results = نتائج الأوراق الاصطناعية
rehearsal-voters = الناخبون الاصطناعيون:
rehearsal-ballots = الأوراق المقبولة:
rehearsal-timings = الأزمنة
rehearsal-step = الخطوة
rehearsal-seconds = الزمن
rehearsal-total = المجموع
rehearsal-severity-error = خطأ
rehearsal-severity-warning = تحذير
rehearsal-severity-info = ملاحظة
rehearsal-no-questions = لا أسئلة في الانتخاب.
rehearsal-no-window = ليس للانتخاب فترة تصويت.
rehearsal-deadline-in-past = انقضت نهاية التصويت، { $closes }، بالفعل.
rehearsal-opens-in-past = انقضت بداية التصويت، { $opens }: لن يفتحه المجدول، والفتح يدويًا ينقل البداية إلى الآن.
rehearsal-ambiguous-local-time = { $edge ->
    [opens] يبدأ التصويت
   *[closes] ينتهي التصويت
} في { $local } في { $zone }، وهو وقت يتكرر مرتين هناك (أولًا عند UTC{ $first } ثم عند UTC{ $second }) عند إرجاع الساعات. اختر وقتًا آخر.
rehearsal-aoe-conversion = { $edge ->
    [opens] يبدأ التصويت
   *[closes] ينتهي التصويت
} { $local } = { $utc }.
rehearsal-missing-translation = لا ترجمة لـ { $text } إلى { $languages }.
rehearsal-name-too-long-for-blt = اسم { $candidate } في السؤال { $question } ({ $lang }) من { $chars } حرفًا؛ ملف الأوراق (BLT) يحمل { $limit } على الأكثر.
rehearsal-name-unfit-for-blt = اسم { $candidate } في السؤال { $question } ({ $lang }) يحوي { $character }، ولا يستطيع ملف الأوراق (BLT) حمله.
rehearsal-fewer-candidates-than-seats = في السؤال { $question } { $candidates } مرشحين لـ { $seats } مقاعد: ستبقى مقاعد شاغرة.
rehearsal-uncontested = في السؤال { $question } عدد المرشحين يساوي عدد المقاعد ({ $seats }): يُنتخبون جميعًا أيًّا كانت الأصوات.
rehearsal-no-voters = قائمة الناخبين فارغة.
rehearsal-nobody-eligible = في القائمة { $listed } ناخبين، لكن قواعد الأهلية لا تقبل أحدًا منهم.
rehearsal-mail-unreachable = تُرسل روابط التصويت بالبريد، لكن خادم البريد { $server } لا يمكن الوصول إليه: { $error }
rehearsal-seats-left-empty = ملأ فرز التجربة للسؤال { $question } { $elected } من { $seats } مقاعد.
rehearsal-step-failed = فشلت التجربة عند { $step }: { $error }
rehearsal-ballots-refused = تعذر على { $refused } من { $voters } ناخبين اصطناعيين الإدلاء بورقة صحيحة.
