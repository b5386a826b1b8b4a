# الانتخابات القابلة للتحقق: ورقة الاقتراع المشفّرة في متصفح الناخب، وتدقيق بينالو، ورفض
# الورقة المشفّرة، ومتتبّع الإيصال.

verifiable-review-title = راجع اختياراتك
verifiable-encrypting = يجري تشفير ورقتك في هذا المتصفح…
verifiable-encrypted = شُفّرت ورقتك في هذا المتصفح، ولم تغادره اختياراتك. أدلِ بها، أو دقّقها أولًا للتحقق من أنها تحوي اختياراتك.
verifiable-tracker-label = متتبّع هذه الورقة المشفّرة
verifiable-cast = أدلِ بهذه الورقة
verifiable-audit = دقّق هذه الورقة (لن يُدلى بها)
verifiable-change = غيّر اختياراتي
verifiable-audit-title = الورقة المدقّقة
verifiable-audit-ok = تحقّقت هذه الصفحة: الورقة المشفّرة تحوي الاختيارات المعروضة أعلاه تمامًا. وقد أُهملت ولن يُدلى بها أبدًا؛ يمكنك حفظ الملف والتحقق منه بأي أداة تحقق.
verifiable-audit-failed = لم يجتز تدقيق هذه الورقة: { $problem }. لا تُدلِ بورقة من هذه الصفحة، وأبلغ منظمي الانتخاب.
verifiable-audit-download = نزّل الورقة المدقّقة (JSON)
verifiable-encrypt-again = شفّر اختياراتي من جديد
verifiable-invalid = لا يمكن تشفير ورقتك كما مُلئت: { $problem }
verifiable-abstain = امتناع
verifiable-unavailable = لم يتمكن هذا المتصفح من تحميل برنامج التشفير. سيشفّر الخادم ورقتك عند المتابعة.

verifiable-refused-title = لم تُقبل الورقة
verifiable-refused-malformed = تعذّرت قراءة الورقة المشفّرة ({ $problem }). لم يُحفظ شيء. عد إلى الورقة وحاول من جديد.
verifiable-refused-wrong-election = صُنعت هذه الورقة المشفّرة لانتخاب آخر (أو لهذا الانتخاب قبل تغييره). لم يُحفظ شيء. عد إلى الورقة وصوّت من جديد.
verifiable-refused-proof = براهين الورقة المشفّرة غير صحيحة ({ $problem }). لم يُحفظ شيء. عد إلى الورقة وصوّت من جديد.
verifiable-refused-copied = أدلى شخص آخر بهذه الورقة من قبل: مفتاح اعتمادها مستخدم في هذا الانتخاب. لم يُحفظ شيء. عد إلى الورقة وصوّت من جديد.

verifiable-receipt-tracker = متتبّع ورقتك
verifiable-receipt-board = ابحث عن ورقتك في اللوحة العامة
verifiable-receipt-inclusion = تظهر ورقتك المشفّرة في اللوحة العامة دون اسمك. يصبح إثبات تضمينها متاحًا بعد نشر رأس الشجرة الموقّع التالي.
verifiable-sealed-by-voter = شُفّرت ورقتك في متصفحك.
verifiable-sealed-by-server = شفّر الخادم ورقتك، لأن هذا المتصفح لم يشغّل برنامج التشفير.
