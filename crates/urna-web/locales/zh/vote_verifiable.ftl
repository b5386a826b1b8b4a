# 可验证选举：在选民浏览器中加密的选票、Benaloh 审计、加密选票被拒的原因，以及回执中的追踪码。

verifiable-review-title = 核对您的选择
verifiable-encrypting = 正在此浏览器中加密您的选票…
verifiable-encrypted = 您的选票已在此浏览器中加密，您的选择没有离开浏览器。请投出选票，或先审计它以确认其中正是您的选择。
verifiable-tracker-label = 此加密选票的追踪码
verifiable-cast = 投出这张选票
verifiable-audit = 审计这张选票（它不会被投出）
verifiable-change = 修改我的选择
verifiable-audit-title = 已审计的选票
verifiable-audit-ok = 本页已核验：这张加密选票恰好包含上面显示的选择。它已被作废，永远不会被投出；您可以保存文件并用任何验证工具核验。
verifiable-audit-failed = 这张审计选票未通过核验：{ $problem }。请不要从本页投票，并告知选举组织者。
verifiable-audit-download = 下载已审计的选票（JSON）
verifiable-encrypt-again = 重新加密我的选择
verifiable-invalid = 按当前填写无法加密您的选票：{ $problem }
verifiable-abstain = 弃权
verifiable-unavailable = 此浏览器无法加载加密脚本。继续后将由服务器加密您的选票。

verifiable-refused-title = 选票未被接受
verifiable-refused-malformed = 无法读取加密选票（{ $problem }）。未保存任何内容。请返回选票页重试。
verifiable-refused-wrong-election = 这张加密选票是为另一场选举（或本选举更改之前）制作的。未保存任何内容。请返回选票页重新投票。
verifiable-refused-proof = 加密选票的证明未通过验证（{ $problem }）。未保存任何内容。请返回选票页重新投票。
verifiable-refused-copied = 这张选票已被他人投出：其凭证公钥已在本选举中使用。未保存任何内容。请返回选票页重新投票。

verifiable-receipt-tracker = 您选票的追踪码
verifiable-receipt-board = 在公开公告板上查找您的选票
verifiable-receipt-inclusion = 您的加密选票会出现在公开公告板上，不带您的姓名。下一个签名树头发布后，即可获得其已被收录的证明。
verifiable-sealed-by-voter = 您的选票在您的浏览器中加密。
verifiable-sealed-by-server = 由于此浏览器未运行加密脚本，您的选票由服务器加密。
