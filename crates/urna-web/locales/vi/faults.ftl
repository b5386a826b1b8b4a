error-unavailable-title = Vui lòng thử lại sau vài phút
error-unavailable-detail = Hiện không thể kết nối đến cơ sở dữ liệu của cuộc bầu cử, nên những gì bạn gửi chưa được xác nhận. Khi chưa có biên nhận, đừng coi như lá phiếu đã được ghi: hãy quay lại sau vài phút và bỏ phiếu lại (nếu lá phiếu đã vào hòm phiếu, cuộc bầu cử sẽ cho bạn biết).
