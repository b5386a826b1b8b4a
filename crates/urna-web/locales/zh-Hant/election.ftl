election-state-label = 狀態
election-state-draft = 準備中
election-state-ready = 已排程
election-state-open = 開放投票中
election-state-closed = 投票已截止；即將計票
election-state-counted = 已計票；結果尚未公布
election-state-published = 結果已公布
election-state-archived = 已封存
election-window-title = 投票期間
election-window-opens = 開始
election-window-closes = 截止
election-window-zones = 時間以選舉的時區（{ $election }）顯示，其次以您的時區（{ $viewer }）顯示。
election-vote-title = 投票
election-vote-go = 前往您的選票
election-vote-how = 若要投票，請開啟您收到的個人投票連結。
election-results-link = 查看結果
election-results-later = 結果於計票後公布。在此之前，沒有人能看到部分結果。
election-questions-title = 問題
election-question-position = 第 { $number } 題，共 { $total } 題：
election-kind-choose-one = 選擇一個選項。
election-kind-approval = 贊成您支持的選項。
election-kind-support-oppose = 對每個選項表示支持、中立或反對。
election-kind-score = 為每個選項評分。
election-kind-ranked = 依偏好順序為候選人排序。
election-method = 計票方法：{ $method }；{ $seats ->
   *[other] { $seats } 席。
}
election-turnout = { $eligible ->
   *[other] { $eligible } 位選民中有 { $voted } 位已投票。
}

voter-notice-back = 返回選舉頁面
voter-notice-sign-in-title = 登入以投票
voter-notice-sign-in = 這張選票需要您本次選舉的個人投票連結。請開啟您收到的連結。
voter-notice-wrong-election = 您已登入另一場選舉。請開啟您為本次選舉收到的投票連結。
voter-notice-revoked = 這個投票連結已被撤回。請向選舉主辦單位索取新的連結。
voter-notice-not-open-title = 投票尚未開放
voter-notice-not-yet = 投票尚未開始，將於 { $opens } 開放。
voter-notice-closed = 投票已截止。無法再投出或變更選票。
voter-notice-already-voted-title = 您已經投過票了
voter-notice-no-changes = 您已經投過票，而本次選舉不允許在投出後變更選票。
voter-notice-revote = 您已經投過票。如果投出新的選票，將取代先前的選票：只計算您最後一張選票。
voter-notice-replaced = 這張選票已取代您先前的選票。只會計算這張選票。
voter-notice-struck = 您先前的選票已被選舉管理員作廢（原因：{ $reason }）。您可以重新投票。
voter-notice-invalid = 您的選票未被接受：{ $problem }
