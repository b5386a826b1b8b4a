ballot-title = 您的選票
ballot-intro = 請回答每個問題，或選擇棄權。目前還沒有投出任何內容：投出選票前，您會再次看到您的選擇。
ballot-question-position = 第 { $number } 題，共 { $total } 題
ballot-list-separator = {"、"}
ballot-abstain = 本題棄權
ballot-withdrawn = 已退選，不再參選：{ $names }
ballot-review-help = 接下來，您會再次看到您的選擇，以便在投出選票前檢查。
ballot-review = 檢查我的選票

ballot-instructions-choose-one = 選擇一個選項。
ballot-instructions-approval-exactly = { $count ->
   *[other] 請贊成正好 { $count } 個選項。
}
ballot-instructions-approval-up-to = { $max ->
   *[other] 贊成任意選項，最多 { $max } 個。您也可以一個都不贊成。
}
ballot-instructions-approval-range = 請贊成至少 { $min } 個、至多 { $max } 個選項。
ballot-instructions-score = 請為每個選項評分，從 { $min }（最差）到 { $max }（最好），或不評分。
ballot-instructions-son = 請為每個選項選擇支持、中立或反對，或不表示意見。
ballot-instructions-ranked = 請依偏好順序為候選人排序：第一選擇填 1，第二選擇填 2，依此類推。留空的候選人不列入排序。
ballot-instructions-ranked-distinct = 請為每位排序的候選人填入不同的數字。
ballot-instructions-ranked-equal = 您可以為多位候選人填入相同數字，表示同等排序。
ballot-instructions-ranked-max = { $max ->
   *[other] 您最多可以為 { $max } 位候選人排序。
}
ballot-instructions-ranked-js = 使用「加入」將候選人放入您的排序，再用「上移」和「下移」調整順序。您的第一選擇在最上方。上下方向鍵可在按鈕之間移動。
ballot-rank-range = 請在每位要排序的候選人旁輸入 1 到 { $max } 的數字。
ballot-score-blank = 不評分
ballot-son-support = 支持
ballot-son-neutral = 中立
ballot-son-oppose = 反對
ballot-son-blank = 無意見

ballot-js-your-ranking = 您的排序
ballot-js-empty = 您尚未為任何人排序。
ballot-js-candidates = 尚未排序的候選人
ballot-js-filter = 搜尋候選人
ballot-js-filter-count = 顯示 { $count } 位候選人
ballot-js-add = 加入
ballot-js-add-label = 將 { $name } 加入您的排序
ballot-js-remove = 移除
ballot-js-remove-label = 將 { $name } 從您的排序中移除
ballot-js-up = 上移
ballot-js-up-label = 將 { $name } 上移
ballot-js-down = 下移
ballot-js-down-label = 將 { $name } 下移
ballot-js-added = 已將 { $name } 加入第 { $rank } 名
ballot-js-moved = 已將 { $name } 移至第 { $rank } 名
ballot-js-removed = 已將 { $name } 從您的排序中移除
ballot-js-at-top = { $name } 已是您的第一選擇
ballot-js-at-bottom = { $name } 已在您排序的最後
ballot-js-limit = 您最多可以為 { $max } 位候選人排序

ballot-error-summary-title = 您的選票需要修正
ballot-error-summary-intro = 尚未投出任何內容。請修正下列項目，然後再次檢查您的選票：
ballot-error-in-question = 第 { $number } 題：{ $message }
ballot-error-no-choice = 請選擇一個選項，或選擇本題棄權。
ballot-error-abstain-and-answer = 您選擇了棄權，卻也勾選了選項。請清除您的選擇，或取消勾選「本題棄權」。
ballot-error-several-choices = 只能選擇一個選項。
ballot-error-unknown-option = 選票中出現了不在選票上的選項（「{ $value }」）。請重新載入頁面並重新填寫。
ballot-error-withdrawn = { $name } 已退選，無法再選擇。
ballot-error-repeated = 送出的內容中 { $name } 出現了兩次。請重新載入頁面並重新填寫。
ballot-error-rank-not-number = { $name } 的名次必須是整數，而不是「{ $value }」。
ballot-error-score-not-number = { $name } 的分數必須是整數，而不是「{ $value }」。
ballot-error-rank-out-of-range = { $name } 的名次必須介於 1 到 { $max }，而不是 { $value }。
ballot-error-score-out-of-range = { $name } 的分數必須介於 { $min } 到 { $max }，而不是 { $value }。
ballot-error-equal-ranks = { $names } 的名次都是 { $rank }。請為每位候選人填入不同的數字。
ballot-error-too-few = { $min ->
   *[other] 請贊成至少 { $min } 個選項，或選擇棄權。
}
ballot-error-too-many = { $max ->
   *[other] 最多只能贊成 { $max } 個選項。
}
ballot-error-too-many-ranked = { $max ->
   *[other] 最多只能為 { $max } 位候選人排序。
}
ballot-error-other = 無法接受此回答：{ $detail }
ballot-error-unknown-field = 表單包含不屬於這張選票的內容。請重新載入頁面並重新填寫。

ballot-confirm-title = 檢查您的選票
ballot-confirm-intro = 您的選票尚未投出。請檢查您的選擇，然後投出或修改選票。
ballot-confirm-question = 第 { $number } 題：
ballot-confirm-abstain = 您在本題棄權。
ballot-confirm-choice = 您選擇了：
ballot-confirm-approved-none = 您沒有贊成任何選項。
ballot-confirm-approved = { $count ->
   *[other] 您贊成以下 { $count } 個選項：
}
ballot-confirm-scores-none = 您沒有為任何選項評分。
ballot-confirm-scores = { $blank ->
    [0] 您的評分：
   *[other] 您的評分（{ $blank } 個選項未評分）：
}
ballot-confirm-ranking = { $unranked ->
    [0] 您的排序，第一選擇在前：
   *[other] 您的排序，第一選擇在前（{ $unranked } 位候選人未排序）：
}
ballot-confirm-equal = 同等排序
ballot-confirm-secret = 您投出選票後，選票會立即被密封：任何人都無法單獨讀取，即使是營運這台伺服器的人也不行。
ballot-confirm-cast = 投出這張選票
ballot-confirm-change = 修改我的選票

ballot-receipt-title = 您的選票已投出
ballot-receipt-code-label = 您的回執碼
ballot-receipt-keep = 請記下或儲存。
ballot-receipt-proves-title = 這組代碼能證明什麼
ballot-receipt-proves = 這組代碼由您密封的選票計算而來，可用來確認您的選票已被記錄，且在已計算的選票之中。
ballot-receipt-not-title = 它不能證明什麼
ballot-receipt-not = 這組代碼不會透露您投給誰，也無法向任何人證明您投給誰：沒有人能用它買票或查核您的投票。
ballot-receipt-revote = 選舉開放期間您可以重新投票。只計算您最後一張選票，而它會得到新的代碼。
ballot-receipt-no-revote = 本次選舉不允許在投出後變更選票。
ballot-preview-note = 這是預覽：沒有記錄任何內容，下方代碼僅為範例。
