error-status = エラー { $status }
error-back-home = ホームに戻る
error-not-found-title = ページが見つかりません
error-not-found-detail = このアドレスには何もありません。リンクを確認するか、ホームページからやり直してください。
error-method-not-allowed-title = ここでは許可されていません
error-method-not-allowed-detail = このページはその方法では使用できません。
error-bad-request-title = リクエストを読み取れませんでした
error-bad-request-detail = 送信内容に不足または不正な部分があります。戻ってフォームを確認し、もう一度お試しください。
error-csrf-title = このフォームは受け付けられませんでした
error-csrf-detail = フォームの有効期限が切れたか、別のサイトから送信されました。戻ってページを再読み込みし、もう一度お試しください。
error-rate-limited-title = 試行回数が多すぎます
error-rate-limited-detail = { $seconds ->
   *[other] { $seconds } 秒待ってから、もう一度お試しください。
}
error-payload-too-large-title = データが多すぎます
error-payload-too-large-detail = 送信された内容が、このサーバーが受け付ける大きさを超えています。
error-timeout-title = 時間がかかりすぎました
error-timeout-detail = サーバーが時間内に応答できませんでした。しばらくしてからもう一度お試しください。
error-internal-title = 問題が発生しました
error-internal-detail = サーバーはリクエストを完了できませんでした。何も変更されていません。しばらくしてからもう一度お試しください。
