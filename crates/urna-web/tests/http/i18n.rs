//! Language negotiation end to end: query, cookie, Accept-Language; direction; translated
//! errors.

use crate::helpers::TestApp;

#[tokio::test]
async fn accept_language_arabic_gives_rtl_and_arabic_text() {
    let app = TestApp::new().await;
    let page = app
        .get_with("/", &[("accept-language", "ar-EG,ar;q=0.9,en;q=0.5")])
        .await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains(r#"<html lang="ar" dir="rtl">"#),
        "{}",
        page.body
    );
    // locales/ar/voter.ftl: home-title.
    assert!(page.body.contains("انتخابات يمكن لمجتمعك أن يثق بها"));
    assert_eq!(page.header("content-language"), Some("ar"));
    let vary = page.header("vary").unwrap_or_default();
    assert!(vary.contains("Accept-Language"), "{vary}");
}

#[tokio::test]
async fn accept_language_chinese_gives_chinese_text_left_to_right() {
    let app = TestApp::new().await;
    let page = app
        .get_with("/vote", &[("accept-language", "zh-CN,zh;q=0.9")])
        .await;
    assert!(
        page.body.contains(r#"<html lang="zh" dir="ltr">"#),
        "{}",
        page.body
    );
    // locales/zh/voter.ftl: vote-title and vote-token-label.
    assert!(page.body.contains("登录投票"));
    assert!(page.body.contains("投票链接或投票码"));
}

#[tokio::test]
async fn unsupported_languages_fall_back_to_english_respecting_q_values() {
    let app = TestApp::new().await;
    // Swahili ships no translations.
    let swahili = app
        .get_with("/", &[("accept-language", "sw-KE, sw;q=0.9")])
        .await;
    assert!(swahili.body.contains(r#"<html lang="en" dir="ltr">"#));
    // Chinese is acceptable but less preferred than Arabic.
    let ranked = app
        .get_with("/", &[("accept-language", "sw, zh;q=0.4, ar;q=0.7")])
        .await;
    assert!(ranked.body.contains(r#"lang="ar""#));
}

#[tokio::test]
async fn the_switcher_choice_wins_and_is_remembered_in_a_cookie() {
    let app = TestApp::new().await;
    let switched = app
        .get_with("/?lang=zh", &[("accept-language", "ar")])
        .await;
    assert!(switched.body.contains(r#"<html lang="zh""#));
    let cookie = switched.header("set-cookie").expect("lang cookie");
    assert!(cookie.starts_with("lang=zh;"), "{cookie}");
    // Next visit: the cookie beats Accept-Language.
    let next = app
        .get_with("/vote", &[("cookie", "lang=zh"), ("accept-language", "ar")])
        .await;
    assert!(next.body.contains(r#"<html lang="zh""#));
    // The switcher lists each language in itself, marks the current one, and is plain links.
    assert!(
        next.body
            .contains(r#"<a href="?lang=ar" hreflang="ar" lang="ar" dir="rtl">العربية</a>"#),
        "{}",
        next.body
    );
    assert!(next.body.contains(
        r#"<a href="?lang=zh" hreflang="zh" lang="zh" dir="ltr" aria-current="true">中文</a>"#
    ));
    // An unknown ?lang= is ignored and sets no cookie.
    let unknown = app.get("/?lang=tlh").await;
    assert!(unknown.body.contains(r#"lang="en""#));
    assert!(unknown.header("set-cookie").is_none());
}

#[tokio::test]
async fn error_pages_are_translated() {
    let app = TestApp::new().await;
    let arabic = app
        .get_with("/no-such-page", &[("accept-language", "ar")])
        .await;
    assert_eq!(arabic.status, 404);
    assert!(arabic.body.contains(r#"dir="rtl""#));
    assert!(arabic.body.contains("الصفحة غير موجودة"));
    let chinese = app
        .get_with("/no-such-page", &[("accept-language", "zh")])
        .await;
    assert!(chinese.body.contains("找不到页面"));
}

#[tokio::test]
async fn hebrew_and_persian_pages_are_right_to_left_in_their_own_words() {
    let app = TestApp::new().await;
    let hebrew = app.get("/vote?lang=he").await;
    assert!(
        hebrew.body.contains(r#"<html lang="he" dir="rtl">"#),
        "{}",
        hebrew.body
    );
    // locales/he/voter.ftl: vote-title.
    assert!(hebrew.body.contains("כניסה להצבעה"));
    let persian = app
        .get_with("/", &[("accept-language", "fa-IR, fa;q=0.9")])
        .await;
    assert!(persian.body.contains(r#"<html lang="fa" dir="rtl">"#));
    // locales/fa/voter.ftl: home-title.
    assert!(
        persian
            .body
            .contains("انتخاباتی که یک جامعه می‌تواند به آن اعتماد کند")
    );
    let urdu = app.get("/?lang=ur").await;
    assert!(urdu.body.contains(r#"<html lang="ur" dir="rtl">"#));
}

#[tokio::test]
async fn regional_chinese_and_portuguese_follow_the_mediawiki_chain() {
    let app = TestApp::new().await;
    // zh-HK → zh-Hant (MessagesZh_hk.php); locales/zh-Hant/voter.ftl: vote-title.
    let hong_kong = app.get_with("/vote", &[("accept-language", "zh-HK")]).await;
    assert!(
        hong_kong
            .body
            .contains(r#"<html lang="zh-Hant" dir="ltr">"#),
        "{}",
        hong_kong.body
    );
    assert!(hong_kong.body.contains("登入以投票"));
    // pt-BR → pt.
    let brazil = app.get_with("/", &[("accept-language", "pt-BR")]).await;
    assert!(brazil.body.contains(r#"<html lang="pt" dir="ltr">"#));
    // The switcher names each language in itself.
    for autonym in [
        "Deutsch",
        "Русский",
        "日本語",
        "한국어",
        "עברית",
        "हिन्दी",
        "ไทย",
    ] {
        assert!(brazil.body.contains(autonym), "switcher lacks {autonym}");
    }
}
