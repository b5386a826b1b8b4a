election-state-label = स्थिति
election-state-draft = तैयारी में
election-state-ready = निर्धारित
election-state-open = मतदान खुला है
election-state-closed = मतदान बंद; जल्द ही गिनती
election-state-counted = गिनती हो गई; परिणाम अभी प्रकाशित नहीं
election-state-published = परिणाम प्रकाशित
election-state-archived = संग्रहीत
election-window-title = मतदान अवधि
election-window-opens = आरंभ
election-window-closes = समाप्ति
election-window-zones = समय चुनाव के समय क्षेत्र ({ $election }) में, फिर आपके समय क्षेत्र ({ $viewer }) में दिए गए हैं।
election-vote-title = मतदान
election-vote-go = अपने मतपत्र पर जाएँ
election-vote-how = मतदान करने के लिए आपको मिला निजी मतदान लिंक खोलें।
election-results-link = परिणाम देखें
election-results-later = परिणाम गिनती के बाद प्रकाशित होते हैं। उससे पहले कोई आंशिक परिणाम नहीं देखता।
election-questions-title = प्रश्न
election-question-position = प्रश्न { $number } / { $total }:
election-kind-choose-one = एक विकल्प चुनें।
election-kind-approval = जिन विकल्पों का आप समर्थन करते हैं उन्हें स्वीकृत करें।
election-kind-support-oppose = हर विकल्प का समर्थन करें, तटस्थ रहें या विरोध करें।
election-kind-score = हर विकल्प को अंक दें।
election-kind-ranked = उम्मीदवारों को वरीयता क्रम में रखें।
election-method = गिनती की पद्धति: { $method }; { $seats ->
    [one] { $seats } सीट।
   *[other] { $seats } सीटें।
}
election-turnout = { $eligible ->
    [one] { $eligible } मतदाता में से { $voted } ने मतदान किया।
   *[other] { $eligible } मतदाताओं में से { $voted } ने मतदान किया।
}

voter-notice-back = चुनाव पृष्ठ पर लौटें
voter-notice-sign-in-title = मतदान के लिए साइन इन करें
voter-notice-sign-in = इस मतपत्र के लिए इस चुनाव का आपका निजी मतदान लिंक चाहिए। आपको मिला लिंक खोलें।
voter-notice-wrong-election = आप किसी दूसरे चुनाव के लिए साइन इन हैं। इस चुनाव के लिए मिला मतदान लिंक खोलें।
voter-notice-revoked = यह मतदान लिंक वापस ले लिया गया है। चुनाव आयोजकों से नया लिंक माँगें।
voter-notice-not-open-title = मतदान खुला नहीं है
voter-notice-not-yet = मतदान अभी शुरू नहीं हुआ है। यह { $opens } को खुलेगा।
voter-notice-closed = मतदान बंद हो गया है। अब मतपत्र डाले या बदले नहीं जा सकते।
voter-notice-already-voted-title = आप पहले ही मतदान कर चुके हैं
voter-notice-no-changes = आप पहले ही मतदान कर चुके हैं, और यह चुनाव डाले गए मतपत्र को बदलने की अनुमति नहीं देता।
voter-notice-revote = आप पहले ही मतदान कर चुके हैं। यदि आप नया मतपत्र डालते हैं, तो वह पिछले की जगह ले लेगा: केवल अंतिम मतपत्र गिना जाता है।
voter-notice-replaced = इस मतपत्र ने आपके पिछले मतपत्र की जगह ले ली है। केवल यही मतपत्र गिना जाएगा।
voter-notice-struck = आपका पिछला मतपत्र चुनाव प्रशासकों ने रद्द कर दिया (कारण: { $reason })। आप फिर से मतदान कर सकते हैं।
voter-notice-invalid = आपका मतपत्र स्वीकार नहीं हुआ: { $problem }
