verifiable-review-title = 선택 확인
verifiable-encrypting = 이 브라우저에서 투표지를 암호화하는 중…
verifiable-encrypted = 투표지가 이 브라우저에서 암호화되었습니다. 선택 내용은 브라우저 밖으로 나가지 않았습니다. 제출하거나, 먼저 감사하여 선택 내용이 담겨 있는지 확인하세요.
verifiable-tracker-label = 이 암호화된 투표지의 추적 코드
verifiable-cast = 이 투표지 제출
verifiable-audit = 이 투표지 감사 (제출되지 않음)
verifiable-change = 선택 변경
verifiable-audit-title = 감사한 투표지
verifiable-audit-ok = 이 페이지에서 확인함: 이 암호화된 투표지에는 위에 표시된 선택이 정확히 담겨 있습니다. 이 투표지는 폐기되어 절대 제출되지 않습니다. 파일을 보관해 어떤 검증 도구로든 확인할 수 있습니다.
verifiable-audit-failed = 감사한 투표지가 검증을 통과하지 못했습니다: { $problem }. 이 페이지에서 투표지를 제출하지 말고 선거 주최 측에 알리세요.
verifiable-audit-download = 감사한 투표지 내려받기 (JSON)
verifiable-encrypt-again = 선택 다시 암호화
verifiable-invalid = 입력한 그대로는 투표지를 암호화할 수 없습니다: { $problem }
verifiable-abstain = 기권
verifiable-unavailable = 이 브라우저가 암호화 스크립트를 불러오지 못했습니다. 계속하면 서버가 대신 투표지를 암호화합니다.

verifiable-refused-title = 투표지가 접수되지 않았습니다
verifiable-refused-malformed = 암호화된 투표지를 읽을 수 없습니다({ $problem }). 아무것도 저장되지 않았습니다. 투표지로 돌아가 다시 시도하세요.
verifiable-refused-wrong-election = 이 암호화된 투표지는 다른 선거(또는 변경되기 전의 이 선거)를 위해 만들어졌습니다. 아무것도 저장되지 않았습니다. 투표지로 돌아가 다시 투표하세요.
verifiable-refused-proof = 암호화된 투표지의 증명이 맞지 않습니다({ $problem }). 아무것도 저장되지 않았습니다. 투표지로 돌아가 다시 투표하세요.
verifiable-refused-copied = 이 투표지는 이미 다른 사람이 제출했습니다. 그 자격 키가 이 선거에서 이미 사용되었습니다. 아무것도 저장되지 않았습니다. 투표지로 돌아가 다시 투표하세요.

verifiable-receipt-tracker = 내 투표지의 추적 코드
verifiable-receipt-board = 공개 게시판에서 내 투표지 찾기
verifiable-receipt-inclusion = 암호화된 투표지는 이름 없이 공개 게시판에 표시됩니다. 포함 증명은 다음 서명된 트리 헤드가 공개되면 이용할 수 있습니다.
verifiable-sealed-by-voter = 투표지가 귀하의 브라우저에서 암호화되었습니다.
verifiable-sealed-by-server = 이 브라우저가 암호화 스크립트를 실행하지 않아 서버가 투표지를 암호화했습니다.
