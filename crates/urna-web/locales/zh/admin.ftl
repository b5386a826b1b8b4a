# 选举管理页面与 JSON API 的错误标题。

admin-back-to-election = 返回选举
admin-back-to-list = 所有选举

admin-error-no-database = 不可用
admin-error-no-database-detail = 选举管理需要数据库，而本服务器启动时未配置数据库。
admin-error-input = 无法使用所提交的内容
admin-error-not-found = 未找到
admin-error-conflict = 现在无法进行
admin-error-refused = 已拒绝
admin-error-internal = 出错了
admin-error-internal-detail = 服务器未能完成此操作。失败的步骤没有更改任何内容；错误已记录。
admin-error-forbidden = 不允许
admin-error-sign-in = 需要登录
admin-error-sign-in-detail = 请使用工作人员账户登录以管理选举。
admin-error-operators-only = 只有站点运营者可以执行此操作。
admin-error-csrf = 请求被拒绝
admin-error-csrf-detail = 此请求未在 X-CSRF-Token 标头中携带会话的 CSRF 令牌，或来自其他网站。请通过 GET /api/v1/session 获取令牌。
admin-error-json-expected = 请以 JSON 发送请求正文（Content-Type: application/json）。

admin-elections-title = 选举
admin-elections-none = 目前还没有您可以管理的选举。
admin-elections-slug = 简称
admin-elections-name = 标题
admin-elections-state = 状态
admin-create-title = 创建选举
admin-create-help = 用 JSON 写出选举的定义：简称、语言、标题、投票时间（含时区或 AoE）和问题。示例展示了格式；如省略 id 将自动生成。
admin-create-definition = 定义（JSON）
admin-create-submit = 创建草稿

admin-state-draft = 草稿
admin-state-ready = 就绪
admin-state-open = 投票中
admin-state-closed = 已截止
admin-state-counted = 已计票
admin-state-published = 已公布
admin-state-archived = 已归档

admin-action-mark-ready = 标记为就绪
admin-action-return-to-draft = 退回草稿
admin-action-open = 立即开始投票
admin-action-close = 立即截止投票
admin-action-freeze = 冻结选票以便计票
admin-action-count = 计票
admin-action-publish = 公布结果
admin-action-archive = 归档

admin-election-state = 状态
admin-window = 投票时间
admin-window-none = 尚未设定
admin-window-opens = 开始
admin-window-closes = 截止
admin-problems-title = 此选举尚未就绪的原因
admin-actions-title = 现在可以进行的操作
admin-turnout-title = 投票率
admin-turnout-voted = 已投票的选民：
admin-turnout-who = 谁已投票（不关联任何选票）
admin-jobs-title = 后台任务

admin-voters-title = 选民
admin-voters-help = 每行一位选民，第一行为标题：voter，可选 email、weight 和 include/exclude。返回的是新投票链接的 CSV 文件：请立即下载，服务器不保留副本。
admin-voters-csv = 选民名单（CSV）
admin-voters-submit = 添加选民并下载其链接
admin-voter = 选民
admin-link-reissue = 签发新链接
admin-link-revoke = 撤回链接

admin-trustees-title = 受托人与选举密钥
admin-trustees-threshold = 解密所需受托人数：
admin-trustees-public-files = 受托人的公开文件（由 urna trustee init 生成），依次粘贴
admin-trustees-setup-submit = 设置密钥仪式
admin-trustees-round1 = 第 1 轮文件：
admin-trustees-round2 = 第 2 轮文件：
admin-trustees-shares = 解密份额：
admin-trustees-tally = 计票结果的部分解密：
admin-trustees-key-made = 选举密钥已生成。
admin-frozen = 已冻结待计的选票：
admin-upload-kind = 文件类型
admin-upload-file = 文件内容
admin-upload-submit = 上传

admin-live-title = 投票进行期间
admin-strike-reason = 原因（作废时必填）
admin-strike = 作废选票
admin-unstrike = 恢复选票
admin-extend-label = 新的截止时间，按选举的时区（或如 2030-01-21T12:00:00Z 的时刻）
admin-extend = 延长截止时间
admin-withdraw = 撤下
admin-withdrawn = 已退出

admin-withdraw-title = 撤下候选人
admin-withdraw-impact = { $count ->
   *[other] 已有 { $count } 位选民投票，他们将收到通知，并可重新投票。
}
admin-withdraw-confirm = 撤下该候选人

admin-audit-title = 审计日志
admin-audit-verified = 哈希链验证通过：没有任何条目被更改或删除。
admin-audit-broken = 哈希链验证未通过：
admin-audit-export = 导出（JSON Lines）
admin-audit-at = 时间（UTC）
admin-audit-actor = 操作者
admin-audit-action = 操作
admin-audit-details = 详情
