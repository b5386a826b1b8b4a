ballot-title = 投票用紙
ballot-intro = 各設問に答えるか、棄権を選んでください。まだ何も提出されていません。提出前に選択内容をもう一度確認できます。
ballot-question-position = 設問 { $number }/{ $total }
ballot-list-separator = {"、"}
ballot-abstain = この設問を棄権する
ballot-withdrawn = 辞退し、立候補を取り下げました：{ $names }
ballot-review-help = 次に、提出前に確認できるよう選択内容がもう一度表示されます。
ballot-review = 投票用紙を確認する

ballot-instructions-choose-one = 選択肢を 1 つ選んでください。
ballot-instructions-approval-exactly = { $count ->
   *[other] ちょうど { $count } 個の選択肢を承認してください。
}
ballot-instructions-approval-up-to = { $max ->
   *[other] 好きな選択肢を最大 { $max } 個まで承認してください。1 つも承認しなくてもかまいません。
}
ballot-instructions-approval-range = { $min } 個以上 { $max } 個以下の選択肢を承認してください。
ballot-instructions-score = 各選択肢に { $min }（最低）から { $max }（最高）までの点数を付けるか、点数なしのままにしてください。
ballot-instructions-son = 各選択肢について「賛成」「中立」「反対」のいずれかを選ぶか、意見なしのままにしてください。
ballot-instructions-ranked = 候補者を希望順に順位付けしてください。第 1 希望に 1、第 2 希望に 2、と続けます。空欄の候補者は順位付けされません。
ballot-instructions-ranked-distinct = 順位を付ける候補者にはそれぞれ異なる数字を付けてください。
ballot-instructions-ranked-equal = 複数の候補者に同じ数字を付けて、同順位にすることができます。
ballot-instructions-ranked-max = { $max ->
   *[other] 順位を付けられるのは最大 { $max } 人までです。
}
ballot-instructions-ranked-js = 「追加」で候補者を順位に加え、「上へ」「下へ」で並べ替えてください。第 1 希望が一番上です。上下の矢印キーでボタン間を移動できます。
ballot-rank-range = 順位を付ける各候補者の横に 1 から { $max } までの数字を入力してください。
ballot-score-blank = 点数なし
ballot-son-support = 賛成
ballot-son-neutral = 中立
ballot-son-oppose = 反対
ballot-son-blank = 意見なし

ballot-js-your-ranking = あなたの順位
ballot-js-empty = まだ誰にも順位を付けていません。
ballot-js-candidates = まだ順位を付けていない候補者
ballot-js-filter = 候補者を検索
ballot-js-filter-count = { $count } 人の候補者を表示中
ballot-js-add = 追加
ballot-js-add-label = { $name } を順位に追加
ballot-js-remove = 削除
ballot-js-remove-label = { $name } を順位から削除
ballot-js-up = 上へ
ballot-js-up-label = { $name } を上へ移動
ballot-js-down = 下へ
ballot-js-down-label = { $name } を下へ移動
ballot-js-added = { $name } を { $rank } 位に追加しました
ballot-js-moved = { $name } を { $rank } 位に移動しました
ballot-js-removed = { $name } を順位から削除しました
ballot-js-at-top = { $name } はすでに第 1 希望です
ballot-js-at-bottom = { $name } はすでに最下位です
ballot-js-limit = 順位を付けられるのは最大 { $max } 人までです

ballot-error-summary-title = 投票用紙に確認が必要な箇所があります
ballot-error-summary-intro = まだ何も提出されていません。次の点を修正してから、もう一度投票用紙を確認してください：
ballot-error-in-question = 設問 { $number }：{ $message }
ballot-error-no-choice = 選択肢を 1 つ選ぶか、この設問を棄権してください。
ballot-error-abstain-and-answer = 棄権を選びましたが、選択肢にも印を付けています。選択を消すか、「この設問を棄権する」のチェックを外してください。
ballot-error-several-choices = 選択肢は 1 つだけ選んでください。
ballot-error-unknown-option = 投票用紙にない選択肢（「{ $value }」）が指定されました。ページを再読み込みして、もう一度記入してください。
ballot-error-withdrawn = { $name } は辞退したため、選べなくなりました。
ballot-error-repeated = 送信内容に { $name } が 2 回含まれています。ページを再読み込みして、もう一度記入してください。
ballot-error-rank-not-number = { $name } の順位は「{ $value }」ではなく整数にしてください。
ballot-error-score-not-number = { $name } の点数は「{ $value }」ではなく整数にしてください。
ballot-error-rank-out-of-range = { $name } の順位は { $value } ではなく、1 から { $max } の範囲にしてください。
ballot-error-score-out-of-range = { $name } の点数は { $value } ではなく、{ $min } から { $max } の範囲にしてください。
ballot-error-equal-ranks = { $names } がすべて { $rank } 位です。候補者ごとに異なる数字を付けてください。
ballot-error-too-few = { $min ->
   *[other] 少なくとも { $min } 個の選択肢を承認するか、棄権してください。
}
ballot-error-too-many = { $max ->
   *[other] 承認できる選択肢は最大 { $max } 個です。
}
ballot-error-too-many-ranked = { $max ->
   *[other] 順位を付けられるのは最大 { $max } 人です。
}
ballot-error-other = この回答は受け付けられません：{ $detail }
ballot-error-unknown-field = フォームにこの投票用紙に属さない内容が含まれていました。ページを再読み込みして、もう一度記入してください。

ballot-confirm-title = 投票用紙を確認する
ballot-confirm-intro = 投票用紙はまだ提出されていません。選択内容を確認してから、提出するか変更してください。
ballot-confirm-question = 設問 { $number }：
ballot-confirm-abstain = この設問を棄権します。
ballot-confirm-choice = あなたの選択：
ballot-confirm-approved-none = どの選択肢も承認していません。
ballot-confirm-approved = { $count ->
   *[other] 次の { $count } 個の選択肢を承認します：
}
ballot-confirm-scores-none = どの選択肢にも点数を付けていません。
ballot-confirm-scores = { $blank ->
    [0] あなたの点数：
   *[other] あなたの点数（点数なしの選択肢 { $blank } 個）：
}
ballot-confirm-ranking = { $unranked ->
    [0] あなたの順位（第 1 希望から）：
   *[other] あなたの順位（第 1 希望から、順位なしの候補者 { $unranked } 人）：
}
ballot-confirm-equal = 同順位
ballot-confirm-secret = 投票用紙を提出すると、すぐに封印されます。このサーバーの運営者を含め、誰も一人では読むことができません。
ballot-confirm-cast = この投票用紙を提出する
ballot-confirm-change = 投票用紙を変更する

ballot-receipt-title = 投票用紙を提出しました
ballot-receipt-code-label = 受付コード
ballot-receipt-keep = 書き留めるか保存してください。
ballot-receipt-proves-title = このコードが示すこと
ballot-receipt-proves = このコードは封印された投票用紙から計算されます。投票用紙が記録され、集計対象に含まれていることを確認できます。
ballot-receipt-not-title = 示さないこと
ballot-receipt-not = このコードはどう投票したかを明かさず、誰に対してもそれを証明できません。票の買収や確認に使うことはできません。
ballot-receipt-revote = 選挙の受付中は投票し直すことができます。数えられるのは最後の投票用紙だけで、新しいコードが発行されます。
ballot-receipt-no-revote = この選挙では、提出した投票用紙を変更できません。
ballot-preview-note = これはプレビューです。何も記録されておらず、下のコードは例です。
