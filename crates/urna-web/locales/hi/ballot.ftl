ballot-title = आपका मतपत्र
ballot-intro = हर प्रश्न का उत्तर दें, या उससे विरत रहना चुनें। अभी कुछ नहीं डाला गया: मतपत्र डालने से पहले आप अपने विकल्प फिर देखेंगे।
ballot-question-position = प्रश्न { $number } / { $total }
ballot-list-separator = {", "}
ballot-abstain = इस प्रश्न पर विरत रहें
ballot-withdrawn = नाम वापस लिया, अब उम्मीदवार नहीं: { $names }
ballot-review-help = आगे, मतपत्र डालने से पहले जाँचने के लिए आप अपने विकल्प फिर देखेंगे।
ballot-review = मेरा मतपत्र देखें

ballot-instructions-choose-one = एक विकल्प चुनें।
ballot-instructions-approval-exactly = { $count ->
    [one] ठीक { $count } विकल्प स्वीकृत करें।
   *[other] ठीक { $count } विकल्प स्वीकृत करें।
}
ballot-instructions-approval-up-to = { $max ->
    [one] अधिकतम { $max } विकल्प स्वीकृत करें। आप कोई भी स्वीकृत न करें तो भी ठीक है।
   *[other] जितने चाहें विकल्प स्वीकृत करें, अधिकतम { $max }। आप कोई भी स्वीकृत न करें तो भी ठीक है।
}
ballot-instructions-approval-range = कम से कम { $min } और अधिकतम { $max } विकल्प स्वीकृत करें।
ballot-instructions-score = हर विकल्प को { $min } (सबसे खराब) से { $max } (सबसे अच्छा) तक अंक दें, या बिना अंक छोड़ दें।
ballot-instructions-son = हर विकल्प के लिए समर्थन, तटस्थ या विरोध चुनें, या बिना राय छोड़ दें।
ballot-instructions-ranked = उम्मीदवारों को वरीयता क्रम में रखें: पहली पसंद के लिए 1, दूसरी के लिए 2, और इसी तरह। खाली छोड़े गए उम्मीदवार क्रम में नहीं आते।
ballot-instructions-ranked-distinct = क्रम में रखे हर उम्मीदवार को अलग संख्या दें।
ballot-instructions-ranked-equal = आप कई उम्मीदवारों को एक ही संख्या देकर बराबर क्रम दे सकते हैं।
ballot-instructions-ranked-max = { $max ->
    [one] आप अधिकतम { $max } उम्मीदवार को क्रम दे सकते हैं।
   *[other] आप अधिकतम { $max } उम्मीदवारों को क्रम दे सकते हैं।
}
ballot-instructions-ranked-js = उम्मीदवारों को अपने क्रम में डालने के लिए “जोड़ें” और क्रम बदलने के लिए “ऊपर” और “नीचे” का उपयोग करें। आपकी पहली पसंद सबसे ऊपर है। ऊपर और नीचे की तीर कुंजियाँ बटनों के बीच ले जाती हैं।
ballot-rank-range = जिस भी उम्मीदवार को आप क्रम दें, उसके पास 1 से { $max } तक की संख्या लिखें।
ballot-score-blank = कोई अंक नहीं
ballot-son-support = समर्थन
ballot-son-neutral = तटस्थ
ballot-son-oppose = विरोध
ballot-son-blank = कोई राय नहीं

ballot-js-your-ranking = आपका क्रम
ballot-js-empty = आपने अभी किसी को क्रम नहीं दिया है।
ballot-js-candidates = जिन उम्मीदवारों को अभी क्रम नहीं मिला
ballot-js-filter = उम्मीदवार खोजें
ballot-js-filter-count = { $count } उम्मीदवार दिखाए जा रहे हैं
ballot-js-add = जोड़ें
ballot-js-add-label = { $name } को अपने क्रम में जोड़ें
ballot-js-remove = हटाएँ
ballot-js-remove-label = { $name } को अपने क्रम से हटाएँ
ballot-js-up = ऊपर
ballot-js-up-label = { $name } को ऊपर ले जाएँ
ballot-js-down = नीचे
ballot-js-down-label = { $name } को नीचे ले जाएँ
ballot-js-added = { $name } क्रम { $rank } पर जोड़ा गया
ballot-js-moved = { $name } क्रम { $rank } पर ले जाया गया
ballot-js-removed = { $name } आपके क्रम से हटाया गया
ballot-js-at-top = { $name } पहले से आपकी पहली पसंद है
ballot-js-at-bottom = { $name } पहले से आपके क्रम में अंतिम है
ballot-js-limit = आप अधिकतम { $max } उम्मीदवारों को क्रम दे सकते हैं

