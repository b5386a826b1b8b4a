# البريد الإلكتروني إلى الناخبين.

mail-link-subject = رابط التصويت الخاص بك: { $election }
mail-link-body =
    مرحبًا { $voter }،

    يمكنك التصويت في «{ $election }». افتح هذا الرابط الشخصي لتسجيل الدخول والتصويت:
mail-link-closes = يُغلق التصويت في { $closes }.
mail-link-keep-private =
    احتفظ بهذا الرابط لنفسك: كل من يملكه يستطيع التصويت باسمك. إن لم تكن تتوقع هذه
    الرسالة فأبلغ مسؤولي الانتخاب.
    أي رابط أُرسل إليك قبل هذا لم يعد يعمل.

mail-struck-subject = شُطبت ورقة اقتراعك: { $election }
mail-struck-body =
    شطب مسؤولو الانتخاب ورقة اقتراعك في «{ $election }»، فلن تُحتسب.

    السبب: { $reason }

    ما دام التصويت مفتوحًا يمكنك التصويت مجددًا برابط التصويت الخاص بك.
mail-extended-subject = مُدِّد التصويت: { $election }
mail-extended-body = يُغلق التصويت في «{ $election }» الآن في { $closes }.
mail-withdrawn-subject = انسحب مرشح: { $election }
mail-withdrawn-body =
    سُحب { $candidate } من «{ $question }» في «{ $election }». سيتخطاه الفرز وينقل تفضيلاتك كأنه
    لم يترشح.

    أوراق الاقتراع مختومة، فلا يستطيع الخادم معرفة من سمّى { $candidate }: لذلك يُبلَّغ كل من
    صوّت. ما دام التصويت مفتوحًا يمكنك التصويت مجددًا إن شئت.

mail-page-title = البريد الإلكتروني إلى الناخبين
mail-page-link = إرسال روابط التصويت والإشعارات بالبريد
mail-not-configured = لم يُضبط البريد الصادر على هذا الخادم (لا يوجد قسم [smtp])، فلا يمكن إرسال أي شيء. ما زال بالإمكان تنزيل روابط التصويت بصيغة CSV.
mail-error-not-configured = البريد الإلكتروني غير مضبوط
mail-links-title = روابط التصويت بالبريد
mail-links-help = تحمل كل رسالة رابط تصويت جديدًا ويتوقف الرابط السابق. لا يحتفظ الخادم بنسخة من الروابط، بل بحالة الإرسال فقط.
mail-send-not-yet-sent = إرسال الروابط لمن لم تُرسل إليه بعد (أو فشل إرسالها)
mail-send-all = إرسال روابط جديدة لكل الناخبين
mail-resend = أعد الإرسال
mail-voter = الناخب
mail-address = البريد الإلكتروني
mail-status = الحالة
mail-status-none = لم يُرسل
mail-status-queued = في الانتظار
mail-status-sent = أُرسل
mail-status-failed = فشل
mail-updated = آخر تحديث
mail-without-address = ناخبون بلا بريد إلكتروني: { $count }
mail-notices-title = إشعارات الناخبين
mail-notices-counts = في الانتظار: { $queued } · أُرسل: { $sent } · فشل: { $failed }
mail-notices-retry = أعد محاولة الإشعارات الفاشلة
