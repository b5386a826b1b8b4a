# 公开的投票资格页面：某个维基账户为何可以或不可以投票。

eligibility-title = 谁可以投票
eligibility-intro = 输入一个维基账户，查看它能否在本次选举中投票；如果不能，会说明它未满足哪条规则。
eligibility-account-label = 维基账户
eligibility-account-help = 用户名和所在维基，写作 Name@wiki（例如 Jane Doe@enwiki）。
eligibility-submit = 查询
eligibility-error-account = 请把账户写成 Name@wiki，例如 Jane Doe@enwiki。
eligibility-no-rules = 本次选举不根据维基数据确定投票资格。
eligibility-not-checked = { $account } 不在本次选举检查的账户之中。
eligibility-eligible = { $account } 可以在本次选举中投票。
eligibility-refused = { $account } 不能在本次选举中投票。
eligibility-as-of = 依据维基于 { $date } 的回答。
eligibility-appeal-title = 如何申诉
eligibility-indefinite = 无限期
eligibility-rule-exclude-list = 该账户在{ $list }上。
eligibility-rule-exists = 该维基没有这个名字的账户。
eligibility-rule-min-edits = 至少需要 { $required } 次编辑；该账户有 { $found } 次。
eligibility-rule-max-registration = 账户须在 { $before } 之前注册；它注册于 { $registered }。
eligibility-rule-sitewide-blocked = 该账户在整个维基被封禁（{ $expiry }）。
eligibility-rule-partially-blocked = 该账户被部分封禁（{ $expiry }）。
eligibility-rule-central-block = 在 { $threshold } 个或更多维基被封禁的账户不能投票；该账户在 { $count } 个维基被封禁（{ $wikis }）。
eligibility-rule-globally-blocked = 它还被全域封禁。
eligibility-rule-locked = 它的全域账户已被锁定。
eligibility-rule-bot = 该账户是机器人。
eligibility-rule-need-group = 账户须属于以下用户组之一：{ $needed }。它属于：{ $groups }。
eligibility-rule-exclude-group = { $group } 用户组的成员不能参加。
eligibility-rule-edits-before = 在 { $before } 之前至少需要 { $required } 次编辑；该账户有 { $found } 次。
eligibility-rule-edits-between = 从 { $from } 到 { $to } 至少需要 { $required } 次编辑；该账户有 { $found } 次。
eligibility-rule-need-list = 该账户不在{ $list }上。
eligibility-rule-need-central-list = 该全域账户不在{ $list }上。
eligibility-rule-missing-facts = 检查账户后规则发生了变化；管理员须重新检查。

# 管理页面。
admin-eligibility-title = 根据维基数据确定资格
admin-eligibility-cutoff = 快照截止时间：
admin-eligibility-progress = 已获取的账户
admin-eligibility-progress-help = 获取由 "urna eligibility fetch" 运行；重新加载本页即可查看进度。
admin-eligibility-decisions = 选民资格结果
admin-eligibility-rule = 未满足的规则
admin-eligibility-accounts = 账户数
admin-eligibility-eligible = 有资格
admin-eligibility-fill = 把有资格的账户加入选民名单
admin-eligibility-no-rules = 本次选举没有资格规则；请用 "urna eligibility rules" 设置。
