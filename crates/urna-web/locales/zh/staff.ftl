# 工作人员页面：使用密码和身份验证器代码登录，以及控制面板。

staff-sign-in-title = 工作人员登录
staff-sign-in-intro = 选举工作人员使用密码和身份验证器应用中的六位数代码登录。
staff-username-label = 用户名
staff-password-label = 密码
staff-code-label = 身份验证器代码
staff-code-help = 您的身份验证器应用当前为 Urna 显示的六位数代码。
staff-sign-in-submit = 登录
staff-sign-in-error = 用户名、密码或代码不正确。请检查后重试。
staff-dashboard-title = 工作人员控制面板
staff-signed-in-as = 当前登录身份
staff-elections-title = 您的选举
staff-no-elections = 您尚未在任何选举中担任角色。
staff-election-column = 选举
staff-state-column = 状态
staff-roles-column = 您的角色
staff-role-operator = 站点管理员
staff-role-admin = 管理员
staff-role-scrutineer = 监票人
staff-role-trustee = 受托人
staff-sign-out = 退出登录
error-forbidden-title = 不允许
error-forbidden-detail = 您的账户没有允许此操作的角色。请联系选举管理员或站点管理员。
