election-state-label = מצב
election-state-draft = בהכנה
election-state-ready = מתוכננות
election-state-open = פתוחות להצבעה
election-state-closed = ההצבעה נסגרה; הספירה בקרוב
election-state-counted = נספרו; התוצאות טרם פורסמו
election-state-published = התוצאות פורסמו
election-state-archived = בארכיון
election-window-title = תקופת ההצבעה
election-window-opens = פתיחה
election-window-closes = סגירה
election-window-zones = הזמנים מוצגים באזור הזמן של הבחירות ({ $election }), ואחר כך באזור הזמן שלך ({ $viewer }).
election-vote-title = הצבעה
election-vote-go = מעבר לפתק שלך
election-vote-how = כדי להצביע יש לפתוח את קישור ההצבעה האישי שקיבלת.
election-results-link = צפייה בתוצאות
election-results-later = התוצאות מתפרסמות אחרי הספירה. לפני כן איש אינו רואה תוצאות חלקיות.
election-questions-title = שאלות
election-question-position = שאלה { $number } מתוך { $total }:
election-kind-choose-one = יש לבחור אפשרות אחת.
election-kind-approval = יש לאשר את האפשרויות שבהן את/ה תומך/ת.
election-kind-support-oppose = יש לתמוך, להישאר ניטרלי או להתנגד לכל אפשרות.
election-kind-score = יש לתת ציון לכל אפשרות.
election-kind-ranked = יש לדרג את המועמדים לפי סדר העדפה.
election-method = שיטת הספירה: { $method }; { $seats ->
    [one] מושב אחד.
    [two] שני מושבים.
   *[other] { $seats } מושבים.
}
election-turnout = { $eligible ->
    [one] הצביעו { $voted } מתוך בוחר אחד.
   *[other] הצביעו { $voted } מתוך { $eligible } בוחרים.
}

voter-notice-back = חזרה לדף הבחירות
voter-notice-sign-in-title = כניסה להצבעה
voter-notice-sign-in = הפתק הזה דורש את קישור ההצבעה האישי שלך לבחירות האלה. יש לפתוח את הקישור שקיבלת.
voter-notice-wrong-election = נכנסת לבחירות אחרות. יש לפתוח את קישור ההצבעה שקיבלת לבחירות האלה.
voter-notice-revoked = קישור ההצבעה הזה בוטל. יש לבקש קישור חדש ממארגני הבחירות.
voter-notice-not-open-title = ההצבעה אינה פתוחה
voter-notice-not-yet = ההצבעה עוד לא התחילה. היא תיפתח ב־{ $opens }.
voter-notice-closed = ההצבעה נסגרה. אי אפשר עוד להגיש או לשנות פתקים.
voter-notice-already-voted-title = כבר הצבעת
voter-notice-no-changes = כבר הצבעת, והבחירות האלה אינן מתירות לשנות פתק לאחר שהוגש.
voter-notice-revote = כבר הצבעת. פתק חדש יחליף את הקודם: רק הפתק האחרון נספר.
voter-notice-replaced = הפתק הזה החליף את הפתק הקודם שלך. רק הוא ייספר.
voter-notice-struck = הפתק הקודם שלך נפסל על ידי מנהלי הבחירות (סיבה: { $reason }). אפשר להצביע שוב.
voter-notice-invalid = הפתק שלך לא התקבל: { $problem }
