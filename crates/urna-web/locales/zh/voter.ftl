# Pages voters see: home page and sign-in with a voting link.

home-title = 社区可以信赖的选举
home-intro = Urna 用于举办无记名的在线选举。选民通过个人投票链接登录，每张选票一送达即被加密封存。
home-secret-title = 您的投票始终保密
home-secret-text = 选票使用由多位受托人共同持有的密钥加密。任何单独一人都无法读取选票，即使是运行本服务器的人也不能。
home-count-title = 每一票都被精确计入
home-count-text = 选举结束后，封存的选票会被打乱顺序，由受托人共同解密，再按照选举公布的计票方法统计结果。
home-elections-title = 选举
home-no-elections = 本服务器上暂时还没有公开的选举。
home-have-link = 收到投票链接了吗？
home-sign-in = 登录投票

vote-title = 登录投票
vote-intro = 请打开您收到的个人投票链接，或将其粘贴到这里。
vote-token-label = 投票链接或投票码
vote-token-help = 您的链接仅供本人使用。请勿转发：任何持有该链接的人都可以代替您投票。
vote-submit = 继续
vote-instructions-title = 投票流程
vote-instructions-sign-in = 登录后，您将看到本次选举中每个问题的选票。
vote-instructions-review = 在记录您的投票之前，您可以在确认页面上核对您的选择。
vote-instructions-receipt = 随后您会收到一个回执码。请妥善保存：它可以证明您的选票已被记录，但不会透露您的投票内容。
vote-instructions-revote = 在选举开放期间，您可以重新投票；只有最后一次投出的选票有效，除非本次选举不允许更改。
vote-error-empty = 请输入您的投票链接或投票码。
vote-error-malformed = 这不是有效的投票链接。请从邮件中复制完整的链接后重试。
vote-error-unknown = 该投票链接无效或已过期。请确认您复制了完整的链接，或向选举组织者索取新的链接。
