ballot-title = บัตรลงคะแนนของคุณ
ballot-intro = ตอบทุกคำถาม หรือเลือกงดออกเสียง ยังไม่มีการลงบัตร คุณจะเห็นตัวเลือกของคุณอีกครั้งก่อนลงบัตร
ballot-question-position = คำถามที่ { $number } จาก { $total }
ballot-list-separator = {", "}
ballot-abstain = งดออกเสียงในคำถามนี้
ballot-withdrawn = ถอนตัวแล้ว ไม่ได้ลงสมัครอีกต่อไป: { $names }
ballot-review-help = ถัดไป คุณจะเห็นตัวเลือกของคุณอีกครั้งเพื่อตรวจก่อนลงบัตร
ballot-review = ตรวจทานบัตรของฉัน

ballot-instructions-choose-one = เลือกหนึ่งตัวเลือก
ballot-instructions-approval-exactly = { $count ->
   *[other] รับรองตัวเลือกจำนวน { $count } ตัวเลือกพอดี
}
ballot-instructions-approval-up-to = { $max ->
   *[other] รับรองตัวเลือกใดก็ได้ ไม่เกิน { $max } ตัวเลือก หรือไม่รับรองเลยก็ได้
}
ballot-instructions-approval-range = รับรองอย่างน้อย { $min } และไม่เกิน { $max } ตัวเลือก
ballot-instructions-score = ให้คะแนนแต่ละตัวเลือกตั้งแต่ { $min } (แย่ที่สุด) ถึง { $max } (ดีที่สุด) หรือเว้นไว้ไม่ให้คะแนน
ballot-instructions-son = สำหรับแต่ละตัวเลือก เลือกสนับสนุน เป็นกลาง หรือคัดค้าน หรือเว้นไว้โดยไม่แสดงความเห็น
ballot-instructions-ranked = เรียงลำดับผู้สมัครตามความชอบ: 1 สำหรับอันดับแรก 2 สำหรับอันดับสอง และต่อไปเรื่อย ๆ ผู้สมัครที่เว้นว่างไว้จะไม่ถูกจัดอันดับ
ballot-instructions-ranked-distinct = ให้ผู้สมัครที่จัดอันดับแต่ละคนมีหมายเลขต่างกัน
ballot-instructions-ranked-equal = คุณให้หมายเลขเดียวกันแก่ผู้สมัครหลายคนเพื่อจัดอันดับเท่ากันได้
ballot-instructions-ranked-max = { $max ->
   *[other] คุณจัดอันดับผู้สมัครได้ไม่เกิน { $max } คน
}
ballot-instructions-ranked-js = ใช้ “เพิ่ม” เพื่อนำผู้สมัครเข้าสู่อันดับของคุณ แล้วใช้ “เลื่อนขึ้น” และ “เลื่อนลง” เพื่อจัดลำดับ อันดับแรกอยู่บนสุด ปุ่มลูกศรขึ้นและลงใช้เลื่อนระหว่างปุ่ม
ballot-rank-range = พิมพ์ตัวเลขตั้งแต่ 1 ถึง { $max } ข้างผู้สมัครแต่ละคนที่คุณจัดอันดับ
ballot-score-blank = ไม่ให้คะแนน
ballot-son-support = สนับสนุน
ballot-son-neutral = เป็นกลาง
ballot-son-oppose = คัดค้าน
ballot-son-blank = ไม่แสดงความเห็น

ballot-js-your-ranking = อันดับของคุณ
ballot-js-empty = คุณยังไม่ได้จัดอันดับใคร
ballot-js-candidates = ผู้สมัครที่ยังไม่ได้จัดอันดับ
ballot-js-filter = ค้นหาผู้สมัคร
ballot-js-filter-count = แสดงผู้สมัคร { $count } คน
ballot-js-add = เพิ่ม
ballot-js-add-label = เพิ่ม { $name } ในอันดับของคุณ
ballot-js-remove = นำออก
ballot-js-remove-label = นำ { $name } ออกจากอันดับของคุณ
ballot-js-up = เลื่อนขึ้น
ballot-js-up-label = เลื่อน { $name } ขึ้น
ballot-js-down = เลื่อนลง
ballot-js-down-label = เลื่อน { $name } ลง
ballot-js-added = เพิ่ม { $name } ที่อันดับ { $rank } แล้ว
ballot-js-moved = ย้าย { $name } ไปที่อันดับ { $rank } แล้ว
ballot-js-removed = นำ { $name } ออกจากอันดับของคุณแล้ว
ballot-js-at-top = { $name } เป็นอันดับแรกของคุณอยู่แล้ว
ballot-js-at-bottom = { $name } อยู่ท้ายสุดในอันดับของคุณแล้ว
ballot-js-limit = คุณจัดอันดับผู้สมัครได้ไม่เกิน { $max } คน

