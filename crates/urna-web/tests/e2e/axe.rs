//! Accessibility checks with axe-core (the npm package, pinned in `tests/axe/package.json` and
//! installed by `scripts/test`), injected into the page the browser shows. A page passes when
//! axe finds no violation of impact "serious" or "critical" among the WCAG 2.1 A and AA rules
//! and its best practices.
//!
//! Without the package the checks print "SKIPPED" and pass, except under CI (`CI` set), where
//! a skip would hide a broken set-up.

use std::sync::OnceLock;

use serde::Deserialize;
use thirtyfour::prelude::*;

/// axe's source, read once; `None` when the package is not installed (outside CI).
fn axe_source() -> Option<&'static str> {
    static SOURCE: OnceLock<Option<String>> = OnceLock::new();
    SOURCE
        .get_or_init(|| {
            let path = concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/axe/node_modules/axe-core/axe.min.js"
            );
            match std::fs::read_to_string(path) {
                Ok(source) => Some(source),
                Err(e) => {
                    assert!(
                        std::env::var_os("CI").is_none(),
                        "{path}: {e}; scripts/test should have installed axe-core (npm ci)"
                    );
                    println!("SKIPPED accessibility checks: {path}: {e} (run npm ci --prefix crates/urna-web/tests/axe)");
                    None
                }
            }
        })
        .as_deref()
}

/// Whether axe-core is installed (always under CI).
pub fn axe_installed() -> bool {
    axe_source().is_some()
}

#[derive(Deserialize)]
struct Violation {
    id: String,
    impact: Option<String>,
    help: String,
    nodes: Vec<String>,
}

/// The ids of axe's serious or critical violations on the current page (empty when axe is not
/// installed, outside CI).
pub async fn grave_violations(browser: &WebDriver, page: &str) -> WebDriverResult<Vec<String>> {
    let Some(source) = axe_source() else {
        return Ok(Vec::new());
    };
    // WebDriver scripts are not subject to the page's Content-Security-Policy.
    browser
        .execute(&format!("{source}\n;return true;"), Vec::new())
        .await?;
    let report = browser
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
            axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
                resultTypes: ['violations'],
            }).then(
                (r) => done(JSON.stringify(r.violations.map((v) => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
                })))),
                (e) => done('axe failed: ' + e),
            );"#,
            Vec::new(),
        )
        .await?
        .convert::<String>()?;
    let violations: Vec<Violation> = serde_json::from_str(&report)
        .unwrap_or_else(|e| panic!("{page}: axe did not report ({e}): {report}"));
    let grave: Vec<&Violation> = violations
        .iter()
        .filter(|v| matches!(v.impact.as_deref(), Some("serious" | "critical")))
        .collect();
    for v in &grave {
        println!(
            "{page}: {} ({}): {} at {:?}",
            v.id,
            v.impact.as_deref().unwrap_or("?"),
            v.help,
            v.nodes
        );
    }
    Ok(grave.iter().map(|v| v.id.clone()).collect())
}

/// Fails, naming them, when the current page has serious or critical violations.
pub async fn assert_accessible(browser: &WebDriver, page: &str) -> WebDriverResult<()> {
    let grave = grave_violations(browser, page).await?;
    assert!(
        grave.is_empty(),
        "{page}: serious or critical accessibility violations (details above): {grave:?}"
    );
    Ok(())
}