ballot-error-summary-title = आपके मतपत्र पर ध्यान देना ज़रूरी है
ballot-error-summary-intro = कुछ नहीं डाला गया। नीचे दी गई बातें ठीक करें, फिर अपना मतपत्र दोबारा देखें:
ballot-error-in-question = प्रश्न { $number }: { $message }
ballot-error-no-choice = एक विकल्प चुनें, या इस प्रश्न पर विरत रहना चुनें।
ballot-error-abstain-and-answer = आपने विरत रहना चुना है लेकिन विकल्प भी चिह्नित किए हैं। अपने विकल्प साफ़ करें, या “इस प्रश्न पर विरत रहें” का चिह्न हटाएँ।
ballot-error-several-choices = केवल एक विकल्प चुनें।
ballot-error-unknown-option = मतपत्र में ऐसा विकल्प था जो उस पर नहीं है (“{ $value }”)। पृष्ठ फिर से लोड करें और दोबारा भरें।
ballot-error-withdrawn = { $name } ने नाम वापस ले लिया है और अब चुने नहीं जा सकते।
ballot-error-repeated = भेजी गई सामग्री में { $name } दो बार है। पृष्ठ फिर से लोड करें और दोबारा भरें।
ballot-error-rank-not-number = { $name } का क्रम पूर्ण संख्या होना चाहिए, “{ $value }” नहीं।
ballot-error-score-not-number = { $name } के अंक पूर्ण संख्या होने चाहिए, “{ $value }” नहीं।
ballot-error-rank-out-of-range = { $name } का क्रम 1 से { $max } तक होना चाहिए, { $value } नहीं।
ballot-error-score-out-of-range = { $name } के अंक { $min } से { $max } तक होने चाहिए, { $value } नहीं।
ballot-error-equal-ranks = { $names } सभी का क्रम { $rank } है। हर उम्मीदवार को अलग संख्या दें।
ballot-error-too-few = { $min ->
    [one] कम से कम { $min } विकल्प स्वीकृत करें, या विरत रहना चुनें।
   *[other] कम से कम { $min } विकल्प स्वीकृत करें, या विरत रहना चुनें।
}
ballot-error-too-many = { $max ->
    [one] अधिकतम { $max } विकल्प स्वीकृत करें।
   *[other] अधिकतम { $max } विकल्प स्वीकृत करें।
}
ballot-error-too-many-ranked = { $max ->
    [one] अधिकतम { $max } उम्मीदवार को क्रम दें।
   *[other] अधिकतम { $max } उम्मीदवारों को क्रम दें।
}
ballot-error-other = यह उत्तर स्वीकार नहीं किया जा सकता: { $detail }
ballot-error-unknown-field = फ़ॉर्म में ऐसी चीज़ थी जो इस मतपत्र की नहीं है। पृष्ठ फिर से लोड करें और दोबारा भरें।

ballot-confirm-title = अपना मतपत्र जाँचें
ballot-confirm-intro = आपका मतपत्र अभी डाला नहीं गया है। अपने विकल्प जाँचें, फिर मतपत्र डालें या उसे बदलें।
ballot-confirm-question = प्रश्न { $number }:
ballot-confirm-abstain = आप इस प्रश्न पर विरत हैं।
ballot-confirm-choice = आपने चुना:
ballot-confirm-approved-none = आप किसी भी विकल्प को स्वीकृत नहीं करते।
ballot-confirm-approved = { $count ->
    [one] आप यह विकल्प स्वीकृत करते हैं:
   *[other] आप ये { $count } विकल्प स्वीकृत करते हैं:
}
ballot-confirm-scores-none = आपने किसी विकल्प को अंक नहीं दिए।
ballot-confirm-scores = { $blank ->
    [0] आपके अंक:
   *[other] आपके अंक ({ $blank } विकल्प बिना अंक):
}
ballot-confirm-ranking = { $unranked ->
    [0] आपका क्रम, पहली पसंद पहले:
   *[other] आपका क्रम, पहली पसंद पहले ({ $unranked } उम्मीदवार बिना क्रम):
}
ballot-confirm-equal = बराबर क्रम
ballot-confirm-secret = मतपत्र डालते ही वह सील हो जाता है: कोई भी उसे अकेले नहीं पढ़ सकता, इस सर्वर को चलाने वाले भी नहीं।
ballot-confirm-cast = यह मतपत्र डालें
ballot-confirm-change = मेरा मतपत्र बदलें

ballot-receipt-title = आपका मतपत्र डाल दिया गया
ballot-receipt-code-label = आपका रसीद कोड
ballot-receipt-keep = इसे लिख लें या सहेज लें।
ballot-receipt-proves-title = यह कोड क्या दिखाता है
ballot-receipt-proves = यह कोड आपके सील किए गए मतपत्र से गणना किया जाता है। इससे आप जाँच सकते हैं कि आपका मतपत्र दर्ज हुआ और गिने गए मतपत्रों में है।
ballot-receipt-not-title = यह क्या नहीं दिखाता
ballot-receipt-not = यह कोड नहीं बताता कि आपने कैसे मत दिया, और किसी को यह साबित नहीं कर सकता: कोई इसका उपयोग आपका मत खरीदने या जाँचने के लिए नहीं कर सकता।
ballot-receipt-revote = जब तक चुनाव खुला है आप फिर से मतदान कर सकते हैं। केवल अंतिम मतपत्र गिना जाता है, और उसे नया कोड मिलता है।
ballot-receipt-no-revote = यह चुनाव डाले गए मतपत्र को बदलने की अनुमति नहीं देता।
ballot-preview-note = यह पूर्वावलोकन है: कुछ दर्ज नहीं हुआ, और नीचे का कोड एक उदाहरण है।
