election-state-label = অবস্থা
election-state-draft = প্রস্তুতি চলছে
election-state-ready = নির্ধারিত
election-state-open = ভোটগ্রহণ চলছে
election-state-closed = ভোটগ্রহণ শেষ; শিগগিরই গণনা
election-state-counted = গণনা হয়েছে; ফল এখনো প্রকাশিত হয়নি
election-state-published = ফল প্রকাশিত
election-state-archived = সংরক্ষিত
election-window-title = ভোটগ্রহণের সময়কাল
election-window-opens = শুরু
election-window-closes = শেষ
election-window-zones = সময় নির্বাচনের সময় অঞ্চলে ({ $election }), তারপর আপনার সময় অঞ্চলে ({ $viewer }) দেওয়া হয়েছে।
election-vote-title = ভোট দিন
election-vote-go = আপনার ব্যালটে যান
election-vote-how = ভোট দিতে আপনি যে ব্যক্তিগত ভোট লিংক পেয়েছেন তা খুলুন।
election-results-link = ফলাফল দেখুন
election-results-later = গণনার পরে ফল প্রকাশ করা হয়। তার আগে কেউ আংশিক ফল দেখতে পায় না।
election-questions-title = প্রশ্ন
election-question-position = প্রশ্ন { $number } / { $total }:
election-kind-choose-one = একটি বিকল্প বেছে নিন।
election-kind-approval = যে বিকল্পগুলো আপনি সমর্থন করেন সেগুলো অনুমোদন করুন।
election-kind-support-oppose = প্রতিটি বিকল্পকে সমর্থন করুন, নিরপেক্ষ থাকুন বা বিরোধিতা করুন।
election-kind-score = প্রতিটি বিকল্পকে নম্বর দিন।
election-kind-ranked = প্রার্থীদের পছন্দের ক্রমে সাজান।
election-method = গণনা পদ্ধতি: { $method }; { $seats ->
    [one] { $seats }টি আসন।
   *[other] { $seats }টি আসন।
}
election-turnout = { $eligible ->
    [one] { $eligible } জন ভোটারের মধ্যে { $voted } জন ভোট দিয়েছেন।
   *[other] { $eligible } জন ভোটারের মধ্যে { $voted } জন ভোট দিয়েছেন।
}

voter-notice-back = নির্বাচনের পাতায় ফিরে যান
voter-notice-sign-in-title = ভোট দিতে প্রবেশ করুন
voter-notice-sign-in = এই ব্যালটের জন্য এই নির্বাচনের আপনার ব্যক্তিগত ভোট লিংক প্রয়োজন। আপনি যে লিংক পেয়েছেন তা খুলুন।
voter-notice-wrong-election = আপনি অন্য একটি নির্বাচনের জন্য প্রবেশ করেছেন। এই নির্বাচনের জন্য পাওয়া ভোট লিংক খুলুন।
voter-notice-revoked = এই ভোট লিংকটি প্রত্যাহার করা হয়েছে। নির্বাচনের আয়োজকদের কাছে নতুন লিংক চান।
voter-notice-not-open-title = ভোটগ্রহণ চলছে না
voter-notice-not-yet = ভোটগ্রহণ এখনো শুরু হয়নি। এটি { $opens } শুরু হবে।
voter-notice-closed = ভোটগ্রহণ শেষ হয়েছে। এখন আর ব্যালট দেওয়া বা বদলানো যাবে না।
voter-notice-already-voted-title = আপনি ইতিমধ্যে ভোট দিয়েছেন
voter-notice-no-changes = আপনি ইতিমধ্যে ভোট দিয়েছেন, এবং এই নির্বাচন দেওয়া ব্যালট বদলানোর অনুমতি দেয় না।
voter-notice-revote = আপনি ইতিমধ্যে ভোট দিয়েছেন। নতুন ব্যালট দিলে সেটি আগেরটির জায়গা নেবে: শুধু শেষ ব্যালটটি গণনা হয়।
voter-notice-replaced = এই ব্যালটটি আপনার আগের ব্যালটের জায়গা নিয়েছে। শুধু এটিই গণনা হবে।
voter-notice-struck = আপনার আগের ব্যালটটি নির্বাচনের প্রশাসকেরা বাতিল করেছেন (কারণ: { $reason })। আপনি আবার ভোট দিতে পারেন।
voter-notice-invalid = আপনার ব্যালট গৃহীত হয়নি: { $problem }
