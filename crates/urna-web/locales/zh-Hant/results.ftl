results-title = 結果
results-summary = 計票方法：{ $method }。席次：{ $seats }。已計選票：{ $ballots }。
results-set-aside = { $count ->
   *[other] 有 { $count } 張選票無法讀取，已另行擱置。
}
results-elected = 當選
results-none-elected = 無人當選。
results-ranking = 排名
results-chart-title = 計票最後階段的票數
results-quota = 當選門檻
results-rounds = 逐階段計票過程
results-stage = 階段
results-action = 動作
results-non-transferable = 無法轉移
results-download = 匿名化選票
results-download-blt = 下載 BLT 格式
results-download-csv = 下載 CSV 格式
