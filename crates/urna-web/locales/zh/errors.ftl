# Error pages and the titles and details of JSON problem documents.

error-status = 错误 { $status }
error-back-home = 返回首页
error-not-found-title = 找不到页面
error-not-found-detail = 此地址没有任何内容。请检查链接，或从首页重新开始。
error-method-not-allowed-title = 此处不允许该操作
error-method-not-allowed-detail = 无法以这种方式使用此页面。
error-bad-request-title = 无法读取请求
error-bad-request-detail = 提交的内容有缺失或格式不正确。请返回检查表单后重试。
error-csrf-title = 无法接受此表单
error-csrf-detail = 表单已过期，或来自其他网站。请返回，刷新页面后重试。
error-rate-limited-title = 尝试次数过多
error-rate-limited-detail = 请等待 { $seconds } 秒后再试。
error-payload-too-large-title = 数据过大
error-payload-too-large-detail = 提交的内容超出了本服务器接受的大小。
error-timeout-title = 处理超时
error-timeout-detail = 服务器未能及时响应。请稍后再试。
error-internal-title = 出现了问题
error-internal-detail = 服务器无法完成您的请求。没有任何内容被更改；请稍后再试。
