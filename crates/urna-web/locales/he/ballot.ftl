ballot-title = הפתק שלך
ballot-intro = יש לענות על כל שאלה או לבחור להימנע. עדיין לא הוגש דבר: הבחירות שלך יוצגו שוב לפני ההגשה.
ballot-question-position = שאלה { $number } מתוך { $total }
ballot-list-separator = {", "}
ballot-abstain = הימנעות בשאלה הזאת
ballot-withdrawn = פרשו, אינם מתמודדים עוד: { $names }
ballot-review-help = בשלב הבא הבחירות שלך יוצגו שוב כדי לבדוק אותן לפני הגשת הפתק.
ballot-review = עיון בפתק שלי

ballot-instructions-choose-one = יש לבחור אפשרות אחת.
ballot-instructions-approval-exactly = { $count ->
    [one] יש לאשר בדיוק אפשרות אחת.
    [two] יש לאשר בדיוק שתי אפשרויות.
   *[other] יש לאשר בדיוק { $count } אפשרויות.
}
ballot-instructions-approval-up-to = { $max ->
    [one] אפשר לאשר אפשרות אחת לכל היותר. מותר לא לאשר אף אחת.
   *[other] אפשר לאשר כל אפשרות, עד { $max } לכל היותר. מותר לא לאשר אף אחת.
}
ballot-instructions-approval-range = יש לאשר לפחות { $min } ולכל היותר { $max } אפשרויות.
ballot-instructions-score = יש לתת לכל אפשרות ציון מ־{ $min } (הגרוע ביותר) עד { $max } (הטוב ביותר), או להשאיר בלי ציון.
ballot-instructions-son = לכל אפשרות יש לבחור בעד, ניטרלי או נגד, או להשאיר בלי דעה.
ballot-instructions-ranked = יש לדרג את המועמדים לפי סדר העדפה: 1 לבחירה הראשונה, 2 לשנייה וכן הלאה. מועמדים שנשארו ריקים אינם מדורגים.
ballot-instructions-ranked-distinct = יש לתת לכל מועמד מדורג מספר שונה.
ballot-instructions-ranked-equal = אפשר לתת לכמה מועמדים אותו מספר כדי לדרג אותם באופן שווה.
ballot-instructions-ranked-max = { $max ->
    [one] אפשר לדרג מועמד אחד בלבד.
   *[other] אפשר לדרג { $max } מועמדים לכל היותר.
}
ballot-instructions-ranked-js = יש להשתמש ב„הוספה” כדי להכניס מועמדים לדירוג, ואז ב„למעלה” ו„למטה” כדי לסדר אותו. הבחירה הראשונה נמצאת למעלה. מקשי החיצים למעלה ולמטה עוברים בין הכפתורים.
ballot-rank-range = יש להקליד מספר מ־1 עד { $max } ליד כל מועמד שמדרגים.
ballot-score-blank = בלי ציון
ballot-son-support = בעד
ballot-son-neutral = ניטרלי
ballot-son-oppose = נגד
ballot-son-blank = בלי דעה

ballot-js-your-ranking = הדירוג שלך
ballot-js-empty = עוד לא דירגת אף אחד.
ballot-js-candidates = מועמדים שטרם דורגו
ballot-js-filter = חיפוש מועמד
ballot-js-filter-count = מוצגים { $count } מועמדים
ballot-js-add = הוספה
ballot-js-add-label = הוספת { $name } לדירוג
ballot-js-remove = הסרה
ballot-js-remove-label = הסרת { $name } מהדירוג
ballot-js-up = למעלה
ballot-js-up-label = הזזת { $name } למעלה
ballot-js-down = למטה
ballot-js-down-label = הזזת { $name } למטה
ballot-js-added = { $name } נוסף/ה במקום { $rank }
ballot-js-moved = { $name } הוזז/ה למקום { $rank }
ballot-js-removed = { $name } הוסר/ה מהדירוג
ballot-js-at-top = { $name } כבר הבחירה הראשונה שלך
ballot-js-at-bottom = { $name } כבר אחרון/ה בדירוג שלך
ballot-js-limit = אפשר לדרג { $max } מועמדים לכל היותר

