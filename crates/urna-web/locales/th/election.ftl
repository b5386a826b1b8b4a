election-state-label = สถานะ
election-state-draft = กำลังเตรียมการ
election-state-ready = กำหนดการแล้ว
election-state-open = เปิดให้ลงคะแนน
election-state-closed = ปิดการลงคะแนนแล้ว เร็ว ๆ นี้จะนับคะแนน
election-state-counted = นับคะแนนแล้ว ยังไม่ประกาศผล
election-state-published = ประกาศผลแล้ว
election-state-archived = เก็บถาวรแล้ว
election-window-title = ช่วงเวลาลงคะแนน
election-window-opens = เปิด
election-window-closes = ปิด
election-window-zones = เวลาแสดงตามเขตเวลาของการเลือกตั้ง ({ $election }) แล้วตามเขตเวลาของคุณ ({ $viewer })
election-vote-title = ลงคะแนน
election-vote-go = ไปที่บัตรลงคะแนนของคุณ
election-vote-how = หากต้องการลงคะแนน ให้เปิดลิงก์ลงคะแนนส่วนตัวที่คุณได้รับ
election-results-link = ดูผลการเลือกตั้ง
election-results-later = ผลจะประกาศหลังการนับคะแนน ก่อนหน้านั้นไม่มีใครเห็นผลบางส่วน
election-questions-title = คำถาม
election-question-position = คำถามที่ { $number } จาก { $total }:
election-kind-choose-one = เลือกหนึ่งตัวเลือก
election-kind-approval = รับรองตัวเลือกที่คุณสนับสนุน
election-kind-support-oppose = สนับสนุน เป็นกลาง หรือคัดค้านแต่ละตัวเลือก
election-kind-score = ให้คะแนนแต่ละตัวเลือก
election-kind-ranked = เรียงลำดับผู้สมัครตามความชอบ
election-method = วิธีนับคะแนน: { $method }; { $seats ->
   *[other] { $seats } ที่นั่ง
}
election-turnout = { $eligible ->
   *[other] ลงคะแนนแล้ว { $voted } จากผู้มีสิทธิ์ { $eligible } คน
}

voter-notice-back = กลับไปหน้าการเลือกตั้ง
voter-notice-sign-in-title = เข้าสู่ระบบเพื่อลงคะแนน
voter-notice-sign-in = บัตรนี้ต้องใช้ลิงก์ลงคะแนนส่วนตัวของคุณสำหรับการเลือกตั้งนี้ เปิดลิงก์ที่คุณได้รับ
voter-notice-wrong-election = คุณเข้าสู่ระบบไว้สำหรับการเลือกตั้งอื่น เปิดลิงก์ลงคะแนนที่ได้รับสำหรับการเลือกตั้งนี้
voter-notice-revoked = ลิงก์ลงคะแนนนี้ถูกเพิกถอนแล้ว ขอลิงก์ใหม่จากผู้จัดการเลือกตั้ง
voter-notice-not-open-title = ยังไม่เปิดลงคะแนน
voter-notice-not-yet = การลงคะแนนยังไม่เริ่ม จะเปิด { $opens }
voter-notice-closed = ปิดการลงคะแนนแล้ว ไม่สามารถลงหรือเปลี่ยนบัตรได้อีก
voter-notice-already-voted-title = คุณลงคะแนนแล้ว
voter-notice-no-changes = คุณลงคะแนนแล้ว และการเลือกตั้งนี้ไม่อนุญาตให้เปลี่ยนบัตรที่ลงไปแล้ว
voter-notice-revote = คุณลงคะแนนแล้ว หากลงบัตรใหม่ บัตรใหม่จะแทนที่บัตรเดิม นับเฉพาะบัตรใบสุดท้าย
voter-notice-replaced = บัตรนี้แทนที่บัตรเดิมของคุณแล้ว จะนับเฉพาะบัตรนี้
voter-notice-struck = ผู้ดูแลการเลือกตั้งได้ยกเลิกบัตรเดิมของคุณ (เหตุผล: { $reason }) คุณลงคะแนนใหม่ได้
voter-notice-invalid = บัตรของคุณไม่ได้รับการยอมรับ: { $problem }
