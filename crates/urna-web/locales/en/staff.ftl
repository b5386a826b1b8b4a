# Staff pages: sign-in with password and authenticator code, the dashboard.

staff-sign-in-title = Staff sign-in
staff-sign-in-intro = Election staff sign in with their password and the six-digit code from their authenticator app.
staff-username-label = Username
staff-password-label = Password
staff-code-label = Authenticator code
staff-code-help = The six-digit code your authenticator app shows for Urna now.
staff-sign-in-submit = Sign in
staff-sign-in-error = The username, password or code is not correct. Check them and try again.
staff-dashboard-title = Staff dashboard
staff-signed-in-as = Signed in as
staff-elections-title = Your elections
staff-no-elections = You have no role in any election yet.
staff-election-column = Election
staff-state-column = State
staff-roles-column = Your roles
staff-role-operator = site operator
staff-role-admin = administrator
staff-role-scrutineer = scrutineer
staff-role-trustee = trustee
staff-sign-out = Sign out
error-forbidden-title = Not allowed
error-forbidden-detail = Your account does not have a role that allows this. Ask the election's administrators or a site operator.
