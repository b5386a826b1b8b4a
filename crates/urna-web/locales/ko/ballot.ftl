ballot-title = 투표지
ballot-intro = 각 질문에 답하거나 기권을 선택하세요. 아직 아무것도 제출되지 않았습니다. 제출하기 전에 선택을 다시 보게 됩니다.
ballot-question-position = 질문 { $number }/{ $total }
ballot-list-separator = {", "}
ballot-abstain = 이 질문에 기권
ballot-withdrawn = 사퇴하여 더 이상 출마하지 않음: { $names }
ballot-review-help = 다음으로, 투표지를 제출하기 전에 확인할 수 있도록 선택을 다시 보여 드립니다.
ballot-review = 투표지 검토

ballot-instructions-choose-one = 선택지 하나를 고르세요.
ballot-instructions-approval-exactly = { $count ->
   *[other] 정확히 { $count }개의 선택지를 승인하세요.
}
ballot-instructions-approval-up-to = { $max ->
   *[other] 원하는 선택지를 최대 { $max }개까지 승인하세요. 하나도 승인하지 않아도 됩니다.
}
ballot-instructions-approval-range = 최소 { $min }개, 최대 { $max }개의 선택지를 승인하세요.
ballot-instructions-score = 각 선택지에 { $min }(최저)부터 { $max }(최고)까지 점수를 주거나 점수 없이 두세요.
ballot-instructions-son = 각 선택지에 찬성, 중립, 반대 중 하나를 고르거나 의견 없음으로 두세요.
ballot-instructions-ranked = 후보를 선호하는 순서대로 순위를 매기세요. 1순위에 1, 2순위에 2 식으로 적습니다. 비워 둔 후보는 순위에 들어가지 않습니다.
ballot-instructions-ranked-distinct = 순위를 매기는 후보마다 다른 숫자를 적으세요.
ballot-instructions-ranked-equal = 여러 후보에게 같은 숫자를 적어 같은 순위로 매길 수 있습니다.
ballot-instructions-ranked-max = { $max ->
   *[other] 최대 { $max }명까지 순위를 매길 수 있습니다.
}
ballot-instructions-ranked-js = “추가”로 후보를 순위에 넣고 “위로”와 “아래로”로 순서를 정하세요. 1순위가 맨 위에 있습니다. 위아래 화살표 키로 버튼 사이를 이동합니다.
ballot-rank-range = 순위를 매기는 각 후보 옆에 1부터 { $max }까지의 숫자를 입력하세요.
ballot-score-blank = 점수 없음
ballot-son-support = 찬성
ballot-son-neutral = 중립
ballot-son-oppose = 반대
ballot-son-blank = 의견 없음

ballot-js-your-ranking = 내 순위
ballot-js-empty = 아직 아무에게도 순위를 매기지 않았습니다.
ballot-js-candidates = 아직 순위를 매기지 않은 후보
ballot-js-filter = 후보 찾기
ballot-js-filter-count = 후보 { $count }명 표시 중
ballot-js-add = 추가
ballot-js-add-label = { $name } 후보를 순위에 추가
ballot-js-remove = 제거
ballot-js-remove-label = { $name } 후보를 순위에서 제거
ballot-js-up = 위로
ballot-js-up-label = { $name } 후보를 위로 이동
ballot-js-down = 아래로
ballot-js-down-label = { $name } 후보를 아래로 이동
ballot-js-added = { $name } 후보를 { $rank }순위에 추가함
ballot-js-moved = { $name } 후보를 { $rank }순위로 이동함
ballot-js-removed = { $name } 후보를 순위에서 제거함
ballot-js-at-top = { $name } 후보는 이미 1순위입니다
ballot-js-at-bottom = { $name } 후보는 이미 맨 마지막입니다
ballot-js-limit = 최대 { $max }명까지 순위를 매길 수 있습니다

