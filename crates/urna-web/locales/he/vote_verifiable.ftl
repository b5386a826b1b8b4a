verifiable-review-title = בדיקת הבחירות שלך
verifiable-encrypting = הפתק מוצפן בדפדפן הזה…
verifiable-encrypted = הפתק שלך מוצפן בדפדפן הזה. הבחירות שלך לא יצאו ממנו. אפשר להגיש אותו, או לבקר אותו קודם כדי לוודא שהוא מכיל את הבחירות שלך.
verifiable-tracker-label = קוד המעקב של הפתק המוצפן הזה
verifiable-cast = הגשת הפתק הזה
verifiable-audit = ביקורת הפתק הזה (הוא לא יוגש)
verifiable-change = שינוי הבחירות שלי
verifiable-audit-title = פתק שעבר ביקורת
verifiable-audit-ok = נבדק בדף הזה: הפתק המוצפן הזה מכיל בדיוק את הבחירות שמוצגות למעלה. הוא נזרק ולעולם לא יוגש; אפשר לשמור את הקובץ ולבדוק אותו בכל כלי אימות.
verifiable-audit-failed = הפתק שעבר ביקורת לא עמד בבדיקה: { $problem }. אין להגיש פתק מהדף הזה; יש להודיע למארגני הבחירות.
verifiable-audit-download = הורדת הפתק שעבר ביקורת (JSON)
verifiable-encrypt-again = הצפנה מחדש של הבחירות שלי
verifiable-invalid = אי אפשר להצפין את הפתק כפי שמולא: { $problem }
verifiable-abstain = הימנעות
verifiable-unavailable = הדפדפן הזה לא הצליח לטעון את סקריפט ההצפנה. כשתמשיך/י, השרת יצפין את הפתק במקומו.

verifiable-refused-title = הפתק לא התקבל
verifiable-refused-malformed = לא ניתן היה לקרוא את הפתק המוצפן ({ $problem }). שום דבר לא נשמר. יש לחזור לפתק ולנסות שוב.
verifiable-refused-wrong-election = הפתק המוצפן הזה נוצר לבחירות אחרות (או לבחירות האלה לפני ששונו). שום דבר לא נשמר. יש לחזור לפתק ולהצביע שוב.
verifiable-refused-proof = ההוכחות של הפתק המוצפן אינן תקינות ({ $problem }). שום דבר לא נשמר. יש לחזור לפתק ולהצביע שוב.
verifiable-refused-copied = הפתק הזה כבר הוגש על ידי מישהו אחר: מפתח ההרשאה שלו כבר שימש בבחירות האלה. שום דבר לא נשמר. יש לחזור לפתק ולהצביע שוב.

verifiable-receipt-tracker = קוד המעקב של הפתק שלך
verifiable-receipt-board = איתור הפתק שלך בלוח הציבורי
verifiable-receipt-inclusion = הפתק המוצפן שלך מופיע בלוח הציבורי בלי שמך. הוכחה שהוא כלול תהיה זמינה לאחר פרסום ראש העץ החתום הבא.
verifiable-sealed-by-voter = הפתק שלך הוצפן בדפדפן שלך.
verifiable-sealed-by-server = הפתק שלך הוצפן על ידי השרת, כי הדפדפן הזה לא הריץ את סקריפט ההצפנה.
