# 投票进行中的安全变更（service::live）。

live-voter-paused-title = 投票已暂停
live-voter-paused = 选举管理员已暂停投票。您的选票未被接收。投票恢复时您会收到电子邮件通知；您的投票链接仍然有效。

live-mail-paused-subject = 投票已暂停：{ $election }
live-mail-paused-body =
    选举管理员已暂停“{ $election }”的投票。已投出的选票将保留。投票恢复时会通知您。
live-mail-resumed-subject = 投票已恢复：{ $election }
live-mail-resumed-body =
    “{ $election }”的投票已恢复，截止时间为 { $closes }。如果您尚未投票，现在可以使用您的投票链接投票。
live-mail-shortened-subject = 投票提前截止：{ $election }
live-mail-shortened-body = “{ $election }”的投票现在提前截止，截止时间为 { $closes }。
live-mail-swapped-subject = 请重新投票：{ $election }
live-mail-swapped-body =
    在“{ $election }”的“{ $question }”中，选票上的 { $old } 已由 { $new } 替换。您的选票在此变更之前投出，因此已被划除，不会计入。

    请在投票开放期间使用您的投票链接重新投票。

live-page-title = 投票进行中的变更
live-page-link = 投票进行中的变更（先预览）
live-page-help = 每项变更都先预览：显示受影响的人员及人数。确认之前不会有任何变更。所有受影响者都会收到电子邮件。
live-change-move-end = 更改截止时间
live-change-pause = 暂停投票
live-change-resume = 恢复投票
live-change-swap = 替换候选人
live-change-withdraw = 撤回候选人
live-change-add-voters = 添加遗漏的选民
live-change-fix-text = 更正文字
live-change-strike-window = 划除事故时段内投出的选票
live-field-closes = 新的截止时间（选举时区，或带 Z 的 UTC）
live-field-question = 问题
live-field-candidate = 候选人
live-field-name = 新候选人姓名
live-field-csv = 选民名单（CSV）
live-field-title = 新的选举标题
live-field-from = 起始（UTC，例如 2026-11-26T10:00:00Z）
live-field-to = 截至（不含，UTC）
live-field-reason = 原因
live-preview-button = 预览
live-preview-title = 预览：{ $change }
live-preview-state = 当前状态：{ $state }；变更后：{ $after }
live-preview-struck = 将被划除的选票：{ $count }
live-preview-told = 将收到电子邮件的选民：{ $count }
live-preview-no-address = 受影响但没有电子邮件地址的选民：{ $count }
live-preview-added = 将被添加的选民：{ $count }
live-preview-already = 已在名单上：{ $count }
live-confirm-button = 确认此变更
live-done = 变更已完成。被划除的选票：{ $struck }；排队的通知：{ $queued }。
live-change-withdraw-after-count = 计票后撤回（重新计票，保留原结果）
live-preview-recount-naming = 对 { $candidate } 作了排序的选票：{ $count }
live-preview-elected-count = 计票中当选：
live-preview-elected-recount = 排除其后重新计票中当选：
live-results-recount-title = 排除 { $withdrawn } 的重新计票（计票后撤回）
live-results-recount-note = 上面的结果是原始计票。此次重新计票以相同方法统计相同的选票，但排除了计票后撤回的候选人。
