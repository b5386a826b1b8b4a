# 通知：链接邮件的投递结果、给尚未投票者的提醒，以及投票率与法定人数跟踪。

mail-status-bounced = 被永久拒收
mail-status-skipped = 已无需发送
mail-send-failed = 向邮件发送失败或被拒收的 { $count } 位选民发送新链接

mail-reminder-subject = 提醒：请在“{ $election }”中投票
mail-reminder-body =
    您尚未在“{ $election }”中投票，现在仍可投票。
mail-reminder-link =
    请打开通过电子邮件发给您的个人投票链接进行投票。如果找不到该链接，请向选举管理员索取新链接。
    如果您已在此期间投票，请忽略本邮件。

reminders-title = 给尚未投票的选民的提醒
reminders-help = 每条提醒只发送一次：在投票结束前的设定时间，发给届时仍未投票且有电子邮件地址的每位选民，并尽可能使用其语言。延长结束时间会相应推迟尚未发送的提醒。
reminders-none = 尚未设置提醒。
reminders-before = 结束前
reminders-due = 发送时间
reminders-went-out = 已发送于
reminders-not-yet = 尚未发送
reminders-counts = 邮件
reminders-count-line = 待发：{ $queued } · 已发：{ $sent } · 无需发送：{ $skipped } · 失败：{ $failed }
reminders-text = 文本
reminders-standard-text = 标准提醒
reminders-delete = 删除
reminders-before-label = 距投票结束的时间
reminders-before-help = 例如 3d（三天）、24h（24 小时）或 90m（90 分钟）。
reminders-text-label = { $lang } 的自定义文本（可选）
reminders-text-help = 所有文本留空即发送标准提醒，并翻译为每位选民的语言。如果填写自定义文本，至少要用选举的默认语言填写：没有对应文本的语言的选民会收到该文本。
reminders-add = 添加提醒

turnout-page-title = 投票率随时间变化
turnout-page-link = 投票率随时间变化与法定人数
turnout-summary = { $eligible } 位选民中已有 { $voted } 位投票。
turnout-quorum-reached = 已达到 { $quorum } 位选民的法定人数。
turnout-quorum-missing = 尚未达到 { $quorum } 位选民的法定人数：还需 { $missing } 位。
turnout-help = 截至目前已投票的选民，按其首次投票所在的小时统计。只显示每小时的人数，从不显示某位选民的投票时间。
turnout-chart-title = 截至目前已投票的选民（按小时）
turnout-quorum-line = 法定人数 { $quorum }
turnout-table-caption = 按首次投票小时统计的选民
turnout-hour = 起始时间
turnout-new-voters = 新投票选民
turnout-voters-so-far = 累计投票选民
turnout-none-yet = 尚无人投票。
turnout-quorum-title = 法定人数
turnout-quorum-label = 所需选民人数（无法定人数则留空）
turnout-quorum-help = 选举有效所需的最少投票人数，在图表上以一条线表示。
turnout-quorum-save = 保存法定人数
