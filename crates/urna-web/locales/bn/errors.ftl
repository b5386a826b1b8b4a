error-status = ত্রুটি { $status }
error-back-home = প্রথম পাতায় ফিরে যান
error-not-found-title = পাতাটি পাওয়া যায়নি
error-not-found-detail = এই ঠিকানায় কিছু নেই। লিংকটি দেখে নিন, অথবা প্রথম পাতা থেকে আবার শুরু করুন।
error-method-not-allowed-title = এখানে অনুমোদিত নয়
error-method-not-allowed-detail = এই পাতাটি এভাবে ব্যবহার করা যায় না।
error-bad-request-title = অনুরোধটি পড়া যায়নি
error-bad-request-detail = পাঠানো তথ্যে কিছু অনুপস্থিত বা ভুল আছে। ফিরে যান, ফর্মটি দেখে নিন এবং আবার চেষ্টা করুন।
error-csrf-title = এই ফর্মটি গ্রহণ করা যায়নি
error-csrf-detail = ফর্মটির মেয়াদ শেষ হয়েছে বা এটি অন্য সাইট থেকে পাঠানো হয়েছে। ফিরে যান, পাতাটি আবার লোড করুন এবং আবার চেষ্টা করুন।
error-rate-limited-title = অনেক বেশি চেষ্টা
error-rate-limited-detail = { $seconds ->
    [one] { $seconds } সেকেন্ড অপেক্ষা করুন, তারপর আবার চেষ্টা করুন।
   *[other] { $seconds } সেকেন্ড অপেক্ষা করুন, তারপর আবার চেষ্টা করুন।
}
error-payload-too-large-title = অনেক বেশি তথ্য
error-payload-too-large-detail = পাঠানো তথ্য এই সার্ভারের গ্রহণযোগ্য সীমার চেয়ে বড়।
error-timeout-title = অনেক বেশি সময় লেগেছে
error-timeout-detail = সার্ভার সময়মতো উত্তর দিতে পারেনি। কিছুক্ষণ পরে আবার চেষ্টা করুন।
error-internal-title = কিছু একটা ভুল হয়েছে
error-internal-detail = সার্ভার আপনার অনুরোধ সম্পূর্ণ করতে পারেনি। কিছুই বদলায়নি; কিছুক্ষণ পরে আবার চেষ্টা করুন।
