# صفحة الأهلية العامة: لماذا يحق أو لا يحق لحساب ويكي أن يصوّت.

eligibility-title = من يحق له التصويت
eligibility-intro = أدخل حساب ويكي لترى هل يحق له التصويت في هذا الانتخاب، وإن لم يحق له فما القاعدة التي لم يستوفها.
eligibility-account-label = حساب الويكي
eligibility-account-help = اسم المستخدم والويكي بالصيغة Name@wiki (مثل Jane Doe@enwiki).
eligibility-submit = تحقّق
eligibility-error-account = اكتب الحساب بالصيغة Name@wiki، مثل Jane Doe@enwiki.
eligibility-no-rules = لا يحدّد هذا الانتخاب الأهلية من بيانات الويكي.
eligibility-not-checked = لم يكن { $account } من الحسابات التي فُحصت لهذا الانتخاب.
eligibility-eligible = يحق لـ { $account } التصويت في هذا الانتخاب.
eligibility-refused = لا يحق لـ { $account } التصويت في هذا الانتخاب.
eligibility-as-of = بحسب ما أجاب به الويكي في { $date }.
eligibility-appeal-title = كيف تعترض
eligibility-indefinite = إلى أجل غير مسمى
eligibility-rule-exclude-list = الحساب مدرج في { $list }.
eligibility-rule-exists = لا يوجد في الويكي حساب بهذا الاسم.
eligibility-rule-min-edits = يلزم { $required } تعديلًا على الأقل؛ وللحساب { $found }.
eligibility-rule-max-registration = يجب أن يكون الحساب مسجّلًا قبل { $before }؛ وقد سُجّل في { $registered }.
eligibility-rule-sitewide-blocked = الحساب ممنوع من الويكي كله ({ $expiry }).
eligibility-rule-partially-blocked = الحساب ممنوع منعًا جزئيًا ({ $expiry }).
eligibility-rule-central-block = لا يحق التصويت للحسابات الممنوعة في { $threshold } من الويكيات أو أكثر؛ وهذا الحساب ممنوع في { $count } ({ $wikis }).
eligibility-rule-globally-blocked = وهو ممنوع منعًا عامًا أيضًا.
eligibility-rule-locked = وحسابه العام مقفل.
eligibility-rule-bot = الحساب بوت.
eligibility-rule-need-group = يجب أن يكون الحساب في إحدى هذه المجموعات: { $needed }. وهو في: { $groups }.
eligibility-rule-exclude-group = لا يحق لأعضاء المجموعة { $group } المشاركة.
eligibility-rule-edits-before = يلزم { $required } تعديلًا على الأقل قبل { $before }؛ وللحساب { $found }.
eligibility-rule-edits-between = يلزم { $required } تعديلًا على الأقل من { $from } إلى { $to }؛ وللحساب { $found }.
eligibility-rule-need-list = الحساب غير مدرج في { $list }.
eligibility-rule-need-central-list = الحساب العام غير مدرج في { $list }.
eligibility-rule-missing-facts = تغيّرت القواعد بعد فحص الحسابات؛ على المشرفين إعادة الفحص.

# صفحة الإدارة.
admin-eligibility-title = الأهلية من بيانات الويكي
admin-eligibility-cutoff = موعد اللقطة:
admin-eligibility-progress = الحسابات التي جُلبت
admin-eligibility-progress-help = يجري الجلب بالأمر "urna eligibility fetch"؛ أعد تحميل هذه الصفحة لمتابعته.
admin-eligibility-decisions = القرارات بشأن الناخبين
admin-eligibility-rule = القاعدة غير المستوفاة
admin-eligibility-accounts = الحسابات
admin-eligibility-eligible = مؤهَّل
admin-eligibility-fill = أضف الحسابات المؤهَّلة إلى قائمة الناخبين
admin-eligibility-no-rules = ليس لهذا الانتخاب قواعد أهلية؛ حدّدها بالأمر "urna eligibility rules".
