election-state-label = Trạng thái
election-state-draft = Đang chuẩn bị
election-state-ready = Đã lên lịch
election-state-open = Đang mở bỏ phiếu
election-state-closed = Đã đóng bỏ phiếu; sắp kiểm phiếu
election-state-counted = Đã kiểm phiếu; chưa công bố kết quả
election-state-published = Đã công bố kết quả
election-state-archived = Đã lưu trữ
election-window-title = Thời gian bỏ phiếu
election-window-opens = Mở
election-window-closes = Đóng
election-window-zones = Thời gian được ghi theo múi giờ của cuộc bầu cử ({ $election }), rồi theo múi giờ của bạn ({ $viewer }).
election-vote-title = Bỏ phiếu
election-vote-go = Đến lá phiếu của bạn
election-vote-how = Để bỏ phiếu, hãy mở liên kết bỏ phiếu cá nhân bạn đã nhận.
election-results-link = Xem kết quả
election-results-later = Kết quả được công bố sau khi kiểm phiếu. Trước đó không ai thấy kết quả tạm thời.
election-questions-title = Câu hỏi
election-question-position = Câu hỏi { $number } trên { $total }:
election-kind-choose-one = chọn một phương án.
election-kind-approval = tán thành các phương án bạn ủng hộ.
election-kind-support-oppose = ủng hộ, trung lập hoặc phản đối từng phương án.
election-kind-score = chấm điểm từng phương án.
election-kind-ranked = xếp hạng các ứng viên theo thứ tự ưu tiên.
election-method = Phương pháp kiểm phiếu: { $method }; { $seats ->
   *[other] { $seats } ghế.
}
election-turnout = { $eligible ->
   *[other] { $voted } trên { $eligible } cử tri đã bỏ phiếu.
}

voter-notice-back = Quay lại trang cuộc bầu cử
voter-notice-sign-in-title = Đăng nhập để bỏ phiếu
voter-notice-sign-in = Lá phiếu này cần liên kết bỏ phiếu cá nhân của bạn cho cuộc bầu cử này. Hãy mở liên kết bạn đã nhận.
voter-notice-wrong-election = Bạn đang đăng nhập cho một cuộc bầu cử khác. Hãy mở liên kết bỏ phiếu bạn nhận cho cuộc bầu cử này.
voter-notice-revoked = Liên kết bỏ phiếu này đã bị thu hồi. Hãy xin ban tổ chức một liên kết mới.
voter-notice-not-open-title = Chưa mở bỏ phiếu
voter-notice-not-yet = Cuộc bỏ phiếu chưa bắt đầu. Sẽ mở vào { $opens }.
voter-notice-closed = Cuộc bỏ phiếu đã đóng. Không thể bỏ hoặc thay đổi lá phiếu nữa.
voter-notice-already-voted-title = Bạn đã bỏ phiếu rồi
voter-notice-no-changes = Bạn đã bỏ phiếu, và cuộc bầu cử này không cho phép thay đổi lá phiếu đã bỏ.
voter-notice-revote = Bạn đã bỏ phiếu. Nếu bạn bỏ một lá phiếu mới, nó sẽ thay thế lá phiếu trước: chỉ lá phiếu cuối cùng được tính.
voter-notice-replaced = Lá phiếu này đã thay thế lá phiếu trước của bạn. Chỉ lá phiếu này được tính.
voter-notice-struck = Lá phiếu trước của bạn đã bị ban quản trị cuộc bầu cử hủy (lý do: { $reason }). Bạn có thể bỏ phiếu lại.
voter-notice-invalid = Lá phiếu của bạn không được chấp nhận: { $problem }
