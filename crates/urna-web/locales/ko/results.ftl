results-title = 결과
results-summary = 개표 방식: { $method }. 의석: { $seats }. 집계된 투표지: { $ballots }.
results-set-aside = { $count ->
   *[other] 투표지 { $count }장을 읽을 수 없어 따로 두었습니다.
}
results-elected = 당선
results-none-elected = 당선된 사람이 없습니다.
results-ranking = 순위
results-chart-title = 개표 마지막 단계의 득표
results-quota = 당선 기수
results-rounds = 단계별 개표
results-stage = 단계
results-action = 처리
results-non-transferable = 이양 불가
results-download = 익명화된 투표지
results-download-blt = BLT로 내려받기
results-download-csv = CSV로 내려받기
