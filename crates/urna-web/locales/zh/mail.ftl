# 发给选民的电子邮件。

mail-link-subject = 您的投票链接：{ $election }
mail-link-body =
    { $voter }，您好：

    您可以在“{ $election }”中投票。打开下面的个人链接即可登录投票：
mail-link-closes = 投票截止时间：{ $closes }。
mail-link-keep-private =
    请勿将此链接告诉他人：任何持有它的人都能以您的名义投票。如果您没有预期收到此邮件，请告知选举管理员。
    此前发给您的链接均已失效。

mail-struck-subject = 您的选票已被划除：{ $election }
mail-struck-body =
    选举管理员划除了您在“{ $election }”中的选票，它将不被计入。

    原因：{ $reason }

    投票开放期间，您可以用投票链接重新投票。
mail-extended-subject = 投票已延长：{ $election }
mail-extended-body = “{ $election }”的投票现在截止于 { $closes }。
mail-withdrawn-subject = 有候选人退选：{ $election }
mail-withdrawn-body =
    { $candidate } 已退出“{ $election }”中的“{ $question }”。计票时将跳过该候选人，您的偏好顺延，如同其未参选。

    选票是密封的，服务器无法知道谁的选票写了 { $candidate }，因此通知所有已投票的选民。投票开放期间，您可以按需重新投票。

mail-page-title = 发给选民的电子邮件
mail-page-link = 通过电子邮件发送投票链接和通知
mail-not-configured = 本服务器未配置外发邮件（没有 [smtp] 部分），无法发送电子邮件。仍可下载 CSV 格式的投票链接。
mail-error-not-configured = 未配置电子邮件
mail-links-title = 通过电子邮件发送投票链接
mail-links-help = 每封邮件都带有新的投票链接，之前的链接随即失效。服务器不保存链接，只记录每封邮件是否已发送。
mail-send-not-yet-sent = 向尚未收到（或发送失败）的选民发送链接
mail-send-all = 向所有选民发送新链接
mail-resend = 重新发送
mail-voter = 选民
mail-address = 电子邮件地址
mail-status = 状态
mail-status-none = 未发送
mail-status-queued = 排队中
mail-status-sent = 已发送
mail-status-failed = 失败
mail-updated = 更新时间
mail-without-address = 没有电子邮件地址的选民：{ $count }
mail-notices-title = 给选民的通知
mail-notices-counts = 排队中：{ $queued } · 已发送：{ $sent } · 失败：{ $failed }
mail-notices-retry = 重试失败的通知
