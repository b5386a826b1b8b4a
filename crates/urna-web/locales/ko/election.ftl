election-state-label = 상태
election-state-draft = 준비 중
election-state-ready = 예정됨
election-state-open = 투표 진행 중
election-state-closed = 투표 마감, 곧 개표
election-state-counted = 개표 완료, 결과 미공개
election-state-published = 결과 공개됨
election-state-archived = 보관됨
election-window-title = 투표 기간
election-window-opens = 시작
election-window-closes = 마감
election-window-zones = 시간은 선거의 시간대({ $election })로, 그다음 귀하의 시간대({ $viewer })로 표시됩니다.
election-vote-title = 투표
election-vote-go = 투표지로 이동
election-vote-how = 투표하려면 받은 개인 투표 링크를 여세요.
election-results-link = 결과 보기
election-results-later = 결과는 개표 후에 공개됩니다. 그 전에는 누구도 중간 결과를 볼 수 없습니다.
election-questions-title = 질문
election-question-position = 질문 { $number }/{ $total }:
election-kind-choose-one = 선택지 하나를 고르세요.
election-kind-approval = 지지하는 선택지를 승인하세요.
election-kind-support-oppose = 각 선택지에 찬성, 중립, 반대 중 하나를 표시하세요.
election-kind-score = 각 선택지에 점수를 매기세요.
election-kind-ranked = 후보를 선호하는 순서대로 순위를 매기세요.
election-method = 개표 방식: { $method }, { $seats ->
   *[other] { $seats }석.
}
election-turnout = { $eligible ->
   *[other] 유권자 { $eligible }명 중 { $voted }명이 투표했습니다.
}

voter-notice-back = 선거 페이지로 돌아가기
voter-notice-sign-in-title = 로그인하여 투표하기
voter-notice-sign-in = 이 투표지에는 이 선거를 위한 개인 투표 링크가 필요합니다. 받은 링크를 여세요.
voter-notice-wrong-election = 다른 선거에 로그인되어 있습니다. 이 선거를 위해 받은 투표 링크를 여세요.
voter-notice-revoked = 이 투표 링크는 철회되었습니다. 선거 주최 측에 새 링크를 요청하세요.
voter-notice-not-open-title = 투표가 진행 중이 아닙니다
voter-notice-not-yet = 투표가 아직 시작되지 않았습니다. 시작 시각: { $opens }.
voter-notice-closed = 투표가 마감되었습니다. 더 이상 투표지를 제출하거나 변경할 수 없습니다.
voter-notice-already-voted-title = 이미 투표했습니다
voter-notice-no-changes = 이미 투표했으며, 이 선거는 제출한 투표지의 변경을 허용하지 않습니다.
voter-notice-revote = 이미 투표했습니다. 새 투표지를 제출하면 이전 투표지를 대체하며, 마지막 투표지만 집계됩니다.
voter-notice-replaced = 이 투표지가 이전 투표지를 대체했습니다. 이 투표지만 집계됩니다.
voter-notice-struck = 이전 투표지가 선거 관리자에 의해 무효 처리되었습니다(사유: { $reason }). 다시 투표할 수 있습니다.
voter-notice-invalid = 투표지가 접수되지 않았습니다: { $problem }