ballot-error-summary-title = บัตรของคุณต้องแก้ไข
ballot-error-summary-intro = ยังไม่มีการลงบัตร แก้ไขรายการต่อไปนี้ แล้วตรวจทานบัตรอีกครั้ง:
ballot-error-in-question = คำถามที่ { $number }: { $message }
ballot-error-no-choice = เลือกหนึ่งตัวเลือก หรือเลือกงดออกเสียงในคำถามนี้
ballot-error-abstain-and-answer = คุณเลือกงดออกเสียงแต่ก็ทำเครื่องหมายตัวเลือกด้วย ล้างตัวเลือก หรือยกเลิกเครื่องหมาย “งดออกเสียงในคำถามนี้”
ballot-error-several-choices = เลือกเพียงตัวเลือกเดียว
ballot-error-unknown-option = บัตรระบุตัวเลือกที่ไม่มีในบัตร (“{ $value }”) โหลดหน้าใหม่แล้วกรอกอีกครั้ง
ballot-error-withdrawn = { $name } ถอนตัวแล้วและเลือกไม่ได้อีก
ballot-error-repeated = { $name } ปรากฏสองครั้งในข้อมูลที่ส่งมา โหลดหน้าใหม่แล้วกรอกอีกครั้ง
ballot-error-rank-not-number = อันดับของ { $name } ต้องเป็นจำนวนเต็ม ไม่ใช่ “{ $value }”
ballot-error-score-not-number = คะแนนของ { $name } ต้องเป็นจำนวนเต็ม ไม่ใช่ “{ $value }”
ballot-error-rank-out-of-range = อันดับของ { $name } ต้องอยู่ระหว่าง 1 ถึง { $max } ไม่ใช่ { $value }
ballot-error-score-out-of-range = คะแนนของ { $name } ต้องอยู่ระหว่าง { $min } ถึง { $max } ไม่ใช่ { $value }
ballot-error-equal-ranks = { $names } อยู่ที่อันดับ { $rank } ทั้งหมด ให้ผู้สมัครแต่ละคนมีหมายเลขต่างกัน
ballot-error-too-few = { $min ->
   *[other] รับรองอย่างน้อย { $min } ตัวเลือก หรือเลือกงดออกเสียง
}
ballot-error-too-many = { $max ->
   *[other] รับรองได้ไม่เกิน { $max } ตัวเลือก
}
ballot-error-too-many-ranked = { $max ->
   *[other] จัดอันดับผู้สมัครได้ไม่เกิน { $max } คน
}
ballot-error-other = รับคำตอบนี้ไม่ได้: { $detail }
ballot-error-unknown-field = แบบฟอร์มมีข้อมูลที่ไม่ใช่ของบัตรนี้ โหลดหน้าใหม่แล้วกรอกอีกครั้ง

ballot-confirm-title = ตรวจบัตรของคุณ
ballot-confirm-intro = บัตรของคุณยังไม่ถูกลง ตรวจตัวเลือกของคุณ แล้วลงบัตรหรือแก้ไข
ballot-confirm-question = คำถามที่ { $number }:
ballot-confirm-abstain = คุณงดออกเสียงในคำถามนี้
ballot-confirm-choice = คุณเลือก:
ballot-confirm-approved-none = คุณไม่รับรองตัวเลือกใดเลย
ballot-confirm-approved = { $count ->
   *[other] คุณรับรอง { $count } ตัวเลือกต่อไปนี้:
}
ballot-confirm-scores-none = คุณไม่ได้ให้คะแนนตัวเลือกใดเลย
ballot-confirm-scores = { $blank ->
    [0] คะแนนของคุณ:
   *[other] คะแนนของคุณ (ไม่ได้ให้คะแนน { $blank } ตัวเลือก):
}
ballot-confirm-ranking = { $unranked ->
    [0] อันดับของคุณ เริ่มจากอันดับแรก:
   *[other] อันดับของคุณ เริ่มจากอันดับแรก (ไม่ได้จัดอันดับ { $unranked } คน):
}
ballot-confirm-equal = อันดับเท่ากัน
ballot-confirm-secret = ทันทีที่คุณลงบัตร บัตรจะถูกผนึก ไม่มีใครอ่านได้เพียงลำพัง แม้แต่ผู้ดูแลเซิร์ฟเวอร์นี้
ballot-confirm-cast = ลงบัตรนี้
ballot-confirm-change = แก้ไขบัตรของฉัน

ballot-receipt-title = ลงบัตรของคุณแล้ว
ballot-receipt-code-label = รหัสใบรับของคุณ
ballot-receipt-keep = จดไว้หรือบันทึกไว้
ballot-receipt-proves-title = รหัสนี้แสดงอะไร
ballot-receipt-proves = รหัสคำนวณจากบัตรที่ผนึกของคุณ ใช้ตรวจได้ว่าบัตรของคุณถูกบันทึกและอยู่ในบัตรที่ถูกนับ
ballot-receipt-not-title = สิ่งที่รหัสไม่ได้แสดง
ballot-receipt-not = รหัสไม่เปิดเผยว่าคุณลงคะแนนอย่างไร และพิสูจน์เรื่องนี้ให้ใครไม่ได้ ไม่มีใครใช้รหัสนี้ซื้อหรือตรวจคะแนนของคุณได้
ballot-receipt-revote = ระหว่างที่การเลือกตั้งเปิดอยู่ คุณลงคะแนนใหม่ได้ จะนับเฉพาะบัตรใบสุดท้าย ซึ่งจะได้รหัสใหม่
ballot-receipt-no-revote = การเลือกตั้งนี้ไม่อนุญาตให้เปลี่ยนบัตรที่ลงไปแล้ว
ballot-preview-note = นี่คือตัวอย่าง ไม่มีการบันทึกใด ๆ และรหัสด้านล่างเป็นเพียงตัวอย่าง
