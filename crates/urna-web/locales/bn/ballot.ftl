ballot-title = আপনার ব্যালট
ballot-intro = প্রতিটি প্রশ্নের উত্তর দিন, অথবা বিরত থাকা বেছে নিন। এখনো কিছু দেওয়া হয়নি: ব্যালট দেওয়ার আগে আপনি আপনার পছন্দগুলো আবার দেখবেন।
ballot-question-position = প্রশ্ন { $number } / { $total }
ballot-list-separator = {", "}
ballot-abstain = এই প্রশ্নে বিরত থাকুন
ballot-withdrawn = প্রত্যাহার করেছেন, আর প্রার্থী নন: { $names }
ballot-review-help = এরপর, ব্যালট দেওয়ার আগে যাচাই করার জন্য আপনি আপনার পছন্দগুলো আবার দেখবেন।
ballot-review = আমার ব্যালট দেখুন

ballot-instructions-choose-one = একটি বিকল্প বেছে নিন।
ballot-instructions-approval-exactly = { $count ->
    [one] ঠিক { $count }টি বিকল্প অনুমোদন করুন।
   *[other] ঠিক { $count }টি বিকল্প অনুমোদন করুন।
}
ballot-instructions-approval-up-to = { $max ->
    [one] সর্বোচ্চ { $max }টি বিকল্প অনুমোদন করুন। কোনোটি অনুমোদন না করলেও চলবে।
   *[other] যে বিকল্পগুলো চান অনুমোদন করুন, সর্বোচ্চ { $max }টি। কোনোটি অনুমোদন না করলেও চলবে।
}
ballot-instructions-approval-range = অন্তত { $min }টি এবং সর্বোচ্চ { $max }টি বিকল্প অনুমোদন করুন।
ballot-instructions-score = প্রতিটি বিকল্পকে { $min } (সবচেয়ে খারাপ) থেকে { $max } (সবচেয়ে ভালো) পর্যন্ত নম্বর দিন, অথবা নম্বর ছাড়া রাখুন।
ballot-instructions-son = প্রতিটি বিকল্পের জন্য সমর্থন, নিরপেক্ষ বা বিরোধিতা বেছে নিন, অথবা মতামত ছাড়া রাখুন।
ballot-instructions-ranked = প্রার্থীদের পছন্দের ক্রমে সাজান: প্রথম পছন্দের জন্য ১, দ্বিতীয়টির জন্য ২, এভাবে। ফাঁকা রাখা প্রার্থীরা ক্রমে আসেন না।
ballot-instructions-ranked-distinct = ক্রমে রাখা প্রতিটি প্রার্থীকে আলাদা সংখ্যা দিন।
ballot-instructions-ranked-equal = কয়েকজন প্রার্থীকে একই সংখ্যা দিয়ে সমান ক্রমে রাখতে পারেন।
ballot-instructions-ranked-max = { $max ->
    [one] আপনি সর্বোচ্চ { $max } জন প্রার্থীকে ক্রম দিতে পারেন।
   *[other] আপনি সর্বোচ্চ { $max } জন প্রার্থীকে ক্রম দিতে পারেন।
}
ballot-instructions-ranked-js = প্রার্থীদের আপনার ক্রমে আনতে “যোগ করুন”, আর সাজাতে “উপরে” ও “নিচে” ব্যবহার করুন। আপনার প্রথম পছন্দ সবার উপরে থাকে। উপর ও নিচের তীর কী বোতামগুলোর মধ্যে নিয়ে যায়।
ballot-rank-range = যে প্রার্থীকে ক্রম দেবেন তাঁর পাশে ১ থেকে { $max } পর্যন্ত একটি সংখ্যা লিখুন।
ballot-score-blank = নম্বর নেই
ballot-son-support = সমর্থন
ballot-son-neutral = নিরপেক্ষ
ballot-son-oppose = বিরোধিতা
ballot-son-blank = মতামত নেই

