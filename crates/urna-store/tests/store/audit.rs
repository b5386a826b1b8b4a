use serde_json::json;
use urna_store::{
    AuditHash, Backend, Db, ElectionId, NewAuditEntry, NewElection, StoreError, verify_audit_chain,
};

use crate::support::{T0, on_both};

fn entry<'a>(
    election: Option<ElectionId>,
    action: &'a str,
    details: &'a serde_json::Value,
) -> NewAuditEntry<'a> {
    NewAuditEntry {
        election,
        at: T0,
        actor: "account:1",
        action,
        details,
    }
}

async fn new_election(db: &Db) -> ElectionId {
    db.create_election(NewElection {
        slug: "audited",
        definition: &json!({}),
        state: "draft",
        now: T0,
    })
    .await
    .unwrap()
}

/// Runs raw SQL on whichever engine, returning the driver's error text if it fails.
async fn raw(db: &Db, sql: &'static str) -> Result<u64, String> {
    match db.backend() {
        Backend::Sqlite => sqlx::query(sql)
            .execute(db.sqlite_pool().unwrap())
            .await
            .map(|r| r.rows_affected()),
        Backend::Postgres => sqlx::query(sql)
            .execute(db.postgres_pool().unwrap())
            .await
            .map(|r| r.rows_affected()),
    }
    .map_err(|error| error.to_string())
}

on_both! {
    async fn audit_chain_appends_links_and_exports(db) {
        let election = Some(new_election(db).await);
        let details = json!({"from": "draft", "to": "ready"});
        assert_eq!(db.audit_head(election).await.unwrap(), AuditHash::GENESIS);
        let first = db.append_audit_after(entry(election, "election.create", &json!({})), &AuditHash::GENESIS).await.unwrap();
        assert_eq!((first.seq, first.prev_hash), (1, AuditHash::GENESIS));
        let second = db.append_audit(entry(election, "election.transition", &details)).await.unwrap();
        assert_eq!((second.seq, second.prev_hash), (2, first.hash));
        assert_eq!(db.audit_head(election).await.unwrap(), second.hash);

        // A writer that saw an older head is refused, and nothing is appended.
        let stale = db.append_audit_after(entry(election, "x", &details), &first.hash).await;
        assert!(
            matches!(&stale, Err(StoreError::AuditChainMoved { actual, .. }) if *actual == second.hash.to_string()),
            "{stale:?}"
        );
        let third = db.append_audit_after(entry(election, "election.open", &json!({})), &second.hash).await.unwrap();

        // The site chain is separate and starts at 1.
        let site = db.append_audit(entry(None, "account.create", &json!({"username": "root"}))).await.unwrap();
        assert_eq!((site.seq, site.prev_hash), (1, AuditHash::GENESIS));

        let log = db.audit_log(election).await.unwrap();
        assert_eq!(log, [first, second, third]);
        verify_audit_chain(&log).unwrap();
        let export = db.export_audit(election).await.unwrap();
        let lines: Vec<serde_json::Value> = export.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[1]["details"], details.to_string());
        assert_eq!(lines[1]["prev_hash"], log[0].hash.to_string());
    }
}

on_both! {
    async fn concurrent_audit_appends_form_one_chain(db) {
        let election = Some(new_election(db).await);
        let tasks: Vec<_> = (0..20)
            .map(|i| {
                let db = db.clone();
                tokio::spawn(async move {
                    let details = json!({ "i": i });
                    db.append_audit(NewAuditEntry { election, at: T0, actor: "system", action: "tick", details: &details })
                        .await
                        .unwrap()
                })
            })
            .collect();
        for task in tasks {
            task.await.unwrap();
        }
        let log = db.audit_log(election).await.unwrap();
        assert_eq!(log.len(), 20);
        verify_audit_chain(&log).unwrap();
    }
}

on_both! {
    async fn triggers_reject_update_and_delete_and_the_chain_exposes_bypasses(db) {
        let election = Some(new_election(db).await);
        for action in ["a", "b", "c"] {
            db.append_audit(entry(election, action, &json!({}))).await.unwrap();
        }
        let update = raw(db, "UPDATE audit_log SET details = '{\"forged\":1}' WHERE seq = 2").await;
        assert!(update.as_ref().is_err_and(|e| e.contains("append-only")), "{update:?}");
        let delete = raw(db, "DELETE FROM audit_log WHERE seq = 3").await;
        assert!(delete.as_ref().is_err_and(|e| e.contains("append-only")), "{delete:?}");
        if db.backend() == Backend::Postgres {
            let truncate = raw(db, "TRUNCATE audit_log").await;
            assert!(truncate.as_ref().is_err_and(|e| e.contains("append-only")), "{truncate:?}");
        }
        assert_eq!(db.audit_log(election).await.unwrap().len(), 3);
        verify_audit_chain(&db.audit_log(election).await.unwrap()).unwrap();

        // Someone with raw access removes the guard and edits an entry: the chain shows it.
        match db.backend() {
            Backend::Sqlite => raw(db, "DROP TRIGGER audit_log_no_update").await.unwrap(),
            Backend::Postgres => raw(db, "ALTER TABLE audit_log DISABLE TRIGGER USER").await.unwrap(),
        };
        assert_eq!(raw(db, "UPDATE audit_log SET details = '{\"forged\":1}' WHERE seq = 2").await, Ok(1));
        let tampered = db.audit_log(election).await.unwrap();
        assert!(
            matches!(verify_audit_chain(&tampered), Err(StoreError::AuditChainBroken { seq: 2, .. })),
            "edited entry 2 must fail verification"
        );
        assert!(matches!(db.export_audit(election).await, Err(StoreError::AuditChainBroken { seq: 2, .. })));
    }
}
