error-status = שגיאה { $status }
error-back-home = חזרה לדף הבית
error-not-found-title = הדף לא נמצא
error-not-found-detail = אין כלום בכתובת הזאת. יש לבדוק את הקישור או להתחיל מחדש מדף הבית.
error-method-not-allowed-title = לא מותר כאן
error-method-not-allowed-detail = אי אפשר להשתמש בדף הזה בדרך הזאת.
error-bad-request-title = לא ניתן היה לקרוא את הבקשה
error-bad-request-detail = משהו במה שנשלח חסר או פגום. יש לחזור, לבדוק את הטופס ולנסות שוב.
error-csrf-title = לא ניתן היה לקבל את הטופס
error-csrf-detail = תוקף הטופס פג או שהוא נשלח מאתר אחר. יש לחזור, לרענן את הדף ולנסות שוב.
error-rate-limited-title = יותר מדי ניסיונות
error-rate-limited-detail = { $seconds ->
    [one] יש להמתין שנייה אחת ולנסות שוב.
    [two] יש להמתין שתי שניות ולנסות שוב.
   *[other] יש להמתין { $seconds } שניות ולנסות שוב.
}
error-payload-too-large-title = יותר מדי נתונים
error-payload-too-large-detail = מה שנשלח גדול ממה שהשרת הזה מקבל.
error-timeout-title = זה לקח יותר מדי זמן
error-timeout-detail = השרת לא הספיק לענות בזמן. אפשר לנסות שוב בעוד רגע.
error-internal-title = משהו השתבש
error-internal-detail = השרת לא הצליח להשלים את הבקשה. שום דבר לא שונה; אפשר לנסות שוב בעוד רגע.
