results-title = نتایج
results-summary = روش شمارش: { $method }. کرسی‌ها: { $seats }. برگه‌های شمرده‌شده: { $ballots }.
results-set-aside = { $count ->
    [one] { $count } برگهٔ رأی خوانده نشد و کنار گذاشته شد.
   *[other] { $count } برگهٔ رأی خوانده نشدند و کنار گذاشته شدند.
}
results-elected = برگزیدگان
results-none-elected = هیچ‌کس برگزیده نشد.
results-ranking = رتبه‌بندی
results-chart-title = آرا در آخرین مرحلهٔ شمارش
results-quota = سهمیه
results-rounds = شمارش، مرحله به مرحله
results-stage = مرحله
results-action = کنش
results-non-transferable = غیرقابل انتقال
results-download = برگه‌های رأی بی‌نام‌شده
results-download-blt = بارگیری با قالب BLT
results-download-csv = بارگیری با قالب CSV
