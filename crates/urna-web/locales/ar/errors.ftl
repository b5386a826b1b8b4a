# Error pages and the titles and details of JSON problem documents.

error-status = خطأ { $status }
error-back-home = العودة إلى الصفحة الرئيسية
error-not-found-title = الصفحة غير موجودة
error-not-found-detail = لا يوجد شيء على هذا العنوان. تحقّق من الرابط، أو ابدأ من جديد من الصفحة الرئيسية.
error-method-not-allowed-title = غير مسموح هنا
error-method-not-allowed-detail = لا يمكن استخدام هذه الصفحة بهذه الطريقة.
error-bad-request-title = تعذّرت قراءة الطلب
error-bad-request-detail = بعض ما أُرسل ناقص أو غير صالح. ارجع، وتحقّق من النموذج، وحاول مرة أخرى.
error-csrf-title = تعذّر قبول هذا النموذج
error-csrf-detail = انتهت صلاحية النموذج أو أُرسل من موقع آخر. ارجع، وأعد تحميل الصفحة، وحاول مرة أخرى.
error-rate-limited-title = محاولات كثيرة جدًا
# Arabic plural categories (CLDR): zero, one, two, few (3–10), many (11–99), other.
error-rate-limited-detail = { $seconds ->
    [zero] حاول مرة أخرى الآن.
    [one] انتظر ثانية واحدة ثم حاول مرة أخرى.
    [two] انتظر ثانيتين ثم حاول مرة أخرى.
    [few] انتظر { $seconds } ثوانٍ ثم حاول مرة أخرى.
    [many] انتظر { $seconds } ثانية ثم حاول مرة أخرى.
   *[other] انتظر { $seconds } ثانية ثم حاول مرة أخرى.
}
error-payload-too-large-title = البيانات كبيرة جدًا
error-payload-too-large-detail = ما أُرسل أكبر مما يقبله هذا الخادم.
error-timeout-title = استغرق الأمر وقتًا طويلًا
error-timeout-detail = لم يتمكن الخادم من الرد في الوقت المناسب. حاول مرة أخرى بعد قليل.
error-internal-title = حدث خطأ ما
error-internal-detail = لم يتمكن الخادم من إتمام طلبك. لم يتغير شيء؛ حاول مرة أخرى بعد قليل.
