# تغييرات آمنة أثناء التصويت (service::live).

live-voter-paused-title = التصويت متوقف مؤقتًا
live-voter-paused = أوقف مسؤولو الانتخاب التصويت مؤقتًا. لم تُقبل ورقتك. ستُبلَّغ بالبريد الإلكتروني عند استئناف التصويت، ويبقى رابط التصويت الخاص بك صالحًا.

live-mail-paused-subject = إيقاف التصويت مؤقتًا: { $election }
live-mail-paused-body =
    أوقف مسؤولو الانتخاب التصويت مؤقتًا في «{ $election }». الأوراق المُدلى بها محفوظة.
    ستُبلَّغ عند استئناف التصويت.
live-mail-resumed-subject = استئناف التصويت: { $election }
live-mail-resumed-body =
    استُؤنف التصويت في «{ $election }» ويُغلق { $closes }. إن لم تصوّت بعد فيمكنك التصويت
    الآن برابط التصويت الخاص بك.
live-mail-shortened-subject = يُغلق التصويت أبكر: { $election }
live-mail-shortened-body = يُغلق التصويت في «{ $election }» الآن أبكر، { $closes }.
live-mail-swapped-subject = يُرجى التصويت مجددًا: { $election }
live-mail-swapped-body =
    في «{ $question }» من «{ $election }» حلّ { $new } محلّ { $old } في ورقة الاقتراع. أُدليت
    ورقتك قبل هذا التغيير، لذا شُطبت ولن تُحتسب.

    يُرجى التصويت مجددًا برابط التصويت الخاص بك ما دام التصويت مفتوحًا.

live-page-title = التغييرات أثناء التصويت
live-page-link = التغييرات أثناء التصويت (المعاينة أولًا)
live-page-help = يُعاين كل تغيير أولًا: تُعرض الجهات المتأثرة وعددها. لا يتغير شيء قبل التأكيد. يُبلَّغ كل متأثر بالبريد الإلكتروني.
live-change-move-end = تغيير موعد الانتهاء
live-change-pause = إيقاف التصويت مؤقتًا
live-change-resume = استئناف التصويت
live-change-swap = استبدال مرشح
live-change-withdraw = سحب مرشح
live-change-add-voters = إضافة ناخبين سقطوا من القائمة
live-change-fix-text = تصحيح نص
live-change-strike-window = شطب الأوراق المُدلى بها خلال فترة حادث
live-field-closes = موعد الانتهاء الجديد (بتوقيت الانتخاب، أو UTC مع Z)
live-field-question = السؤال
live-field-candidate = المرشح
live-field-name = اسم المرشح الجديد
live-field-csv = قائمة الناخبين (CSV)
live-field-title = عنوان الانتخاب الجديد
live-field-from = من (UTC، مثل 2026-11-26T10:00:00Z)
live-field-to = حتى، غير مشمول (UTC)
live-field-reason = السبب
live-preview-button = معاينة
live-preview-title = معاينة: { $change }
live-preview-state = الحالة الآن: { $state }؛ بعد التغيير: { $after }
live-preview-struck = الأوراق التي ستُشطب: { $count }
live-preview-told = الناخبون الذين سيُراسَلون: { $count }
live-preview-no-address = ناخبون متأثرون بلا بريد إلكتروني: { $count }
live-preview-added = الناخبون الذين سيُضافون: { $count }
live-preview-already = موجودون في القائمة: { $count }
live-confirm-button = تأكيد هذا التغيير
live-done = تم التغيير. الأوراق المشطوبة: { $struck }؛ الإشعارات في الانتظار: { $queued }.
live-change-withdraw-after-count = السحب بعد الفرز (إعادة فرز مع الإبقاء على الأصل)
live-preview-recount-naming = الأوراق التي رتّبت { $candidate }: { $count }
live-preview-elected-count = الفائزون في الفرز:
live-preview-elected-recount = الفائزون في إعادة الفرز بدونه:
live-results-recount-title = إعادة الفرز بدون { $withdrawn } (سُحب بعد الفرز)
live-results-recount-note = النتيجة أعلاه هي الفرز الأصلي. تفرز إعادة الفرز هذه الأوراق نفسها بالطريقة نفسها، مع استبعاد المرشحين الذين سُحبوا بعد الفرز.
