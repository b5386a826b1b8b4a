# 开放前的演练（议题 7）。
rehearsal-title = 演练
rehearsal-section-title = 开放前的演练
rehearsal-help = 演练在一份临时副本上完整运行选举：模拟选民通过真实的投票页面投下随机的有效选票，临时受托人密钥解密，随后计票；之后副本被删除。将选举标记为就绪需要自上次更改以来通过的演练，或附理由的强制操作。
rehearsal-start = 演练
rehearsal-status-passed = 选举的当前版本已通过演练。
rehearsal-status-missing = 自选举上次更改以来没有通过的演练。
rehearsal-latest = 最近的演练
rehearsal-override = 未通过演练也标记为就绪
rehearsal-override-reason = 强制操作的理由（记入日志）
rehearsal-running = 演练正在进行；本页会自动刷新直至完成。
rehearsal-job-failed = 演练无法运行：
rehearsal-passed = 演练通过：没有错误。
rehearsal-not-passed = 演练发现错误；请在开放前修正，或附理由强制操作。
rehearsal-findings = 发现的问题
rehearsal-no-findings = 没有需要报告的内容。
rehearsal-results = 模拟选票的结果
rehearsal-voters = 模拟选民：
rehearsal-ballots = 已接受的选票：
rehearsal-timings = 用时
rehearsal-step = 步骤
rehearsal-seconds = 时间
rehearsal-total = 合计
rehearsal-severity-error = 错误
rehearsal-severity-warning = 警告
rehearsal-severity-info = 提示
rehearsal-no-questions = 选举没有问题。
rehearsal-no-window = 选举没有投票时段。
rehearsal-deadline-in-past = 投票截止时间 { $closes } 已经过去。
rehearsal-opens-in-past = 投票开始时间 { $opens } 已经过去：调度器不会开放它，手动开放会把开始时间改为现在。
rehearsal-ambiguous-local-time = 投票在 { $zone } 的 { $local } { $edge ->
    [opens] 开始
   *[closes] 截止
}，该时刻在时钟回拨时出现两次（先在 UTC{ $first }，后在 UTC{ $second }）。请选择其他时间。
rehearsal-aoe-conversion = 投票{ $edge ->
    [opens] 开始
   *[closes] 截止
} { $local } = { $utc }。
rehearsal-missing-translation = { $text } 没有 { $languages } 的翻译。
rehearsal-name-too-long-for-blt = 问题 { $question } 中 { $candidate } 的名称（{ $lang }）有 { $chars } 个字符；选票文件（BLT）最多容纳 { $limit } 个。
rehearsal-name-unfit-for-blt = 问题 { $question } 中 { $candidate } 的名称（{ $lang }）包含 { $character }，选票文件（BLT）无法容纳。
rehearsal-fewer-candidates-than-seats = 问题 { $question } 有 { $candidates } 名候选人竞选 { $seats } 个席位：将有席位空缺。
rehearsal-uncontested = 问题 { $question } 的候选人数等于席位数（{ $seats }）：无论投票如何，全部当选。
rehearsal-no-voters = 选民名单为空。
rehearsal-nobody-eligible = 名单上有 { $listed } 名选民，但资格规则一个也不接受。
rehearsal-mail-unreachable = 投票链接通过电子邮件发送，但无法连接邮件服务器 { $server }：{ $error }
rehearsal-seats-left-empty = 演练对问题 { $question } 的计票只填满了 { $seats } 个席位中的 { $elected } 个。
rehearsal-step-failed = 演练在 { $step } 步骤失败：{ $error }
rehearsal-ballots-refused = { $voters } 名模拟选民中有 { $refused } 名无法投下有效选票。
