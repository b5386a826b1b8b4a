# نتائج الانتخابات المنشورة.

results-title = النتائج
results-summary = طريقة الفرز: { $method }. المقاعد: { $seats }. أوراق الاقتراع المفروزة: { $ballots }.
results-set-aside = { $count ->
    [one] تعذّرت قراءة ورقة اقتراع واحدة فاستُبعدت.
    [two] تعذّرت قراءة ورقتي اقتراع فاستُبعدتا.
    [few] تعذّرت قراءة { $count } أوراق اقتراع فاستُبعدت.
   *[other] تعذّرت قراءة { $count } ورقة اقتراع فاستُبعدت.
}
results-elected = الفائزون
results-none-elected = لم يُنتخب أحد.
results-ranking = الترتيب
results-chart-title = الأصوات في المرحلة الأخيرة من الفرز
results-quota = الحصة
results-rounds = الفرز مرحلةً مرحلة
results-stage = المرحلة
results-action = الإجراء
results-non-transferable = غير قابلة للنقل
results-download = أوراق الاقتراع مجهولة الهوية
results-download-blt = تنزيل بصيغة BLT
results-download-csv = تنزيل بصيغة CSV