ballot-js-your-ranking = আপনার ক্রম
ballot-js-empty = আপনি এখনো কাউকে ক্রম দেননি।
ballot-js-candidates = যে প্রার্থীদের এখনো ক্রম দেওয়া হয়নি
ballot-js-filter = প্রার্থী খুঁজুন
ballot-js-filter-count = { $count } জন প্রার্থী দেখানো হচ্ছে
ballot-js-add = যোগ করুন
ballot-js-add-label = { $name }-কে আপনার ক্রমে যোগ করুন
ballot-js-remove = সরান
ballot-js-remove-label = { $name }-কে আপনার ক্রম থেকে সরান
ballot-js-up = উপরে
ballot-js-up-label = { $name }-কে উপরে নিন
ballot-js-down = নিচে
ballot-js-down-label = { $name }-কে নিচে নিন
ballot-js-added = { $name } ক্রম { $rank }-এ যোগ হয়েছে
ballot-js-moved = { $name } ক্রম { $rank }-এ সরানো হয়েছে
ballot-js-removed = { $name } আপনার ক্রম থেকে সরানো হয়েছে
ballot-js-at-top = { $name } ইতিমধ্যে আপনার প্রথম পছন্দ
ballot-js-at-bottom = { $name } ইতিমধ্যে আপনার ক্রমে শেষে আছেন
ballot-js-limit = আপনি সর্বোচ্চ { $max } জন প্রার্থীকে ক্রম দিতে পারেন

ballot-error-summary-title = আপনার ব্যালটে মনোযোগ দরকার
ballot-error-summary-intro = কিছুই দেওয়া হয়নি। নিচের বিষয়গুলো ঠিক করুন, তারপর আবার ব্যালট দেখুন:
ballot-error-in-question = প্রশ্ন { $number }: { $message }
ballot-error-no-choice = একটি বিকল্প বেছে নিন, অথবা এই প্রশ্নে বিরত থাকা বেছে নিন।
ballot-error-abstain-and-answer = আপনি বিরত থাকা বেছে নিয়েছেন কিন্তু পছন্দও চিহ্নিত করেছেন। পছন্দগুলো মুছুন, অথবা “এই প্রশ্নে বিরত থাকুন” থেকে টিক সরান।
ballot-error-several-choices = শুধু একটি বিকল্প বেছে নিন।
ballot-error-unknown-option = ব্যালটে এমন একটি বিকল্প ছিল যা এতে নেই (“{ $value }”)। পাতাটি আবার লোড করে আবার পূরণ করুন।
ballot-error-withdrawn = { $name } প্রত্যাহার করেছেন এবং আর বেছে নেওয়া যাবে না।
ballot-error-repeated = পাঠানো তথ্যে { $name } দুবার আছে। পাতাটি আবার লোড করে আবার পূরণ করুন।
ballot-error-rank-not-number = { $name }-এর ক্রম পূর্ণ সংখ্যা হতে হবে, “{ $value }” নয়।
ballot-error-score-not-number = { $name }-এর নম্বর পূর্ণ সংখ্যা হতে হবে, “{ $value }” নয়।
ballot-error-rank-out-of-range = { $name }-এর ক্রম ১ থেকে { $max } হতে হবে, { $value } নয়।
ballot-error-score-out-of-range = { $name }-এর নম্বর { $min } থেকে { $max } হতে হবে, { $value } নয়।
ballot-error-equal-ranks = { $names } সবার ক্রম { $rank }। প্রতিটি প্রার্থীকে আলাদা সংখ্যা দিন।
ballot-error-too-few = { $min ->
    [one] অন্তত { $min }টি বিকল্প অনুমোদন করুন, অথবা বিরত থাকা বেছে নিন।
   *[other] অন্তত { $min }টি বিকল্প অনুমোদন করুন, অথবা বিরত থাকা বেছে নিন।
}
ballot-error-too-many = { $max ->
    [one] সর্বোচ্চ { $max }টি বিকল্প অনুমোদন করুন।
   *[other] সর্বোচ্চ { $max }টি বিকল্প অনুমোদন করুন।
}
ballot-error-too-many-ranked = { $max ->
    [one] সর্বোচ্চ { $max } জন প্রার্থীকে ক্রম দিন।
   *[other] সর্বোচ্চ { $max } জন প্রার্থীকে ক্রম দিন।
}
ballot-error-other = এই উত্তর গ্রহণ করা যাবে না: { $detail }
ballot-error-unknown-field = ফর্মে এমন কিছু ছিল যা এই ব্যালটের অংশ নয়। পাতাটি আবার লোড করে আবার পূরণ করুন।

