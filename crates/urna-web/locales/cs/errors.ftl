error-status = Chyba { $status }
error-back-home = Zpět na úvodní stránku
error-not-found-title = Stránka nenalezena
error-not-found-detail = Na této adrese nic není. Zkontrolujte odkaz nebo začněte znovu z úvodní stránky.
error-method-not-allowed-title = Zde není povoleno
error-method-not-allowed-detail = Tuto stránku nelze takto použít.
error-bad-request-title = Požadavek nelze přečíst
error-bad-request-detail = V odeslaných údajích něco chybí nebo je chybné. Vraťte se, zkontrolujte formulář a zkuste to znovu.
error-csrf-title = Tento formulář nelze přijmout
error-csrf-detail = Platnost formuláře vypršela nebo byl odeslán z jiného webu. Vraťte se, načtěte stránku znovu a zkuste to znovu.
error-rate-limited-title = Příliš mnoho pokusů
error-rate-limited-detail = { $seconds ->
    [one] Počkejte { $seconds } sekundu a zkuste to znovu.
    [few] Počkejte { $seconds } sekundy a zkuste to znovu.
    [many] Počkejte { $seconds } sekundy a zkuste to znovu.
   *[other] Počkejte { $seconds } sekund a zkuste to znovu.
}
error-payload-too-large-title = Příliš mnoho dat
error-payload-too-large-detail = Odeslaná data jsou větší, než tento server přijímá.
error-timeout-title = Trvalo to příliš dlouho
error-timeout-detail = Server nestihl odpovědět. Zkuste to za chvíli znovu.
error-internal-title = Něco se pokazilo
error-internal-detail = Server nemohl váš požadavek dokončit. Nic se nezměnilo; zkuste to za chvíli znovu.
