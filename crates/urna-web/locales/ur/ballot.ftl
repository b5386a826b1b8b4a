ballot-title = آپ کا بیلٹ
ballot-intro = ہر سوال کا جواب دیں، یا غیر حاضر رہنے کا انتخاب کریں۔ ابھی کچھ نہیں ڈالا گیا: بیلٹ ڈالنے سے پہلے آپ اپنے انتخاب دوبارہ دیکھیں گے۔
ballot-question-position = سوال { $number } از { $total }
ballot-list-separator = {"، "}
ballot-abstain = اس سوال پر غیر حاضر رہیں
ballot-withdrawn = دستبردار ہو گئے، اب امیدوار نہیں: { $names }
ballot-review-help = اس کے بعد آپ اپنے انتخاب دوبارہ دیکھیں گے تاکہ بیلٹ ڈالنے سے پہلے انہیں جانچ سکیں۔
ballot-review = میرا بیلٹ دیکھیں

ballot-instructions-choose-one = ایک اختیار چنیں۔
ballot-instructions-approval-exactly = { $count ->
    [one] ٹھیک ایک اختیار منظور کریں۔
   *[other] ٹھیک { $count } اختیارات منظور کریں۔
}
ballot-instructions-approval-up-to = { $max ->
    [one] زیادہ سے زیادہ ایک اختیار منظور کریں۔ آپ کوئی بھی منظور نہ کریں تو بھی ٹھیک ہے۔
   *[other] جو اختیارات چاہیں منظور کریں، زیادہ سے زیادہ { $max }۔ آپ کوئی بھی منظور نہ کریں تو بھی ٹھیک ہے۔
}
ballot-instructions-approval-range = کم از کم { $min } اور زیادہ سے زیادہ { $max } اختیارات منظور کریں۔
ballot-instructions-score = ہر اختیار کو { $min } (بدترین) سے { $max } (بہترین) تک نمبر دیں، یا بغیر نمبر چھوڑ دیں۔
ballot-instructions-son = ہر اختیار کے لیے حمایت، غیر جانب دار یا مخالفت چنیں، یا بغیر رائے چھوڑ دیں۔
ballot-instructions-ranked = امیدواروں کو ترجیح کی ترتیب میں درجہ دیں: پہلی پسند کے لیے 1، دوسری کے لیے 2، وغیرہ۔ خالی چھوڑے گئے امیدوار درجہ بند نہیں ہوتے۔
ballot-instructions-ranked-distinct = ہر درجہ بند امیدوار کو الگ نمبر دیں۔
ballot-instructions-ranked-equal = آپ کئی امیدواروں کو ایک ہی نمبر دے کر برابر درجہ دے سکتے ہیں۔
ballot-instructions-ranked-max = { $max ->
    [one] آپ صرف ایک امیدوار کو درجہ دے سکتے ہیں۔
   *[other] آپ زیادہ سے زیادہ { $max } امیدواروں کو درجہ دے سکتے ہیں۔
}
ballot-instructions-ranked-js = امیدواروں کو اپنی درجہ بندی میں ڈالنے کے لیے “شامل کریں” اور ترتیب کے لیے “اوپر” اور “نیچے” استعمال کریں۔ آپ کی پہلی پسند سب سے اوپر ہے۔ اوپر اور نیچے کے تیر بٹنوں کے درمیان لے جاتے ہیں۔
ballot-rank-range = ہر اس امیدوار کے ساتھ جسے آپ درجہ دیں 1 سے { $max } تک کا نمبر لکھیں۔
ballot-score-blank = کوئی نمبر نہیں
ballot-son-support = حمایت
ballot-son-neutral = غیر جانب دار
ballot-son-oppose = مخالفت
ballot-son-blank = کوئی رائے نہیں

