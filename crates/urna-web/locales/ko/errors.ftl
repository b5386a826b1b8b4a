error-status = 오류 { $status }
error-back-home = 홈으로 돌아가기
error-not-found-title = 페이지를 찾을 수 없습니다
error-not-found-detail = 이 주소에는 아무것도 없습니다. 링크를 확인하거나 홈에서 다시 시작하세요.
error-method-not-allowed-title = 여기서는 허용되지 않습니다
error-method-not-allowed-detail = 이 페이지는 그런 방식으로 사용할 수 없습니다.
error-bad-request-title = 요청을 읽을 수 없습니다
error-bad-request-detail = 보낸 내용에 빠진 부분이 있거나 형식이 잘못되었습니다. 돌아가서 양식을 확인한 뒤 다시 시도하세요.
error-csrf-title = 이 양식을 받아들일 수 없습니다
error-csrf-detail = 양식이 만료되었거나 다른 사이트에서 전송되었습니다. 돌아가서 페이지를 새로 고친 뒤 다시 시도하세요.
error-rate-limited-title = 시도 횟수가 너무 많습니다
error-rate-limited-detail = { $seconds ->
   *[other] { $seconds }초 기다린 뒤 다시 시도하세요.
}
error-payload-too-large-title = 데이터가 너무 많습니다
error-payload-too-large-detail = 보낸 내용이 이 서버가 받을 수 있는 크기보다 큽니다.
error-timeout-title = 시간이 너무 오래 걸렸습니다
error-timeout-detail = 서버가 제시간에 응답하지 못했습니다. 잠시 후 다시 시도하세요.
error-internal-title = 문제가 발생했습니다
error-internal-detail = 서버가 요청을 완료하지 못했습니다. 아무것도 변경되지 않았습니다. 잠시 후 다시 시도하세요.
