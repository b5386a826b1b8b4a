election-state-label = 状態
election-state-draft = 準備中
election-state-ready = 予定済み
election-state-open = 投票受付中
election-state-closed = 投票は締め切られました。まもなく集計
election-state-counted = 集計済み。結果は未公表
election-state-published = 結果公表済み
election-state-archived = アーカイブ済み
election-window-title = 投票期間
election-window-opens = 開始
election-window-closes = 終了
election-window-zones = 時刻は選挙のタイムゾーン（{ $election }）、次にあなたのタイムゾーン（{ $viewer }）で表示しています。
election-vote-title = 投票
election-vote-go = 投票用紙へ進む
election-vote-how = 投票するには、受け取った個人用の投票リンクを開いてください。
election-results-link = 結果を見る
election-results-later = 結果は集計後に公表されます。それまで誰も途中結果を見ることはできません。
election-questions-title = 設問
election-question-position = 設問 { $number }/{ $total }：
election-kind-choose-one = 選択肢を 1 つ選んでください。
election-kind-approval = 支持する選択肢を承認してください。
election-kind-support-oppose = 各選択肢に賛成、中立、反対のいずれかを示してください。
election-kind-score = 各選択肢に点数を付けてください。
election-kind-ranked = 候補者を希望順に順位付けしてください。
election-method = 集計方式：{ $method }、{ $seats ->
   *[other] { $seats } 議席。
}
election-turnout = { $eligible ->
   *[other] 有権者 { $eligible } 人中 { $voted } 人が投票しました。
}

voter-notice-back = 選挙のページに戻る
voter-notice-sign-in-title = サインインして投票する
voter-notice-sign-in = この投票用紙には、この選挙用の個人の投票リンクが必要です。受け取ったリンクを開いてください。
voter-notice-wrong-election = 別の選挙にサインインしています。この選挙用に受け取った投票リンクを開いてください。
voter-notice-revoked = この投票リンクは取り消されました。選挙の主催者に新しいリンクを依頼してください。
voter-notice-not-open-title = 投票は受付中ではありません
voter-notice-not-yet = 投票はまだ始まっていません。開始は { $opens } です。
voter-notice-closed = 投票は締め切られました。投票用紙の提出や変更はもうできません。
voter-notice-already-voted-title = すでに投票済みです
voter-notice-no-changes = すでに投票済みです。この選挙では、提出した投票用紙を変更できません。
voter-notice-revote = すでに投票済みです。新しい投票用紙を提出すると以前のものに置き換わり、最後の投票用紙だけが数えられます。
voter-notice-replaced = この投票用紙が以前のものに置き換わりました。数えられるのはこの投票用紙だけです。
voter-notice-struck = 以前の投票用紙は選挙の管理者により無効とされました（理由：{ $reason }）。もう一度投票できます。
voter-notice-invalid = 投票用紙は受け付けられませんでした：{ $problem }
