# Shared by every page: layout, navigation, language switcher, footer.

# The language's own name, shown in the language switcher.
language-name = العربية
site-name = أورنا
site-tagline = اقتراع سري، وفرز دقيق
skip-to-content = انتقل إلى المحتوى الرئيسي
nav-label = القائمة الرئيسية
nav-home = الصفحة الرئيسية
nav-vote = التصويت
language-switcher-label = اللغة
footer-about = أورنا برنامج حر لإجراء انتخابات يمكن لمجتمعك أن يثق بها.
footer-privacy = يُختم صوتك فور وصوله. لا يستطيع أحد بمفرده قراءته، ولا حتى القائمون على هذا الخادم.
