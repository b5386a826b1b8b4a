# 混合网选举（docs/record-format.md A.6–A.7）。
form-mixnet = 通过混合网计票（仅限排序题）
form-mixnet-help = 选票是加密的排序；每位受托人依次带证明地混洗，然后带证明地解密并计票。任何人都可以在选举记录中核查每一步。
mixnet-progress-heading = 混合网
mixnet-shuffles-done = 已完成混洗：
mixnet-decryptions-done = 已收到解密：
mixnet-shuffle-heading = 混洗选票
mixnet-shuffle-help = 下载选举记录，运行 `urna trustee mix --record record.jsonl --secret YOUR.secret.json --out shuffle.json`，然后在此上传 shuffle.json。
mixnet-decrypt-heading = 解密混洗后的选票
mixnet-decrypt-help = 混洗完成后，再次下载记录，运行 `urna trustee decrypt-mix --record record.jsonl --secret YOUR.secret.json --out decryption.json`，然后在此上传 decryption.json。
mixnet-upload = 上传
mixnet-shuffle-accepted = 您的混洗已通过核查并加入记录。
mixnet-decryption-accepted = 您的解密已通过核查并加入记录。
mixnet-no-javascript = 本选举的选票在您的设备上加密，需要 JavaScript。请启用 JavaScript 或换用其他浏览器投票。
results-set-aside-heading = 被搁置的选票
results-set-aside-intro = 这些混洗后的选票未能解密为有效排序，未被计入（在最后一次混洗中的位置及原因）。
results-set-aside-row = 第 { $position } 张选票：{ $reason }