ballot-error-summary-title = 투표지를 확인해야 합니다
ballot-error-summary-intro = 아무것도 제출되지 않았습니다. 다음을 고친 뒤 투표지를 다시 검토하세요:
ballot-error-in-question = 질문 { $number }: { $message }
ballot-error-no-choice = 선택지 하나를 고르거나 이 질문에 기권하세요.
ballot-error-abstain-and-answer = 기권을 선택했지만 선택지도 표시했습니다. 선택을 지우거나 “이 질문에 기권” 표시를 해제하세요.
ballot-error-several-choices = 선택지를 하나만 고르세요.
ballot-error-unknown-option = 투표지에 없는 선택지(“{ $value }”)가 지정되었습니다. 페이지를 새로 고쳐 다시 작성하세요.
ballot-error-withdrawn = { $name } 후보는 사퇴하여 더 이상 선택할 수 없습니다.
ballot-error-repeated = 보낸 내용에 { $name } 후보가 두 번 들어 있습니다. 페이지를 새로 고쳐 다시 작성하세요.
ballot-error-rank-not-number = { $name } 후보의 순위는 “{ $value }”가 아니라 정수여야 합니다.
ballot-error-score-not-number = { $name } 후보의 점수는 “{ $value }”가 아니라 정수여야 합니다.
ballot-error-rank-out-of-range = { $name } 후보의 순위는 { $value }가 아니라 1부터 { $max } 사이여야 합니다.
ballot-error-score-out-of-range = { $name } 후보의 점수는 { $value }가 아니라 { $min }부터 { $max } 사이여야 합니다.
ballot-error-equal-ranks = { $names } 후보가 모두 { $rank }순위입니다. 후보마다 다른 숫자를 적으세요.
ballot-error-too-few = { $min ->
   *[other] 선택지를 최소 { $min }개 승인하거나 기권하세요.
}
ballot-error-too-many = { $max ->
   *[other] 선택지는 최대 { $max }개까지 승인하세요.
}
ballot-error-too-many-ranked = { $max ->
   *[other] 최대 { $max }명까지만 순위를 매기세요.
}
ballot-error-other = 이 답변은 받아들일 수 없습니다: { $detail }
ballot-error-unknown-field = 양식에 이 투표지에 속하지 않는 내용이 있었습니다. 페이지를 새로 고쳐 다시 작성하세요.

ballot-confirm-title = 투표지 확인
ballot-confirm-intro = 투표지가 아직 제출되지 않았습니다. 선택을 확인한 뒤 투표지를 제출하거나 변경하세요.
ballot-confirm-question = 질문 { $number }:
ballot-confirm-abstain = 이 질문에 기권합니다.
ballot-confirm-choice = 선택:
ballot-confirm-approved-none = 어떤 선택지도 승인하지 않습니다.
ballot-confirm-approved = { $count ->
   *[other] 다음 { $count }개의 선택지를 승인합니다:
}
ballot-confirm-scores-none = 어떤 선택지에도 점수를 주지 않았습니다.
ballot-confirm-scores = { $blank ->
    [0] 내 점수:
   *[other] 내 점수 (점수 없는 선택지 { $blank }개):
}
ballot-confirm-ranking = { $unranked ->
    [0] 내 순위 (1순위부터):
   *[other] 내 순위 (1순위부터, 순위 없는 후보 { $unranked }명):
}
ballot-confirm-equal = 동순위
ballot-confirm-secret = 투표지를 제출하면 즉시 봉인됩니다. 이 서버를 운영하는 사람을 포함해 누구도 혼자서는 읽을 수 없습니다.
ballot-confirm-cast = 이 투표지 제출
ballot-confirm-change = 투표지 변경

ballot-receipt-title = 투표지가 제출되었습니다
ballot-receipt-code-label = 접수 코드
ballot-receipt-keep = 적어 두거나 저장하세요.
ballot-receipt-proves-title = 이 코드가 보여 주는 것
ballot-receipt-proves = 이 코드는 봉인된 투표지에서 계산됩니다. 투표지가 기록되었고 집계된 투표지에 포함되었는지 확인할 수 있습니다.
ballot-receipt-not-title = 보여 주지 않는 것
ballot-receipt-not = 이 코드는 어떻게 투표했는지 드러내지 않으며 누구에게도 그것을 증명할 수 없습니다. 누구도 이 코드로 표를 사거나 확인할 수 없습니다.
ballot-receipt-revote = 선거가 진행 중인 동안 다시 투표할 수 있습니다. 마지막 투표지만 집계되며 새 코드를 받습니다.
ballot-receipt-no-revote = 이 선거는 제출한 투표지의 변경을 허용하지 않습니다.
ballot-preview-note = 미리 보기입니다. 아무것도 기록되지 않았으며 아래 코드는 예시입니다.