ballot-error-summary-title = הפתק שלך דורש תשומת לב
ballot-error-summary-intro = שום דבר לא הוגש. יש לתקן את הדברים הבאים ולעיין שוב בפתק:
ballot-error-in-question = שאלה { $number }: { $message }
ballot-error-no-choice = יש לבחור אפשרות, או לבחור להימנע בשאלה הזאת.
ballot-error-abstain-and-answer = בחרת להימנע אבל גם סימנת בחירות. יש למחוק את הבחירות או לבטל את הסימון „הימנעות בשאלה הזאת”.
ballot-error-several-choices = יש לבחור אפשרות אחת בלבד.
ballot-error-unknown-option = הפתק ציין אפשרות שאינה מופיעה בו („{ $value }”). יש לרענן את הדף ולמלא אותו שוב.
ballot-error-withdrawn = { $name } פרש/ה ואי אפשר עוד לבחור בו/בה.
ballot-error-repeated = { $name } מופיע/ה פעמיים במה שנשלח. יש לרענן את הדף ולמלא אותו שוב.
ballot-error-rank-not-number = הדירוג של { $name } חייב להיות מספר שלם, לא „{ $value }”.
ballot-error-score-not-number = הציון של { $name } חייב להיות מספר שלם, לא „{ $value }”.
ballot-error-rank-out-of-range = הדירוג של { $name } חייב להיות בין 1 ל־{ $max }, לא { $value }.
ballot-error-score-out-of-range = הציון של { $name } חייב להיות בין { $min } ל־{ $max }, לא { $value }.
ballot-error-equal-ranks = ל־{ $names } יש אותו דירוג { $rank }. יש לתת לכל מועמד מספר שונה.
ballot-error-too-few = { $min ->
    [one] יש לאשר לפחות אפשרות אחת, או לבחור להימנע.
   *[other] יש לאשר לפחות { $min } אפשרויות, או לבחור להימנע.
}
ballot-error-too-many = { $max ->
    [one] יש לאשר אפשרות אחת לכל היותר.
   *[other] יש לאשר { $max } אפשרויות לכל היותר.
}
ballot-error-too-many-ranked = { $max ->
    [one] יש לדרג מועמד אחד בלבד.
   *[other] יש לדרג { $max } מועמדים לכל היותר.
}
ballot-error-other = אי אפשר לקבל את התשובה הזאת: { $detail }
ballot-error-unknown-field = הטופס הכיל משהו שאינו שייך לפתק הזה. יש לרענן את הדף ולמלא אותו שוב.

ballot-confirm-title = בדיקת הפתק שלך
ballot-confirm-intro = הפתק שלך עדיין לא הוגש. יש לבדוק את הבחירות, ואז להגיש את הפתק או לשנות אותו.
ballot-confirm-question = שאלה { $number }:
ballot-confirm-abstain = בחרת להימנע בשאלה הזאת.
ballot-confirm-choice = בחרת:
ballot-confirm-approved-none = לא אישרת אף אחת מהאפשרויות.
ballot-confirm-approved = { $count ->
    [one] אישרת את האפשרות הזאת:
   *[other] אישרת את { $count } האפשרויות האלה:
}
ballot-confirm-scores-none = לא נתת ציון לאף אפשרות.
ballot-confirm-scores = { $blank ->
    [0] הציונים שלך:
    [one] הציונים שלך (אפשרות אחת נשארה בלי ציון):
   *[other] הציונים שלך ({ $blank } אפשרויות נשארו בלי ציון):
}
ballot-confirm-ranking = { $unranked ->
    [0] הדירוג שלך, מהבחירה הראשונה:
    [one] הדירוג שלך, מהבחירה הראשונה (מועמד אחד לא דורג):
   *[other] הדירוג שלך, מהבחירה הראשונה ({ $unranked } מועמדים לא דורגו):
}
ballot-confirm-equal = בדירוג שווה
ballot-confirm-secret = ברגע שהפתק מוגש הוא נחתם מיד: איש אינו יכול לקרוא אותו לבדו, גם לא מי שמפעילים את השרת הזה.
ballot-confirm-cast = הגשת הפתק הזה
ballot-confirm-change = שינוי הפתק שלי

ballot-receipt-title = הפתק שלך הוגש
ballot-receipt-code-label = קוד הקבלה שלך
ballot-receipt-keep = כדאי לרשום או לשמור אותו.
ballot-receipt-proves-title = מה הקוד הזה מראה
ballot-receipt-proves = הקוד מחושב מהפתק החתום שלך. בעזרתו אפשר לבדוק שהפתק נרשם ושהוא בין הפתקים שנספרו.
ballot-receipt-not-title = מה הוא אינו מראה
ballot-receipt-not = הקוד אינו חושף איך הצבעת ואינו יכול להוכיח זאת לאיש: אף אחד לא יכול להשתמש בו כדי לקנות את הקול שלך או לבדוק אותו.
ballot-receipt-revote = כל עוד הבחירות פתוחות אפשר להצביע שוב. רק הפתק האחרון נספר, והוא מקבל קוד חדש.
ballot-receipt-no-revote = הבחירות האלה אינן מתירות לשנות פתק לאחר שהוגש.
ballot-preview-note = זוהי תצוגה מקדימה: שום דבר לא נרשם, והקוד שלהלן הוא דוגמה.
