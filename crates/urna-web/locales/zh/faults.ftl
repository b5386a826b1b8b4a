# 故障：无法连接数据库（议题 8）。
error-unavailable-title = 请几分钟后再试
error-unavailable-detail = 目前无法连接选举数据库，因此您提交的内容未被确认。您没有看到回执，说明您的选票未被接受：请几分钟后回来重新投票。
