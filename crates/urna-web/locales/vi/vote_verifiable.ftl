verifiable-review-title = Kiểm tra lựa chọn của bạn
verifiable-encrypting = Đang mã hóa lá phiếu trong trình duyệt này…
verifiable-encrypted = Lá phiếu của bạn đã được mã hóa trong trình duyệt này. Lựa chọn của bạn chưa rời khỏi nó. Hãy bỏ phiếu, hoặc kiểm tra trước để chắc rằng nó chứa lựa chọn của bạn.
verifiable-tracker-label = Mã theo dõi của lá phiếu đã mã hóa này
verifiable-cast = Bỏ lá phiếu này
verifiable-audit = Kiểm tra lá phiếu này (sẽ không được bỏ)
verifiable-change = Thay đổi lựa chọn
verifiable-audit-title = Lá phiếu đã kiểm tra
verifiable-audit-ok = Đã kiểm tra trên trang này: lá phiếu mã hóa này chứa đúng các lựa chọn hiển thị ở trên. Nó đã bị hủy và sẽ không bao giờ được bỏ; bạn có thể giữ tệp và kiểm tra bằng bất kỳ công cụ xác minh nào.
verifiable-audit-failed = Lá phiếu được kiểm tra này không đạt: { $problem }. Đừng bỏ phiếu từ trang này; hãy báo cho ban tổ chức.
verifiable-audit-download = Tải lá phiếu đã kiểm tra (JSON)
verifiable-encrypt-again = Mã hóa lại lựa chọn của tôi
verifiable-invalid = Không thể mã hóa lá phiếu như đã điền: { $problem }
verifiable-abstain = Không bỏ phiếu
verifiable-unavailable = Trình duyệt này không tải được tập lệnh mã hóa. Khi bạn tiếp tục, máy chủ sẽ mã hóa lá phiếu thay bạn.

verifiable-refused-title = Lá phiếu không được chấp nhận
verifiable-refused-malformed = Không đọc được lá phiếu mã hóa ({ $problem }). Không có gì được lưu. Hãy quay lại lá phiếu và thử lại.
verifiable-refused-wrong-election = Lá phiếu mã hóa này được tạo cho một cuộc bầu cử khác (hoặc cho cuộc bầu cử này trước khi nó thay đổi). Không có gì được lưu. Hãy quay lại lá phiếu và bỏ phiếu lại.
verifiable-refused-proof = Các bằng chứng của lá phiếu mã hóa không khớp ({ $problem }). Không có gì được lưu. Hãy quay lại lá phiếu và bỏ phiếu lại.
verifiable-refused-copied = Lá phiếu này đã được người khác bỏ: khóa xác thực của nó đã được dùng trong cuộc bầu cử này. Không có gì được lưu. Hãy quay lại lá phiếu và bỏ phiếu lại.

verifiable-receipt-tracker = Mã theo dõi lá phiếu của bạn
verifiable-receipt-board = Tìm lá phiếu của bạn trên bảng công khai
verifiable-receipt-inclusion = Lá phiếu mã hóa của bạn xuất hiện trên bảng công khai mà không có tên bạn. Bằng chứng bao gồm sẽ có khi đầu cây có chữ ký tiếp theo được công bố.
verifiable-sealed-by-voter = Lá phiếu của bạn đã được mã hóa trong trình duyệt của bạn.
verifiable-sealed-by-server = Lá phiếu của bạn đã được máy chủ mã hóa, vì trình duyệt này không chạy tập lệnh mã hóa.
