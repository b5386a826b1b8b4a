//! Faults: the database goes away while a voter casts. The voter gets the translated "try
//! again" page (503) and no receipt, in English, Arabic and Chinese; once the database is back
//! the same cast succeeds and exactly one ballot is stored, the one whose receipt was shown.
//!
//! PostgreSQL only (`URNA_TEST_PG_URL`; skipped with a message when unset): the test makes its
//! own database and takes it away honestly, as an operator or a failover would: `ALTER
//! DATABASE … ALLOW_CONNECTIONS false` refuses new connections and `pg_terminate_backend`
//! ends the open ones.

use std::str::FromStr;
use std::time::{Duration, Instant};

use axum::http::StatusCode;
use sqlx::Connection;
use sqlx::postgres::{PgConnectOptions, PgConnection};

use crate::helpers::{TestApp, TestResponse};
use crate::voter::{open_election, sign_in};

const PG_URL_VAR: &str = "URNA_TEST_PG_URL";

async fn admin_sql(admin: &mut PgConnection, sql: String) {
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .execute(admin)
        .await
        .expect("administrative statement");
}

/// Refuses new connections to `name` and ends every open one.
async fn take_away(admin: &mut PgConnection, name: &str) {
    admin_sql(
        admin,
        format!("ALTER DATABASE {name} ALLOW_CONNECTIONS false"),
    )
    .await;
    admin_sql(
        admin,
        format!(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = '{name}' AND pid <> pg_backend_pid()"
        ),
    )
    .await;
}

fn receipt_shown(page: &TestResponse) -> bool {
    page.body.contains("id=\"receipt-code\"")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_voter_whose_database_is_down_is_told_to_try_again_and_then_votes_once() {
    let Ok(admin_url) = std::env::var(PG_URL_VAR) else {
        eprintln!("SKIPPED: set {PG_URL_VAR} to run the database-unavailable test");
        return;
    };
    let name = format!(
        "urna_unavailable_{:016x}",
        getrandom::u64().expect("random")
    );
    let mut admin = PgConnection::connect(&admin_url).await.expect("admin");
    admin_sql(&mut admin, format!("CREATE DATABASE {name}")).await;
    let options = PgConnectOptions::from_str(&admin_url).expect("admin URL");
    let url = format!(
        "postgres://{}@{}:{}/{name}",
        options.get_username(),
        options.get_host(),
        options.get_port()
    );
    let database = urna_web::config::DatabaseUrl::parse(&url).expect("database URL");
    let app = TestApp::builder()
        .with_config(|config| config.database = Some(database))
        .build()
        .await;
    let (voters, _) = open_election(&app.db, "down", true).await;
    let browser = sign_in(&app, "down", voters[0], 1).await;
    let cast = |language: &'static str| {
        let headers = [
            ("cookie", browser.cookie.clone()),
            ("accept-language", language.to_owned()),
        ];
        let body = format!(
            "csrf_token={}&approve.logo=owl&rank.board.cleo=1&rank.board.ann=2&action=cast",
            browser.csrf
        );
        let app = &app;
        async move {
            let headers: Vec<(&str, &str)> =
                headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
            app.post_form("/elections/down/ballot/cast", &body, &headers)
                .await
        }
    };

    take_away(&mut admin, &name).await;
    // The translated "try again" page (locales/*/faults.ftl), and no receipt.
    for (language, words) in [
        ("en", "Please try again in a few minutes"),
        ("ar", "يُرجى المحاولة مرة أخرى بعد بضع دقائق"),
        ("zh", "请几分钟后再试"),
    ] {
        let page = cast(language).await;
        assert_eq!(
            page.status,
            StatusCode::SERVICE_UNAVAILABLE,
            "{language}: {}",
            page.body
        );
        assert!(page.body.contains(words), "{language}: {}", page.body);
        assert!(
            !receipt_shown(&page),
            "{language}: a receipt while the database is down"
        );
    }

    admin_sql(
        &mut admin,
        format!("ALTER DATABASE {name} ALLOW_CONNECTIONS true"),
    )
    .await;
    // The pool reconnects on demand; a few attempts may still meet connections it has not
    // yet noticed are gone, and each of those is the same "try again" page.
    let deadline = Instant::now() + Duration::from_secs(20);
    let receipt = loop {
        let page = cast("en").await;
        if page.status == StatusCode::OK {
            break page;
        }
        assert_eq!(
            page.status,
            StatusCode::SERVICE_UNAVAILABLE,
            "{}",
            page.body
        );
        assert!(Instant::now() < deadline, "the database did not come back");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(receipt_shown(&receipt), "{}", receipt.body);
    let start = receipt.body.find("id=\"receipt-code\"").expect("receipt");
    let open = receipt.body[start..].find('>').expect("tag end") + start + 1;
    let close = receipt.body[open..].find('<').expect("closing tag") + open;
    let code = &receipt.body[open..close];

    let election = urna_web::service::elections::load_election(&app.db, "down")
        .await
        .expect("election");
    let ballots = app
        .db
        .counted_ballots(election.row_id)
        .await
        .expect("ballots");
    assert_eq!(ballots.len(), 1, "exactly one ballot stored");
    assert_eq!(urna_core::token::receipt_code(&ballots[0].sealed), code);
    assert_eq!(
        urna_web::service::admin::turnout(&app.db, "down")
            .await
            .expect("turnout")
            .voted,
        1
    );

    app.db.close().await;
    admin_sql(&mut admin, format!("DROP DATABASE {name} WITH (FORCE)")).await;
}
