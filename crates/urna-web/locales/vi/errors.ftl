error-status = Lỗi { $status }
error-back-home = Quay về trang chủ
error-not-found-title = Không tìm thấy trang
error-not-found-detail = Không có gì ở địa chỉ này. Hãy kiểm tra liên kết, hoặc bắt đầu lại từ trang chủ.
error-method-not-allowed-title = Không được phép ở đây
error-method-not-allowed-detail = Không thể dùng trang này theo cách đó.
error-bad-request-title = Không đọc được yêu cầu
error-bad-request-detail = Dữ liệu gửi đi bị thiếu hoặc sai định dạng. Hãy quay lại, kiểm tra biểu mẫu và thử lại.
error-csrf-title = Không thể chấp nhận biểu mẫu này
error-csrf-detail = Biểu mẫu đã hết hạn hoặc được gửi từ trang khác. Hãy quay lại, tải lại trang và thử lại.
error-rate-limited-title = Quá nhiều lần thử
error-rate-limited-detail = { $seconds ->
   *[other] Hãy đợi { $seconds } giây rồi thử lại.
}
error-payload-too-large-title = Quá nhiều dữ liệu
error-payload-too-large-detail = Dữ liệu gửi đi lớn hơn mức máy chủ này chấp nhận.
error-timeout-title = Quá lâu
error-timeout-detail = Máy chủ không trả lời kịp. Hãy thử lại sau giây lát.
error-internal-title = Đã có lỗi xảy ra
error-internal-detail = Máy chủ không hoàn tất được yêu cầu của bạn. Không có gì thay đổi; hãy thử lại sau giây lát.
