# 选民的选票页面：选票、错误提示、确认和回执。

ballot-title = 您的选票
ballot-intro = 请回答每个问题，或选择对其弃权。此时尚未投出：投票前您会再次看到自己的选择。
ballot-question-position = 第 { $number } 题，共 { $total } 题
ballot-list-separator = {"、"}
ballot-abstain = 对此问题弃权
ballot-withdrawn = 已退选，不再参选：{ $names }
ballot-review-help = 接下来，您会再次看到自己的选择，核对后再投出选票。
ballot-review = 核对我的选票

## 各类选票的说明

ballot-instructions-choose-one = 请选择一个选项。
ballot-instructions-approval-exactly = 请恰好赞成 { $count } 个选项。
ballot-instructions-approval-up-to = 可赞成任意多个选项，最多 { $max } 个。也可以一个都不赞成。
ballot-instructions-approval-range = 请赞成至少 { $min } 个、至多 { $max } 个选项。
ballot-instructions-score = 请为每个选项打分，从 { $min }（最差）到 { $max }（最好），或不打分。
ballot-instructions-son = 请为每个选项选择“支持”“中立”或“反对”，或不表态。
ballot-instructions-ranked = 请按偏好为候选人排序：第一选择填 1，第二选择填 2，依此类推。留空的候选人不参与排序。
ballot-instructions-ranked-distinct = 每位参与排序的候选人须填不同的数字。
ballot-instructions-ranked-equal = 可以给多位候选人填相同的数字，表示同等排名。
ballot-instructions-ranked-max = 最多可为 { $max } 位候选人排序。
ballot-instructions-ranked-js = 用“添加”把候选人放入您的排序，再用“上移”和“下移”调整顺序。第一选择在最上面。上下方向键可在按钮之间移动。
ballot-rank-range = 在要排序的每位候选人旁填写 1 到 { $max } 的数字。
ballot-score-blank = 不打分
ballot-son-support = 支持
ballot-son-neutral = 中立
ballot-son-oppose = 反对
ballot-son-blank = 不表态

## 脚本生成的排序列表

ballot-js-your-ranking = 您的排序
ballot-js-empty = 您还没有为任何人排序。
ballot-js-candidates = 尚未排序的候选人
ballot-js-filter = 查找候选人
ballot-js-filter-count = 显示 { $count } 位候选人
ballot-js-add = 添加
ballot-js-add-label = 把 { $name } 添加到您的排序
ballot-js-remove = 移除
ballot-js-remove-label = 从您的排序中移除 { $name }
ballot-js-up = 上移
ballot-js-up-label = 上移 { $name }
ballot-js-down = 下移
ballot-js-down-label = 下移 { $name }
ballot-js-added = 已将 { $name } 添加到第 { $rank } 位
ballot-js-moved = 已将 { $name } 移到第 { $rank } 位
ballot-js-removed = 已从您的排序中移除 { $name }
ballot-js-at-top = { $name } 已经是您的第一选择
ballot-js-at-bottom = { $name } 已经在您排序的最后
ballot-js-limit = 最多可为 { $max } 位候选人排序

## 错误

ballot-error-summary-title = 您的选票需要修改
ballot-error-summary-intro = 尚未投出任何选票。请更正以下问题，然后再次核对选票：
ballot-error-in-question = 第 { $number } 题：{ $message }
ballot-error-no-choice = 请选择一个选项，或选择对此问题弃权。
ballot-error-abstain-and-answer = 您选择了弃权，但也做了选择。请清除选择，或取消勾选“对此问题弃权”。
ballot-error-several-choices = 只能选择一个选项。
ballot-error-unknown-option = 选票中有一个不在其上的选项（“{ $value }”）。请重新加载页面并重新填写。
ballot-error-withdrawn = { $name } 已退选，不能再被选择。
ballot-error-repeated = 提交的内容中 { $name } 出现了两次。请重新加载页面并重新填写。
ballot-error-rank-not-number = { $name } 的排名必须是整数，而不是“{ $value }”。
ballot-error-score-not-number = { $name } 的分数必须是整数，而不是“{ $value }”。
ballot-error-rank-out-of-range = { $name } 的排名必须在 1 到 { $max } 之间，而不是 { $value }。
ballot-error-score-out-of-range = { $name } 的分数必须在 { $min } 到 { $max } 之间，而不是 { $value }。
ballot-error-equal-ranks = { $names } 的排名都是 { $rank }。请给每位候选人填不同的数字。
ballot-error-too-few = 请至少赞成 { $min } 个选项，或选择弃权。
ballot-error-too-many = 最多只能赞成 { $max } 个选项。
ballot-error-too-many-ranked = 最多只能为 { $max } 位候选人排序。
ballot-error-other = 无法接受此回答：{ $detail }
ballot-error-unknown-field = 表单中有不属于此选票的内容。请重新加载页面并重新填写。

## 确认

ballot-confirm-title = 核对您的选票
ballot-confirm-intro = 您的选票尚未投出。请核对您的选择，然后投出选票或进行修改。
ballot-confirm-question = 第 { $number } 题：
ballot-confirm-abstain = 您对此问题弃权。
ballot-confirm-choice = 您选择了：
ballot-confirm-approved-none = 您没有赞成任何选项。
ballot-confirm-approved = 您赞成以下 { $count } 个选项：
ballot-confirm-scores-none = 您没有给任何选项打分。
ballot-confirm-scores = 您的打分（{ $blank } 个选项未打分）：
ballot-confirm-ranking = 您的排序，第一选择在前（{ $unranked } 位候选人未排序）：
ballot-confirm-equal = 同等排名
ballot-confirm-secret = 投出后，您的选票会立即被密封：任何人都无法单独读取，包括运营此服务器的人。
ballot-confirm-cast = 投出这张选票
ballot-confirm-change = 修改我的选票

## 回执

ballot-receipt-title = 您的选票已投出
ballot-receipt-code-label = 您的回执码
ballot-receipt-keep = 请记下或保存。
ballot-receipt-proves-title = 这个码能证明什么
ballot-receipt-proves = 回执码由您密封后的选票计算得出。您可以用它核实自己的选票已被记录，并在计票的选票之中。
ballot-receipt-not-title = 它不能证明什么
ballot-receipt-not = 回执码不会透露您如何投票，也无法向任何人证明您如何投票：没有人能用它收买或查验您的选票。
ballot-receipt-revote = 选举开放期间，您可以再次投票。只有最后一张选票有效，并会获得新的回执码。
ballot-receipt-no-revote = 本次选举不允许在投出后修改选票。
ballot-preview-note = 这是预览：没有记录任何内容，下面的回执码只是示例。
