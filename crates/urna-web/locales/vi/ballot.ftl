ballot-title = Lá phiếu của bạn
ballot-intro = Hãy trả lời từng câu hỏi, hoặc chọn không bỏ phiếu cho câu đó. Chưa có gì được bỏ: bạn sẽ thấy lại lựa chọn trước khi bỏ phiếu.
ballot-question-position = Câu hỏi { $number } trên { $total }
ballot-list-separator = {", "}
ballot-abstain = Không bỏ phiếu cho câu hỏi này
ballot-withdrawn = Đã rút lui, không còn ứng cử: { $names }
ballot-review-help = Tiếp theo, bạn sẽ thấy lại các lựa chọn để kiểm tra trước khi bỏ phiếu.
ballot-review = Xem lại lá phiếu

ballot-instructions-choose-one = Chọn một phương án.
ballot-instructions-approval-exactly = { $count ->
   *[other] Tán thành đúng { $count } phương án.
}
ballot-instructions-approval-up-to = { $max ->
   *[other] Tán thành các phương án bạn muốn, tối đa { $max }. Bạn có thể không tán thành phương án nào.
}
ballot-instructions-approval-range = Tán thành ít nhất { $min } và nhiều nhất { $max } phương án.
ballot-instructions-score = Chấm mỗi phương án từ { $min } (kém nhất) đến { $max } (tốt nhất), hoặc để trống.
ballot-instructions-son = Với mỗi phương án, chọn Ủng hộ, Trung lập hoặc Phản đối, hoặc để không ý kiến.
ballot-instructions-ranked = Xếp hạng các ứng viên theo thứ tự ưu tiên: 1 cho lựa chọn đầu tiên, 2 cho lựa chọn thứ hai, v.v. Ứng viên để trống sẽ không được xếp hạng.
ballot-instructions-ranked-distinct = Cho mỗi ứng viên được xếp hạng một số khác nhau.
ballot-instructions-ranked-equal = Bạn có thể cho nhiều ứng viên cùng một số để xếp họ ngang hạng.
ballot-instructions-ranked-max = { $max ->
   *[other] Bạn có thể xếp hạng tối đa { $max } ứng viên.
}
ballot-instructions-ranked-js = Dùng “Thêm” để đưa ứng viên vào bảng xếp hạng, rồi “Lên” và “Xuống” để sắp xếp. Lựa chọn đầu tiên ở trên cùng. Phím mũi tên lên và xuống di chuyển giữa các nút.
ballot-rank-range = Nhập một số từ 1 đến { $max } bên cạnh mỗi ứng viên bạn xếp hạng.
ballot-score-blank = Không chấm điểm
ballot-son-support = Ủng hộ
ballot-son-neutral = Trung lập
ballot-son-oppose = Phản đối
ballot-son-blank = Không ý kiến

ballot-js-your-ranking = Bảng xếp hạng của bạn
ballot-js-empty = Bạn chưa xếp hạng ai.
ballot-js-candidates = Ứng viên chưa được xếp hạng
ballot-js-filter = Tìm ứng viên
ballot-js-filter-count = Đang hiển thị { $count } ứng viên
ballot-js-add = Thêm
ballot-js-add-label = Thêm { $name } vào bảng xếp hạng
ballot-js-remove = Bỏ
ballot-js-remove-label = Bỏ { $name } khỏi bảng xếp hạng
ballot-js-up = Lên
ballot-js-up-label = Chuyển { $name } lên
ballot-js-down = Xuống
ballot-js-down-label = Chuyển { $name } xuống
ballot-js-added = Đã thêm { $name } ở hạng { $rank }
ballot-js-moved = Đã chuyển { $name } đến hạng { $rank }
ballot-js-removed = Đã bỏ { $name } khỏi bảng xếp hạng
ballot-js-at-top = { $name } đã là lựa chọn đầu tiên của bạn
ballot-js-at-bottom = { $name } đã ở cuối bảng xếp hạng
ballot-js-limit = Bạn có thể xếp hạng tối đa { $max } ứng viên

