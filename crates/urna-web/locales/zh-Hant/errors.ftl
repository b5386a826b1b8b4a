error-status = 錯誤 { $status }
error-back-home = 返回首頁
error-not-found-title = 找不到頁面
error-not-found-detail = 這個網址沒有任何內容。請檢查連結，或從首頁重新開始。
error-method-not-allowed-title = 此處不允許
error-method-not-allowed-detail = 這個頁面無法以這種方式使用。
error-bad-request-title = 無法讀取請求
error-bad-request-detail = 送出的內容有缺漏或格式錯誤。請返回檢查表單後再試一次。
error-csrf-title = 無法接受此表單
error-csrf-detail = 表單已過期，或是從其他網站送出。請返回、重新載入頁面後再試一次。
error-rate-limited-title = 嘗試次數過多
error-rate-limited-detail = { $seconds ->
   *[other] 請等待 { $seconds } 秒後再試一次。
}
error-payload-too-large-title = 資料過多
error-payload-too-large-detail = 送出的內容超過這台伺服器可接受的大小。
error-timeout-title = 處理時間過長
error-timeout-detail = 伺服器未能及時回應。請稍後再試。
error-internal-title = 發生錯誤
error-internal-detail = 伺服器無法完成您的請求。沒有任何變更；請稍後再試。
