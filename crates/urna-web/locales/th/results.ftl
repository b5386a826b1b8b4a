results-title = ผลการเลือกตั้ง
results-summary = วิธีนับคะแนน: { $method } จำนวนที่นั่ง: { $seats } บัตรที่นับ: { $ballots }
results-set-aside = { $count ->
   *[other] มีบัตร { $count } ใบที่อ่านไม่ได้และถูกแยกไว้
}
results-elected = ได้รับเลือก
results-none-elected = ไม่มีผู้ได้รับเลือก
results-ranking = ลำดับ
results-chart-title = คะแนนในขั้นสุดท้ายของการนับ
results-quota = โควตา
results-rounds = การนับคะแนนทีละขั้น
results-stage = ขั้น
results-action = การดำเนินการ
results-non-transferable = โอนไม่ได้
results-download = บัตรที่ทำให้ไม่ระบุตัวตนแล้ว
results-download-blt = ดาวน์โหลดเป็น BLT
results-download-csv = ดาวน์โหลดเป็น CSV
