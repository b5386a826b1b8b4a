verifiable-review-title = Zkontrolujte své volby
verifiable-encrypting = Šifrování lístku v tomto prohlížeči…
verifiable-encrypted = Váš lístek je zašifrován v tomto prohlížeči. Vaše volby ho neopustily. Odevzdejte ho, nebo ho nejprve ověřte, abyste se přesvědčili, že obsahuje vaše volby.
verifiable-tracker-label = Sledovací kód tohoto zašifrovaného lístku
verifiable-cast = Odevzdat tento lístek
verifiable-audit = Ověřit tento lístek (nebude odevzdán)
verifiable-change = Změnit mé volby
verifiable-audit-title = Ověřený lístek
verifiable-audit-ok = Ověřeno na této stránce: tento zašifrovaný lístek obsahuje přesně volby zobrazené výše. Byl zahozen a nikdy nebude odevzdán; soubor si můžete ponechat a ověřit ho libovolným ověřovacím nástrojem.
verifiable-audit-failed = Ověření tohoto lístku selhalo: { $problem }. Z této stránky žádný lístek neodevzdávejte; informujte organizátory voleb.
verifiable-audit-download = Stáhnout ověřený lístek (JSON)
verifiable-encrypt-again = Znovu zašifrovat mé volby
verifiable-invalid = Váš lístek nelze v této podobě zašifrovat: { $problem }
verifiable-abstain = Zdržet se
verifiable-unavailable = Tento prohlížeč nemohl načíst šifrovací skript. Až budete pokračovat, lístek místo toho zašifruje server.

verifiable-refused-title = Lístek nebyl přijat
verifiable-refused-malformed = Zašifrovaný lístek nešlo přečíst ({ $problem }). Nic nebylo uloženo. Vraťte se k lístku a zkuste to znovu.
verifiable-refused-wrong-election = Tento zašifrovaný lístek byl vytvořen pro jiné volby (nebo pro tyto, než se změnily). Nic nebylo uloženo. Vraťte se k lístku a hlasujte znovu.
verifiable-refused-proof = Důkazy zašifrovaného lístku nesouhlasí ({ $problem }). Nic nebylo uloženo. Vraťte se k lístku a hlasujte znovu.
verifiable-refused-copied = Tento lístek už odevzdal někdo jiný: jeho pověřovací klíč už byl v těchto volbách použit. Nic nebylo uloženo. Vraťte se k lístku a hlasujte znovu.

verifiable-receipt-tracker = Sledovací kód vašeho lístku
verifiable-receipt-board = Najděte svůj lístek na veřejné nástěnce
verifiable-receipt-inclusion = Váš zašifrovaný lístek se na veřejné nástěnce objeví bez vašeho jména. Důkaz jeho zahrnutí bude k dispozici po zveřejnění dalšího podepsaného vrcholu stromu.
verifiable-sealed-by-voter = Váš lístek byl zašifrován ve vašem prohlížeči.
verifiable-sealed-by-server = Váš lístek zašifroval server, protože tento prohlížeč nespustil šifrovací skript.
