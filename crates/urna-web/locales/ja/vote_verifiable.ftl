verifiable-review-title = 選択内容を確認する
verifiable-encrypting = このブラウザーで投票用紙を暗号化しています…
verifiable-encrypted = 投票用紙はこのブラウザー内で暗号化されました。選択内容はブラウザーの外に出ていません。提出するか、先に監査して選択内容が含まれていることを確認してください。
verifiable-tracker-label = この暗号化された投票用紙のトラッカー
verifiable-cast = この投票用紙を提出する
verifiable-audit = この投票用紙を監査する（提出されません）
verifiable-change = 選択を変更する
verifiable-audit-title = 監査した投票用紙
verifiable-audit-ok = このページで確認しました：この暗号化された投票用紙には、上に示した選択内容がそのまま含まれています。この投票用紙は破棄され、提出されることはありません。ファイルを保存し、任意の検証ツールで確認できます。
verifiable-audit-failed = この監査した投票用紙は検証に失敗しました：{ $problem }。このページから投票用紙を提出せず、選挙の主催者に知らせてください。
verifiable-audit-download = 監査した投票用紙をダウンロード（JSON）
verifiable-encrypt-again = 選択内容をもう一度暗号化する
verifiable-invalid = 入力されたままでは投票用紙を暗号化できません：{ $problem }
verifiable-abstain = 棄権
verifiable-unavailable = このブラウザーは暗号化スクリプトを読み込めませんでした。続けると、代わりにサーバーが投票用紙を暗号化します。

verifiable-refused-title = 投票用紙は受け付けられませんでした
verifiable-refused-malformed = 暗号化された投票用紙を読み取れませんでした（{ $problem }）。何も保存されていません。投票用紙に戻ってもう一度お試しください。
verifiable-refused-wrong-election = この暗号化された投票用紙は別の選挙（または変更前のこの選挙）用に作られました。何も保存されていません。投票用紙に戻ってもう一度投票してください。
verifiable-refused-proof = 暗号化された投票用紙の証明が一致しません（{ $problem }）。何も保存されていません。投票用紙に戻ってもう一度投票してください。
verifiable-refused-copied = この投票用紙はすでに他の人が提出しています。その資格鍵はこの選挙で使用済みです。何も保存されていません。投票用紙に戻ってもう一度投票してください。

verifiable-receipt-tracker = 投票用紙のトラッカー
verifiable-receipt-board = 公開掲示板で投票用紙を探す
verifiable-receipt-inclusion = 暗号化された投票用紙は、あなたの名前なしで公開掲示板に表示されます。含まれていることの証明は、次の署名付きツリーヘッドの公開後に利用できます。
verifiable-sealed-by-voter = 投票用紙はあなたのブラウザーで暗号化されました。
verifiable-sealed-by-server = このブラウザーが暗号化スクリプトを実行しなかったため、投票用紙はサーバーで暗号化されました。
