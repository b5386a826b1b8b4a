error-status = त्रुटि { $status }
error-back-home = मुखपृष्ठ पर लौटें
error-not-found-title = पृष्ठ नहीं मिला
error-not-found-detail = इस पते पर कुछ नहीं है। लिंक जाँचें, या मुखपृष्ठ से फिर से शुरू करें।
error-method-not-allowed-title = यहाँ अनुमति नहीं है
error-method-not-allowed-detail = इस पृष्ठ का इस तरह उपयोग नहीं किया जा सकता।
error-bad-request-title = अनुरोध पढ़ा नहीं जा सका
error-bad-request-detail = भेजी गई सामग्री में कुछ छूटा है या गलत है। वापस जाएँ, फ़ॉर्म जाँचें और फिर से प्रयास करें।
error-csrf-title = यह फ़ॉर्म स्वीकार नहीं किया जा सका
error-csrf-detail = फ़ॉर्म की अवधि समाप्त हो गई है या इसे किसी दूसरी साइट से भेजा गया है। वापस जाएँ, पृष्ठ फिर से लोड करें और फिर से प्रयास करें।
error-rate-limited-title = बहुत अधिक प्रयास
error-rate-limited-detail = { $seconds ->
    [one] { $seconds } सेकंड प्रतीक्षा करें, फिर से प्रयास करें।
   *[other] { $seconds } सेकंड प्रतीक्षा करें, फिर से प्रयास करें।
}
error-payload-too-large-title = बहुत अधिक डेटा
error-payload-too-large-detail = भेजी गई सामग्री इस सर्वर की स्वीकार्य सीमा से बड़ी है।
error-timeout-title = इसमें बहुत समय लगा
error-timeout-detail = सर्वर समय पर उत्तर नहीं दे सका। थोड़ी देर बाद फिर से प्रयास करें।
error-internal-title = कुछ गड़बड़ हो गई
error-internal-detail = सर्वर आपका अनुरोध पूरा नहीं कर सका। कुछ नहीं बदला; थोड़ी देर बाद फिर से प्रयास करें।
