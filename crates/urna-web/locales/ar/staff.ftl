# صفحات فريق العمل: تسجيل الدخول بكلمة المرور ورمز تطبيق المصادقة، ولوحة التحكم.

staff-sign-in-title = دخول فريق العمل
staff-sign-in-intro = يسجّل فريق عمل الانتخابات الدخول بكلمة المرور والرمز المكوّن من ستة أرقام من تطبيق المصادقة.
staff-username-label = اسم المستخدم
staff-password-label = كلمة المرور
staff-code-label = رمز المصادقة
staff-code-help = الرمز المكوّن من ستة أرقام الذي يعرضه تطبيق المصادقة الآن لـ Urna.
staff-sign-in-submit = تسجيل الدخول
staff-sign-in-error = اسم المستخدم أو كلمة المرور أو الرمز غير صحيح. تحقّق منها وحاول مرة أخرى.
staff-dashboard-title = لوحة فريق العمل
staff-signed-in-as = مسجّل الدخول باسم
staff-elections-title = انتخاباتك
staff-no-elections = ليس لديك دور في أي انتخابات بعد.
staff-election-column = الانتخابات
staff-state-column = الحالة
staff-roles-column = أدوارك
staff-role-operator = مشغّل الموقع
staff-role-admin = مسؤول
staff-role-scrutineer = مراقب
staff-role-trustee = أمين
staff-sign-out = تسجيل الخروج
error-forbidden-title = غير مسموح
error-forbidden-detail = ليس لحسابك دور يسمح بهذا. اطلب ذلك من مسؤولي الانتخابات أو من مشغّل الموقع.
