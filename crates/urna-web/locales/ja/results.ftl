results-title = 結果
results-summary = 集計方式：{ $method }。議席数：{ $seats }。集計した投票用紙：{ $ballots }。
results-set-aside = { $count ->
   *[other] { $count } 枚の投票用紙を読み取れなかったため、除外しました。
}
results-elected = 当選
results-none-elected = 当選者はいません。
results-ranking = 順位
results-chart-title = 集計の最終段階での得票
results-quota = 当選基数
results-rounds = 段階ごとの集計
results-stage = 段階
results-action = 処理
results-non-transferable = 移譲不能
results-download = 匿名化された投票用紙
results-download-blt = BLT 形式でダウンロード
results-download-csv = CSV 形式でダウンロード
