results-title = ফলাফল
results-summary = গণনা পদ্ধতি: { $method }। আসন: { $seats }। গণনা করা ব্যালট: { $ballots }।
results-set-aside = { $count ->
    [one] { $count }টি ব্যালট পড়া যায়নি এবং আলাদা রাখা হয়েছে।
   *[other] { $count }টি ব্যালট পড়া যায়নি এবং আলাদা রাখা হয়েছে।
}
results-elected = নির্বাচিত
results-none-elected = কেউ নির্বাচিত হননি।
results-ranking = ক্রম
results-chart-title = গণনার শেষ পর্যায়ে ভোট
results-quota = কোটা
results-rounds = ধাপে ধাপে গণনা
results-stage = ধাপ
results-action = পদক্ষেপ
results-non-transferable = অহস্তান্তরযোগ্য
results-download = বেনামি করা ব্যালট
results-download-blt = BLT হিসেবে ডাউনলোড করুন
results-download-csv = CSV হিসেবে ডাউনলোড করুন