ballot-js-your-ranking = آپ کی درجہ بندی
ballot-js-empty = آپ نے ابھی کسی کو درجہ نہیں دیا۔
ballot-js-candidates = وہ امیدوار جنہیں ابھی درجہ نہیں ملا
ballot-js-filter = امیدوار تلاش کریں
ballot-js-filter-count = { $count } امیدوار دکھائے جا رہے ہیں
ballot-js-add = شامل کریں
ballot-js-add-label = { $name } کو اپنی درجہ بندی میں شامل کریں
ballot-js-remove = ہٹائیں
ballot-js-remove-label = { $name } کو اپنی درجہ بندی سے ہٹائیں
ballot-js-up = اوپر
ballot-js-up-label = { $name } کو اوپر لے جائیں
ballot-js-down = نیچے
ballot-js-down-label = { $name } کو نیچے لے جائیں
ballot-js-added = { $name } درجہ { $rank } پر شامل ہوا
ballot-js-moved = { $name } درجہ { $rank } پر منتقل ہوا
ballot-js-removed = { $name } آپ کی درجہ بندی سے ہٹا دیا گیا
ballot-js-at-top = { $name } پہلے ہی آپ کی پہلی پسند ہے
ballot-js-at-bottom = { $name } پہلے ہی آپ کی درجہ بندی میں آخری ہے
ballot-js-limit = آپ زیادہ سے زیادہ { $max } امیدواروں کو درجہ دے سکتے ہیں

ballot-error-summary-title = آپ کے بیلٹ پر توجہ درکار ہے
ballot-error-summary-intro = کچھ نہیں ڈالا گیا۔ درج ذیل درست کریں، پھر اپنا بیلٹ دوبارہ دیکھیں:
ballot-error-in-question = سوال { $number }: { $message }
ballot-error-no-choice = ایک اختیار چنیں، یا اس سوال پر غیر حاضر رہنے کا انتخاب کریں۔
ballot-error-abstain-and-answer = آپ نے غیر حاضر رہنا چنا لیکن انتخاب بھی نشان زد کیے۔ اپنے انتخاب صاف کریں، یا “اس سوال پر غیر حاضر رہیں” کا نشان ہٹائیں۔
ballot-error-several-choices = صرف ایک اختیار چنیں۔
ballot-error-unknown-option = بیلٹ میں ایسا اختیار تھا جو اس پر موجود نہیں (“{ $value }”)۔ صفحہ دوبارہ لوڈ کر کے پھر سے بھریں۔
ballot-error-withdrawn = { $name } دستبردار ہو چکے ہیں اور اب چنے نہیں جا سکتے۔
ballot-error-repeated = بھیجی گئی چیز میں { $name } دو بار آیا ہے۔ صفحہ دوبارہ لوڈ کر کے پھر سے بھریں۔
ballot-error-rank-not-number = { $name } کا درجہ پورا عدد ہونا چاہیے، “{ $value }” نہیں۔
ballot-error-score-not-number = { $name } کا نمبر پورا عدد ہونا چاہیے، “{ $value }” نہیں۔
ballot-error-rank-out-of-range = { $name } کا درجہ 1 سے { $max } تک ہونا چاہیے، { $value } نہیں۔
ballot-error-score-out-of-range = { $name } کا نمبر { $min } سے { $max } تک ہونا چاہیے، { $value } نہیں۔
ballot-error-equal-ranks = { $names } سب کا درجہ { $rank } ہے۔ ہر امیدوار کو الگ نمبر دیں۔
ballot-error-too-few = { $min ->
    [one] کم از کم ایک اختیار منظور کریں، یا غیر حاضر رہنا چنیں۔
   *[other] کم از کم { $min } اختیارات منظور کریں، یا غیر حاضر رہنا چنیں۔
}
ballot-error-too-many = { $max ->
    [one] زیادہ سے زیادہ ایک اختیار منظور کریں۔
   *[other] زیادہ سے زیادہ { $max } اختیارات منظور کریں۔
}
ballot-error-too-many-ranked = { $max ->
    [one] صرف ایک امیدوار کو درجہ دیں۔
   *[other] زیادہ سے زیادہ { $max } امیدواروں کو درجہ دیں۔
}
ballot-error-other = یہ جواب قبول نہیں کیا جا سکتا: { $detail }
ballot-error-unknown-field = فارم میں ایسی چیز تھی جو اس بیلٹ کا حصہ نہیں۔ صفحہ دوبارہ لوڈ کر کے پھر سے بھریں۔

