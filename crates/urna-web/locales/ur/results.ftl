results-title = نتائج
results-summary = گنتی کا طریقہ: { $method }۔ نشستیں: { $seats }۔ گنے گئے بیلٹ: { $ballots }۔
results-set-aside = { $count ->
    [one] ایک بیلٹ پڑھا نہیں جا سکا اور الگ رکھ دیا گیا۔
   *[other] { $count } بیلٹ پڑھے نہیں جا سکے اور الگ رکھ دیے گئے۔
}
results-elected = منتخب
results-none-elected = کوئی منتخب نہیں ہوا۔
results-ranking = درجہ بندی
results-chart-title = گنتی کے آخری مرحلے میں ووٹ
results-quota = کوٹا
results-rounds = گنتی، مرحلہ وار
results-stage = مرحلہ
results-action = کارروائی
results-non-transferable = ناقابل منتقلی
results-download = گمنام کیے گئے بیلٹ
results-download-blt = BLT کے طور پر ڈاؤن لوڈ کریں
results-download-csv = CSV کے طور پر ڈاؤن لوڈ کریں
