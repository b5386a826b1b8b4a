# صفحات ورقة الاقتراع: الورقة وأخطاؤها والتأكيد والإيصال.

ballot-title = ورقة اقتراعك
ballot-intro = أجب عن كل سؤال، أو اختر الامتناع عنه. لم يُدلَ بصوتك بعد: سترى اختياراتك مرة أخرى قبل الإدلاء بورقتك.
ballot-question-position = السؤال { $number } من { $total }
ballot-list-separator = {"، "}
ballot-abstain = الامتناع عن هذا السؤال
ballot-withdrawn = انسحبوا ولم يعودوا مرشحين: { $names }
ballot-review-help = ستُعرض عليك اختياراتك بعد ذلك لتتحقق منها قبل الإدلاء بورقتك.
ballot-review = مراجعة ورقتي

## التعليمات حسب نوع الاقتراع

ballot-instructions-choose-one = اختر خيارًا واحدًا.
ballot-instructions-approval-exactly = { $count ->
    [one] وافق على خيار واحد بالضبط.
    [two] وافق على خيارين بالضبط.
   *[other] وافق على { $count } من الخيارات بالضبط.
}
ballot-instructions-approval-up-to = وافق على ما تشاء من الخيارات، بحد أقصى { $max }. يمكنك ألا توافق على أي خيار.
ballot-instructions-approval-range = وافق على { $min } من الخيارات على الأقل و{ $max } على الأكثر.
ballot-instructions-score = امنح كل خيار درجة من { $min } (الأسوأ) إلى { $max } (الأفضل)، أو اتركه بلا درجة.
ballot-instructions-son = لكل خيار، اختر تأييد أو حياد أو معارضة، أو اتركه بلا رأي.
ballot-instructions-ranked = رتّب المرشحين حسب تفضيلك: 1 لاختيارك الأول، و2 لاختيارك الثاني، وهكذا. المرشحون الذين تتركهم فارغين لا يُرتَّبون.
ballot-instructions-ranked-distinct = امنح كل مرشح ترتّبه رقمًا مختلفًا.
ballot-instructions-ranked-equal = يمكنك منح عدة مرشحين الرقم نفسه لترتيبهم بالتساوي.
ballot-instructions-ranked-max = يمكنك ترتيب { $max } من المرشحين على الأكثر.
ballot-instructions-ranked-js = استخدم «إضافة» لوضع المرشحين في ترتيبك، ثم «تحريك للأعلى» و«تحريك للأسفل» لترتيبهم. اختيارك الأول في الأعلى. مفاتيح الأسهم للأعلى وللأسفل تنقلك بين الأزرار.
ballot-rank-range = اكتب رقمًا من 1 إلى { $max } بجانب كل مرشح ترتّبه.
ballot-score-blank = بلا درجة
ballot-son-support = تأييد
ballot-son-neutral = حياد
ballot-son-oppose = معارضة
ballot-son-blank = بلا رأي

## قائمة الترتيب التي يبنيها البرنامج النصي

ballot-js-your-ranking = ترتيبك
ballot-js-empty = لم ترتّب أي مرشح بعد.
ballot-js-candidates = مرشحون لم يُرتَّبوا بعد
ballot-js-filter = ابحث عن مرشح
ballot-js-filter-count = عدد المرشحين المعروضين: { $count }
ballot-js-add = إضافة
ballot-js-add-label = إضافة { $name } إلى ترتيبك
ballot-js-remove = إزالة
ballot-js-remove-label = إزالة { $name } من ترتيبك
ballot-js-up = تحريك للأعلى
ballot-js-up-label = تحريك { $name } للأعلى
ballot-js-down = تحريك للأسفل
ballot-js-down-label = تحريك { $name } للأسفل
ballot-js-added = أُضيف { $name } في المرتبة { $rank }
ballot-js-moved = نُقل { $name } إلى المرتبة { $rank }
ballot-js-removed = أُزيل { $name } من ترتيبك
ballot-js-at-top = { $name } هو اختيارك الأول بالفعل
ballot-js-at-bottom = { $name } هو الأخير في ترتيبك بالفعل
ballot-js-limit = يمكنك ترتيب { $max } من المرشحين على الأكثر

## الأخطاء

