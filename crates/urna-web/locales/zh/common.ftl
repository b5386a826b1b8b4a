# Shared by every page: layout, navigation, language switcher, footer.

# The language's own name, shown in the language switcher.
language-name = 中文
site-name = Urna
site-tagline = 无记名投票，精确计票
skip-to-content = 跳到主要内容
nav-label = 主导航
nav-home = 首页
nav-vote = 投票
language-switcher-label = 语言
footer-about = Urna 是一款自由软件，用于举办社区可以信赖的选举。
footer-privacy = 您的选票一送达即被加密封存。任何人都无法单独读取，即使是运行本服务器的人也不能。
