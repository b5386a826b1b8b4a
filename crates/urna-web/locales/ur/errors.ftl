error-status = خرابی { $status }
error-back-home = سرورق پر واپس جائیں
error-not-found-title = صفحہ نہیں ملا
error-not-found-detail = اس پتے پر کچھ نہیں ہے۔ لنک دیکھیں، یا سرورق سے دوبارہ شروع کریں۔
error-method-not-allowed-title = یہاں اجازت نہیں
error-method-not-allowed-detail = یہ صفحہ اس طرح استعمال نہیں ہو سکتا۔
error-bad-request-title = درخواست پڑھی نہیں جا سکی
error-bad-request-detail = بھیجی گئی چیز میں کچھ کمی یا خرابی ہے۔ واپس جائیں، فارم دیکھیں اور دوبارہ کوشش کریں۔
error-csrf-title = یہ فارم قبول نہیں کیا جا سکا
error-csrf-detail = فارم کی میعاد ختم ہو گئی ہے یا یہ کسی اور سائٹ سے بھیجا گیا ہے۔ واپس جائیں، صفحہ دوبارہ لوڈ کریں اور پھر کوشش کریں۔
error-rate-limited-title = بہت زیادہ کوششیں
error-rate-limited-detail = { $seconds ->
    [one] ایک سیکنڈ انتظار کریں، پھر دوبارہ کوشش کریں۔
   *[other] { $seconds } سیکنڈ انتظار کریں، پھر دوبارہ کوشش کریں۔
}
error-payload-too-large-title = بہت زیادہ ڈیٹا
error-payload-too-large-detail = بھیجا گیا مواد اس سے بڑا ہے جتنا یہ سرور قبول کرتا ہے۔
error-timeout-title = اس میں بہت دیر لگی
error-timeout-detail = سرور وقت پر جواب نہیں دے سکا۔ کچھ دیر بعد دوبارہ کوشش کریں۔
error-internal-title = کچھ غلط ہو گیا
error-internal-detail = سرور آپ کی درخواست مکمل نہیں کر سکا۔ کچھ تبدیل نہیں ہوا؛ کچھ دیر بعد دوبارہ کوشش کریں۔
