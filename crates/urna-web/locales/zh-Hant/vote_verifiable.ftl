verifiable-review-title = 檢查您的選擇
verifiable-encrypting = 正在此瀏覽器中加密您的選票…
verifiable-encrypted = 您的選票已在此瀏覽器中加密。您的選擇沒有離開瀏覽器。請投出選票，或先稽核以確認它包含您的選擇。
verifiable-tracker-label = 此加密選票的追蹤碼
verifiable-cast = 投出這張選票
verifiable-audit = 稽核這張選票（不會投出）
verifiable-change = 變更我的選擇
verifiable-audit-title = 已稽核的選票
verifiable-audit-ok = 已在本頁檢查：這張加密選票完全包含上方顯示的選擇。它已被捨棄，永遠不會投出；您可以保留檔案，並以任何驗證工具檢查。
verifiable-audit-failed = 這張稽核的選票未通過檢查：{ $problem }。請勿從此頁面投出選票，並通知選舉主辦單位。
verifiable-audit-download = 下載已稽核的選票（JSON）
verifiable-encrypt-again = 重新加密我的選擇
verifiable-invalid = 依目前填寫的內容，無法加密您的選票：{ $problem }
verifiable-abstain = 棄權
verifiable-unavailable = 此瀏覽器無法載入加密腳本。繼續後，您的選票將改由伺服器加密。

verifiable-refused-title = 選票未被接受
verifiable-refused-malformed = 無法讀取加密選票（{ $problem }）。沒有儲存任何內容。請返回選票再試一次。
verifiable-refused-wrong-election = 這張加密選票是為另一場選舉（或本次選舉變更之前）製作的。沒有儲存任何內容。請返回選票重新投票。
verifiable-refused-proof = 加密選票的證明未通過檢查（{ $problem }）。沒有儲存任何內容。請返回選票重新投票。
verifiable-refused-copied = 這張選票已由其他人投出：它的憑證金鑰已在本次選舉中使用過。沒有儲存任何內容。請返回選票重新投票。

verifiable-receipt-tracker = 您選票的追蹤碼
verifiable-receipt-board = 在公開公告欄上查找您的選票
verifiable-receipt-inclusion = 您的加密選票會不具名地出現在公開公告欄上。下一個已簽署樹頭公布後，即可取得其已被納入的證明。
verifiable-sealed-by-voter = 您的選票已在您的瀏覽器中加密。
verifiable-sealed-by-server = 由於此瀏覽器未執行加密腳本，您的選票由伺服器加密。