ballot-error-summary-title = Lá phiếu của bạn cần được chỉnh sửa
ballot-error-summary-intro = Chưa có gì được bỏ. Hãy sửa những điều sau, rồi xem lại lá phiếu:
ballot-error-in-question = Câu hỏi { $number }: { $message }
ballot-error-no-choice = Hãy chọn một phương án, hoặc chọn không bỏ phiếu cho câu hỏi này.
ballot-error-abstain-and-answer = Bạn đã chọn không bỏ phiếu nhưng vẫn đánh dấu lựa chọn. Hãy xóa các lựa chọn, hoặc bỏ đánh dấu “Không bỏ phiếu cho câu hỏi này”.
ballot-error-several-choices = Chỉ chọn một phương án.
ballot-error-unknown-option = Lá phiếu có một phương án không nằm trong đó (“{ $value }”). Hãy tải lại trang và điền lại.
ballot-error-withdrawn = { $name } đã rút lui và không thể được chọn nữa.
ballot-error-repeated = { $name } xuất hiện hai lần trong dữ liệu gửi đi. Hãy tải lại trang và điền lại.
ballot-error-rank-not-number = Hạng của { $name } phải là số nguyên, không phải “{ $value }”.
ballot-error-score-not-number = Điểm của { $name } phải là số nguyên, không phải “{ $value }”.
ballot-error-rank-out-of-range = Hạng của { $name } phải từ 1 đến { $max }, không phải { $value }.
ballot-error-score-out-of-range = Điểm của { $name } phải từ { $min } đến { $max }, không phải { $value }.
ballot-error-equal-ranks = { $names } đều ở hạng { $rank }. Hãy cho mỗi ứng viên một số khác nhau.
ballot-error-too-few = { $min ->
   *[other] Hãy tán thành ít nhất { $min } phương án, hoặc chọn không bỏ phiếu.
}
ballot-error-too-many = { $max ->
   *[other] Hãy tán thành nhiều nhất { $max } phương án.
}
ballot-error-too-many-ranked = { $max ->
   *[other] Hãy xếp hạng tối đa { $max } ứng viên.
}
ballot-error-other = Không thể chấp nhận câu trả lời này: { $detail }
ballot-error-unknown-field = Biểu mẫu chứa nội dung không thuộc lá phiếu này. Hãy tải lại trang và điền lại.

ballot-confirm-title = Kiểm tra lá phiếu
ballot-confirm-intro = Lá phiếu của bạn chưa được bỏ. Hãy kiểm tra lựa chọn, rồi bỏ phiếu hoặc thay đổi.
ballot-confirm-question = Câu hỏi { $number }:
ballot-confirm-abstain = Bạn không bỏ phiếu cho câu hỏi này.
ballot-confirm-choice = Bạn đã chọn:
ballot-confirm-approved-none = Bạn không tán thành phương án nào.
ballot-confirm-approved = { $count ->
   *[other] Bạn tán thành { $count } phương án sau:
}
ballot-confirm-scores-none = Bạn không chấm điểm phương án nào.
ballot-confirm-scores = { $blank ->
    [0] Điểm của bạn:
   *[other] Điểm của bạn ({ $blank } phương án không chấm điểm):
}
ballot-confirm-ranking = { $unranked ->
    [0] Bảng xếp hạng của bạn, lựa chọn đầu tiên trước:
   *[other] Bảng xếp hạng của bạn, lựa chọn đầu tiên trước ({ $unranked } ứng viên không được xếp hạng):
}
ballot-confirm-equal = ngang hạng
ballot-confirm-secret = Ngay khi bạn bỏ phiếu, lá phiếu được niêm phong: không ai có thể tự mình đọc nó, kể cả những người vận hành máy chủ này.
ballot-confirm-cast = Bỏ lá phiếu này
ballot-confirm-change = Thay đổi lá phiếu

ballot-receipt-title = Lá phiếu của bạn đã được bỏ
ballot-receipt-code-label = Mã biên nhận của bạn
ballot-receipt-keep = Hãy ghi lại hoặc lưu mã này.
ballot-receipt-proves-title = Mã này cho thấy gì
ballot-receipt-proves = Mã được tính từ lá phiếu niêm phong của bạn. Nó giúp bạn kiểm tra rằng lá phiếu đã được ghi nhận và nằm trong số phiếu được đếm.
ballot-receipt-not-title = Mã này không cho thấy gì
ballot-receipt-not = Mã không tiết lộ bạn đã bầu thế nào và không thể chứng minh điều đó với ai: không ai có thể dùng nó để mua hoặc kiểm tra lá phiếu của bạn.
ballot-receipt-revote = Khi cuộc bầu cử còn mở, bạn có thể bỏ phiếu lại. Chỉ lá phiếu cuối cùng được tính, và nó nhận một mã mới.
ballot-receipt-no-revote = Cuộc bầu cử này không cho phép thay đổi lá phiếu đã bỏ.
ballot-preview-note = Đây là bản xem trước: không có gì được ghi nhận, và mã dưới đây chỉ là ví dụ.
