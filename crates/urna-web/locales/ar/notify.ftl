# الإشعارات: نتائج إرسال الروابط، والتذكيرات للناخبين الذين لم يصوّتوا، ومتابعة نسبة المشاركة والنصاب.

mail-status-bounced = مرفوض نهائيًا
mail-status-skipped = لم يعد لازمًا
mail-send-failed = إرسال روابط جديدة إلى { $count } من الناخبين الذين أخفق بريدهم أو رُفض

mail-reminder-subject = تذكير: يرجى التصويت في { $election }
mail-reminder-body =
    لم تصوّت بعد في «{ $election }». ما زال هناك وقت.
mail-reminder-link =
    للتصويت افتح رابط التصويت الشخصي الذي أُرسل إليك بالبريد الإلكتروني. إن لم تجده فاطلب
    رابطًا جديدًا من مسؤولي الانتخاب. إن كنت قد صوّتّ في هذه الأثناء فتجاهل هذه الرسالة.

reminders-title = تذكيرات للناخبين الذين لم يصوّتوا
reminders-help = يُرسل كل تذكير مرة واحدة في موعده قبل نهاية التصويت إلى كل ناخب له عنوان بريد إلكتروني ولم يصوّت حتى ذلك الحين، بلغته إن كانت متاحة. تمديد النهاية يؤخّر التذكيرات التي لم تُرسل بعد.
reminders-none = لا توجد تذكيرات.
reminders-before = قبل النهاية
reminders-due = موعد الإرسال
reminders-went-out = أُرسل في
reminders-not-yet = ليس بعد
reminders-counts = الرسائل
reminders-count-line = في الانتظار: { $queued } · أُرسلت: { $sent } · لم تعد لازمة: { $skipped } · أخفقت: { $failed }
reminders-text = النص
reminders-standard-text = التذكير المعتاد
reminders-delete = حذف
reminders-before-label = المدة قبل نهاية التصويت
reminders-before-help = مثلًا 3d (ثلاثة أيام) أو 24h (أربع وعشرون ساعة) أو 90m (تسعون دقيقة).
reminders-text-label = نص خاص باللغة { $lang } (اختياري)
reminders-text-help = اترك كل النصوص فارغة لإرسال التذكير المعتاد مترجمًا إلى لغة كل ناخب. إن كتبت نصًا خاصًا فاكتبه على الأقل باللغة الافتراضية للانتخاب: يتلقاه ناخبو اللغات التي لا نص لها.
reminders-add = إضافة التذكير

turnout-page-title = المشاركة عبر الوقت
turnout-page-link = المشاركة عبر الوقت والنصاب
turnout-summary = صوّت { $voted } من أصل { $eligible } ناخبًا.
turnout-quorum-reached = بلغ عدد المصوّتين النصاب ({ $quorum } ناخبًا).
turnout-quorum-missing = لم يبلغ عدد المصوّتين النصاب ({ $quorum } ناخبًا) بعد: يلزم { $missing } آخرون.
turnout-help = الناخبون الذين صوّتوا حتى الآن، معدودين بحسب ساعة تصويتهم الأول. تظهر الأعداد لكل ساعة فقط، ولا يظهر أبدًا متى صوّت ناخب بعينه.
turnout-chart-title = الناخبون الذين صوّتوا حتى الآن، بحسب الساعة
turnout-quorum-line = النصاب { $quorum }
turnout-table-caption = الناخبون بحسب ساعة تصويتهم الأول
turnout-hour = الساعة من
turnout-new-voters = ناخبون جدد
turnout-voters-so-far = الناخبون حتى الآن
turnout-none-yet = لم يصوّت أحد بعد.
turnout-quorum-title = النصاب
turnout-quorum-label = عدد الناخبين اللازم (اتركه فارغًا إن لم يكن هناك نصاب)
turnout-quorum-help = عدد الناخبين الذين يجب أن يصوّتوا ليكون الانتخاب صحيحًا، ويظهر خطًا على الرسم.
turnout-quorum-save = حفظ النصاب