ballot-confirm-title = اپنا بیلٹ جانچیں
ballot-confirm-intro = آپ کا بیلٹ ابھی نہیں ڈالا گیا۔ اپنے انتخاب جانچیں، پھر بیلٹ ڈالیں یا اسے بدلیں۔
ballot-confirm-question = سوال { $number }:
ballot-confirm-abstain = آپ اس سوال پر غیر حاضر ہیں۔
ballot-confirm-choice = آپ نے چنا:
ballot-confirm-approved-none = آپ کسی اختیار کو منظور نہیں کرتے۔
ballot-confirm-approved = { $count ->
    [one] آپ یہ اختیار منظور کرتے ہیں:
   *[other] آپ یہ { $count } اختیارات منظور کرتے ہیں:
}
ballot-confirm-scores-none = آپ نے کسی اختیار کو نمبر نہیں دیا۔
ballot-confirm-scores = { $blank ->
    [0] آپ کے نمبر:
    [one] آپ کے نمبر (ایک اختیار بغیر نمبر):
   *[other] آپ کے نمبر ({ $blank } اختیارات بغیر نمبر):
}
ballot-confirm-ranking = { $unranked ->
    [0] آپ کی درجہ بندی، پہلی پسند پہلے:
    [one] آپ کی درجہ بندی، پہلی پسند پہلے (ایک امیدوار کو درجہ نہیں ملا):
   *[other] آپ کی درجہ بندی، پہلی پسند پہلے ({ $unranked } امیدواروں کو درجہ نہیں ملا):
}
ballot-confirm-equal = برابر درجہ
ballot-confirm-secret = بیلٹ ڈالتے ہی سر بمہر ہو جاتا ہے: کوئی اسے اکیلے نہیں پڑھ سکتا، اس سرور کو چلانے والے بھی نہیں۔
ballot-confirm-cast = یہ بیلٹ ڈالیں
ballot-confirm-change = میرا بیلٹ بدلیں

ballot-receipt-title = آپ کا بیلٹ ڈال دیا گیا
ballot-receipt-code-label = آپ کا رسید کوڈ
ballot-receipt-keep = اسے لکھ لیں یا محفوظ کر لیں۔
ballot-receipt-proves-title = یہ کوڈ کیا ظاہر کرتا ہے
ballot-receipt-proves = یہ کوڈ آپ کے سر بمہر بیلٹ سے حساب کیا جاتا ہے۔ اس سے آپ جانچ سکتے ہیں کہ آپ کا بیلٹ درج ہوا اور گنے گئے بیلٹوں میں شامل ہے۔
ballot-receipt-not-title = یہ کیا ظاہر نہیں کرتا
ballot-receipt-not = یہ کوڈ ظاہر نہیں کرتا کہ آپ نے کیسے ووٹ دیا، اور کسی کو یہ ثابت نہیں کر سکتا: کوئی اسے آپ کا ووٹ خریدنے یا جانچنے کے لیے استعمال نہیں کر سکتا۔
ballot-receipt-revote = جب تک انتخاب کھلا ہے آپ دوبارہ ووٹ دے سکتے ہیں۔ صرف آخری بیلٹ گنا جاتا ہے، اور اسے نیا کوڈ ملتا ہے۔
ballot-receipt-no-revote = یہ انتخاب ڈالا گیا بیلٹ بدلنے کی اجازت نہیں دیتا۔
ballot-preview-note = یہ پیش نظارہ ہے: کچھ درج نہیں ہوا، اور نیچے کا کوڈ ایک مثال ہے۔
