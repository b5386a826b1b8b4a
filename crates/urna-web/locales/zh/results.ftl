# 已公布的选举结果。

results-title = 结果
results-summary = 计票方法：{ $method }。席位：{ $seats }。计入的选票：{ $ballots }。
results-set-aside = { $count } 张选票无法读取，已被搁置。
results-elected = 当选
results-none-elected = 无人当选。
results-ranking = 排名
results-chart-title = 最后一轮计票的票数
results-quota = 当选票额
results-rounds = 逐轮计票
results-stage = 轮次
results-action = 操作
results-non-transferable = 不可转移
results-download = 匿名选票
results-download-blt = 下载 BLT 文件
results-download-csv = 下载 CSV 文件
