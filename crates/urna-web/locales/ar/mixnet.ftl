# انتخابات الخلط (docs/record-format.md A.6–A.7).
form-mixnet = الفرز عبر شبكة الخلط (أسئلة الترتيب فقط)
form-mixnet-help = الأوراق ترتيبات مشفّرة؛ يخلطها كل أمين بدوره مع برهان، ثم تُفك بتشفير مع براهين وتُفرز. يستطيع أي شخص التحقق من كل خطوة في سجل الانتخاب.
mixnet-progress-heading = شبكة الخلط
mixnet-shuffles-done = عمليات الخلط المنجزة:
mixnet-decryptions-done = عمليات فك التشفير المستلمة:
mixnet-shuffle-heading = اخلط الأوراق
mixnet-shuffle-help = نزّل سجل الانتخاب، وشغّل `urna trustee mix --record record.jsonl --secret YOUR.secret.json --out shuffle.json`، ثم ارفع shuffle.json هنا.
mixnet-decrypt-heading = فك تشفير الأوراق المخلوطة
mixnet-decrypt-help = بعد انتهاء الخلط، نزّل السجل مجددًا، وشغّل `urna trustee decrypt-mix --record record.jsonl --secret YOUR.secret.json --out decryption.json`، ثم ارفع decryption.json هنا.
mixnet-upload = رفع
mixnet-shuffle-accepted = تم التحقق من خلطك وإضافته إلى السجل.
mixnet-decryption-accepted = تم التحقق من فك تشفيرك وإضافته إلى السجل.
mixnet-no-javascript = تُشفَّر أوراق هذا الانتخاب على جهازك، وهذا يتطلب JavaScript. يُرجى تفعيل JavaScript أو استخدام متصفح آخر للتصويت.
results-set-aside-heading = أوراق مستبعدة
results-set-aside-intro = لم تُفك هذه الأوراق المخلوطة إلى ترتيب صالح ولم تُحتسب (موضعها في آخر خلط، والسبب).
results-set-aside-row = الورقة { $position }: { $reason }