ballot-error-summary-title = ورقة اقتراعك تحتاج إلى انتباهك
ballot-error-summary-intro = لم يُدلَ بأي صوت. صحّح ما يلي، ثم راجع ورقتك مرة أخرى:
ballot-error-in-question = السؤال { $number }: { $message }
ballot-error-no-choice = اختر خيارًا واحدًا، أو اختر الامتناع عن هذا السؤال.
ballot-error-abstain-and-answer = اخترت الامتناع لكنك حدّدت اختيارات أيضًا. امسح اختياراتك، أو ألغِ تحديد «الامتناع عن هذا السؤال».
ballot-error-several-choices = اختر خيارًا واحدًا فقط.
ballot-error-unknown-option = ذكرت الورقة خيارًا ليس عليها («{ $value }»). أعد تحميل الصفحة واملأها من جديد.
ballot-error-withdrawn = انسحب { $name } ولم يعد من الممكن اختياره.
ballot-error-repeated = يظهر { $name } مرتين فيما أُرسل. أعد تحميل الصفحة واملأها من جديد.
ballot-error-rank-not-number = يجب أن تكون مرتبة { $name } عددًا صحيحًا، لا «{ $value }».
ballot-error-score-not-number = يجب أن تكون درجة { $name } عددًا صحيحًا، لا «{ $value }».
ballot-error-rank-out-of-range = يجب أن تكون مرتبة { $name } من 1 إلى { $max }، لا { $value }.
ballot-error-score-out-of-range = يجب أن تكون درجة { $name } من { $min } إلى { $max }، لا { $value }.
ballot-error-equal-ranks = للمرشحين { $names } المرتبة نفسها { $rank }. امنح كل مرشح رقمًا مختلفًا.
ballot-error-too-few = وافق على { $min } من الخيارات على الأقل، أو اختر الامتناع.
ballot-error-too-many = وافق على { $max } من الخيارات على الأكثر.
ballot-error-too-many-ranked = رتّب { $max } من المرشحين على الأكثر.
ballot-error-other = لا يمكن قبول هذه الإجابة: { $detail }
ballot-error-unknown-field = احتوى النموذج على شيء لا ينتمي إلى هذه الورقة. أعد تحميل الصفحة واملأها من جديد.

## التأكيد

ballot-confirm-title = تحقّق من ورقتك
ballot-confirm-intro = لم يُدلَ بورقتك بعد. تحقّق من اختياراتك، ثم أدلِ بورقتك أو غيّرها.
ballot-confirm-question = السؤال { $number }:
ballot-confirm-abstain = أنت ممتنع عن هذا السؤال.
ballot-confirm-choice = اخترت:
ballot-confirm-approved-none = لا توافق على أي خيار.
ballot-confirm-approved = توافق على هذه الخيارات ({ $count }):
ballot-confirm-scores-none = لم تمنح أي خيار درجة.
ballot-confirm-scores = درجاتك (خيارات بلا درجة: { $blank }):
ballot-confirm-ranking = ترتيبك، الاختيار الأول أولًا (مرشحون غير مرتَّبين: { $unranked }):
ballot-confirm-equal = بالتساوي
ballot-confirm-secret = عندما تدلي بورقتك، تُختم فورًا: لا يستطيع أحد قراءتها بمفرده، ولا حتى من يديرون هذا الخادم.
ballot-confirm-cast = الإدلاء بهذه الورقة
ballot-confirm-change = تغيير ورقتي

## الإيصال

ballot-receipt-title = تم الإدلاء بورقتك
ballot-receipt-code-label = رمز الإيصال الخاص بك
ballot-receipt-keep = دوّنه أو احفظه.
ballot-receipt-proves-title = ما يُثبته هذا الرمز
ballot-receipt-proves = يُحسب الرمز من ورقتك المختومة. يتيح لك التحقق من أن ورقتك سُجّلت وأنها ضمن الأوراق المحسوبة.
ballot-receipt-not-title = ما لا يُظهره
ballot-receipt-not = لا يكشف الرمز كيف صوّتّ، ولا يمكنه أن يثبت لأي أحد كيف صوّتّ: لا يستطيع أحد استخدامه لشراء صوتك أو التحقق منه.
ballot-receipt-revote = ما دامت الانتخابات مفتوحة يمكنك التصويت مرة أخرى. تُحتسب ورقتك الأخيرة فقط، وتحصل على رمز جديد.
ballot-receipt-no-revote = لا تسمح هذه الانتخابات بتغيير الورقة بعد الإدلاء بها.
ballot-preview-note = هذه معاينة: لم يُسجَّل شيء، والرمز أدناه مثال.
