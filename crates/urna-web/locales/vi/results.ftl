results-title = Kết quả
results-summary = Phương pháp kiểm phiếu: { $method }. Số ghế: { $seats }. Số phiếu được đếm: { $ballots }.
results-set-aside = { $count ->
   *[other] { $count } lá phiếu không đọc được và đã được để riêng.
}
results-elected = Trúng cử
results-none-elected = Không ai trúng cử.
results-ranking = Thứ hạng
results-chart-title = Số phiếu ở vòng cuối của cuộc kiểm phiếu
results-quota = Hạn ngạch
results-rounds = Kiểm phiếu theo từng vòng
results-stage = Vòng
results-action = Thao tác
results-non-transferable = Không chuyển được
results-download = Lá phiếu đã ẩn danh
results-download-blt = Tải về dạng BLT
results-download-csv = Tải về dạng CSV