ballot-confirm-title = আপনার ব্যালট যাচাই করুন
ballot-confirm-intro = আপনার ব্যালট এখনো দেওয়া হয়নি। পছন্দগুলো যাচাই করুন, তারপর ব্যালট দিন বা বদলান।
ballot-confirm-question = প্রশ্ন { $number }:
ballot-confirm-abstain = আপনি এই প্রশ্নে বিরত আছেন।
ballot-confirm-choice = আপনার পছন্দ:
ballot-confirm-approved-none = আপনি কোনো বিকল্প অনুমোদন করেননি।
ballot-confirm-approved = { $count ->
    [one] আপনি এই বিকল্পটি অনুমোদন করেছেন:
   *[other] আপনি এই { $count }টি বিকল্প অনুমোদন করেছেন:
}
ballot-confirm-scores-none = আপনি কোনো বিকল্পকে নম্বর দেননি।
ballot-confirm-scores = { $blank ->
    [0] আপনার নম্বর:
   *[other] আপনার নম্বর ({ $blank }টি বিকল্প নম্বর ছাড়া):
}
ballot-confirm-ranking = { $unranked ->
    [0] আপনার ক্রম, প্রথম পছন্দ আগে:
   *[other] আপনার ক্রম, প্রথম পছন্দ আগে ({ $unranked } জন প্রার্থী ক্রমহীন):
}
ballot-confirm-equal = সমান ক্রম
ballot-confirm-secret = ব্যালট দেওয়ার সঙ্গে সঙ্গে তা সিল হয়ে যায়: কেউ একা তা পড়তে পারে না, এই সার্ভার যাঁরা চালান তাঁরাও না।
ballot-confirm-cast = এই ব্যালটটি দিন
ballot-confirm-change = আমার ব্যালট বদলান

ballot-receipt-title = আপনার ব্যালট দেওয়া হয়েছে
ballot-receipt-code-label = আপনার রসিদ কোড
ballot-receipt-keep = এটি লিখে রাখুন বা সংরক্ষণ করুন।
ballot-receipt-proves-title = এই কোড কী দেখায়
ballot-receipt-proves = কোডটি আপনার সিল করা ব্যালট থেকে গণনা করা হয়। এটি দিয়ে আপনি যাচাই করতে পারেন যে আপনার ব্যালট নথিভুক্ত হয়েছে এবং গণনা করা ব্যালটের মধ্যে আছে।
ballot-receipt-not-title = এটি কী দেখায় না
ballot-receipt-not = কোডটি প্রকাশ করে না আপনি কাকে ভোট দিয়েছেন, এবং কাউকে তা প্রমাণও করতে পারে না: কেউ এটি দিয়ে আপনার ভোট কিনতে বা যাচাই করতে পারে না।
ballot-receipt-revote = নির্বাচন খোলা থাকা পর্যন্ত আপনি আবার ভোট দিতে পারেন। শুধু শেষ ব্যালটটি গণনা হয়, এবং সেটি নতুন কোড পায়।
ballot-receipt-no-revote = এই নির্বাচন দেওয়া ব্যালট বদলানোর অনুমতি দেয় না।
ballot-preview-note = এটি একটি পূর্বরূপ: কিছুই নথিভুক্ত হয়নি, এবং নিচের কোডটি একটি উদাহরণ।
