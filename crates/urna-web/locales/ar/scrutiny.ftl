# التدقيق دون كشف الناخبين.
scrutiny-title = التدقيق
scrutiny-intro = ناخبون صوّتوا من المتصفح نفسه، أو من نوع المتصفح نفسه على الشبكة نفسها، أو من الشبكة نفسها. لا يظهر هنا أي عنوان أو وصف متصفح؛ الروابط تذكر فقط ما كان مشتركًا.
scrutiny-logged = تُسجَّل كل زيارة لهذه الصفحة ويراها كل مدقق في الانتخاب.
scrutiny-views-link = الاطلاع على البيانات الخاصة
scrutiny-no-clusters = لا يشترك أي ناخبين في متصفح أو شبكة.
scrutiny-cluster = مجموعة
scrutiny-links = ما يربط هؤلاء الناخبين
scrutiny-signal = المشترك
scrutiny-strength = القوة
scrutiny-voters = الناخبون
scrutiny-voter = الناخب
scrutiny-signal-cookie = المتصفح نفسه (ملف تعريف الارتباط)
scrutiny-signal-agent_on_network = نوع المتصفح نفسه على الشبكة نفسها
scrutiny-signal-network = الشبكة نفسها
scrutiny-strength-strong = قوية
scrutiny-strength-medium = متوسطة
scrutiny-strength-weak = ضعيفة
scrutiny-strike-legend = شطب أوراق الناخبين المحددين
scrutiny-not-counted = لا ورقة محسوبة
scrutiny-reason = السبب
scrutiny-strike-button = شطب
scrutiny-checkuser-link = القيم الخام (فاحص المستخدمين)
scrutiny-purge-explain = يحذف المسح الآن البصمات والعناوين وأوصاف المتصفحات وأوقات التصويت والأوراق المستبدلة وجلسات الناخبين وعناوين بريدهم في هذا الانتخاب. ويجري تلقائيًا بعد الإغلاق ببضعة أيام.
scrutiny-purge-button = امسح البيانات الخاصة الآن
scrutiny-purged = مُسحت البيانات الخاصة لهذا الانتخاب.
scrutiny-back = العودة إلى التدقيق
scrutiny-checkuser-title = فاحص المستخدمين
scrutiny-checkuser-intro = العناوين وأوصاف المتصفحات التي أرسلها الناخبون. اذكر سببًا: يُسجَّل مع أسماء الناخبين ويقرؤه كل مدقق في الانتخاب.
scrutiny-checkuser-voter = ناخب آخر
scrutiny-checkuser-button = اعرض القيم الخام
scrutiny-checkuser-raw = القيم الخام لكل إرسال ورقة
scrutiny-address = العنوان
scrutiny-network = الشبكة
scrutiny-user-agent = وصف المتصفح
scrutiny-checkuser-only = لا يرى العناوين وأوصاف المتصفحات الخام إلا حاملو صلاحية فاحص المستخدمين.
scrutiny-views-title = الاطلاع على البيانات الخاصة
scrutiny-views-intro = من اطلع على المجموعات أو القيم الخام، ومتى، ولماذا.
scrutiny-view-what = ما اطُّلع عليه
scrutiny-view-checkuser = القيم الخام
scrutiny-view-clusters = المجموعات
scrutiny-no-voter = اختر ناخبًا واحدًا على الأقل.
scrutiny-reason-required = اذكر سببًا.
scrutiny-struck = { $count ->
    [one] شُطبت ورقة واحدة.
   *[other] شُطبت { $count } ورقة.
}
scrutiny-strike-failed = { $count ->
    [one] لم تكن لناخب واحد ورقة محسوبة لشطبها.
   *[other] لم تكن لـ { $count } ناخبين أوراق محسوبة لشطبها.
}
