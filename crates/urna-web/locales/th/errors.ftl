error-status = ข้อผิดพลาด { $status }
error-back-home = กลับไปหน้าแรก
error-not-found-title = ไม่พบหน้านี้
error-not-found-detail = ไม่มีอะไรอยู่ที่ที่อยู่นี้ ตรวจสอบลิงก์ หรือเริ่มใหม่จากหน้าแรก
error-method-not-allowed-title = ไม่อนุญาตที่นี่
error-method-not-allowed-detail = ใช้หน้านี้ด้วยวิธีนั้นไม่ได้
error-bad-request-title = อ่านคำขอไม่ได้
error-bad-request-detail = ข้อมูลที่ส่งมามีบางส่วนขาดหายหรือผิดรูปแบบ ย้อนกลับไปตรวจสอบแบบฟอร์มแล้วลองอีกครั้ง
error-csrf-title = รับแบบฟอร์มนี้ไม่ได้
error-csrf-detail = แบบฟอร์มหมดอายุหรือถูกส่งมาจากเว็บไซต์อื่น ย้อนกลับ โหลดหน้าใหม่ แล้วลองอีกครั้ง
error-rate-limited-title = ลองหลายครั้งเกินไป
error-rate-limited-detail = { $seconds ->
   *[other] รอ { $seconds } วินาที แล้วลองอีกครั้ง
}
error-payload-too-large-title = ข้อมูลมากเกินไป
error-payload-too-large-detail = ข้อมูลที่ส่งมามีขนาดใหญ่กว่าที่เซิร์ฟเวอร์นี้รับได้
error-timeout-title = ใช้เวลานานเกินไป
error-timeout-detail = เซิร์ฟเวอร์ตอบกลับไม่ทันเวลา ลองอีกครั้งในอีกสักครู่
error-internal-title = เกิดข้อผิดพลาด
error-internal-detail = เซิร์ฟเวอร์ดำเนินการตามคำขอของคุณไม่สำเร็จ ไม่มีสิ่งใดเปลี่ยนแปลง ลองอีกครั้งในอีกสักครู่
