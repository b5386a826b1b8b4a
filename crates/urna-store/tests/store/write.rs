//! Write transactions: an act and its audit entry commit together or not at all.

use serde_json::json;
use urna_store::{Backend, Db, ElectionId, NewAuditEntry, NewElection, StoreError};

use crate::support::{T0, on_both};

fn entry<'a>(
    election: ElectionId,
    action: &'a str,
    details: &'a serde_json::Value,
) -> NewAuditEntry<'a> {
    NewAuditEntry {
        election: Some(election),
        at: T0,
        actor: "account:1",
        action,
        details,
    }
}

async fn draft(db: &Db, slug: &str) -> ElectionId {
    db.create_election(NewElection {
        slug,
        definition: &json!({}),
        state: "draft",
        now: T0,
    })
    .await
    .unwrap()
}

/// Makes every audit append whose action is `refused.act` fail inside the database, the way a
/// constraint would: a trigger raises.
async fn refuse_audit_action(db: &Db) {
    match db.backend() {
        Backend::Sqlite => {
            sqlx::query(
                "CREATE TRIGGER refuse_test_act BEFORE INSERT ON audit_log
                 WHEN NEW.action = 'refused.act'
                 BEGIN SELECT RAISE(ABORT, 'injected audit failure'); END",
            )
            .execute(db.sqlite_pool().unwrap())
            .await
            .unwrap();
        }
        Backend::Postgres => {
            let pool = db.postgres_pool().unwrap();
            sqlx::query(
                "CREATE FUNCTION refuse_test_act() RETURNS trigger LANGUAGE plpgsql AS $$
                 BEGIN RAISE EXCEPTION 'injected audit failure'; END $$",
            )
            .execute(pool)
            .await
            .unwrap();
            sqlx::query(
                "CREATE TRIGGER refuse_test_act BEFORE INSERT ON audit_log FOR EACH ROW
                 WHEN (NEW.action = 'refused.act') EXECUTE FUNCTION refuse_test_act()",
            )
            .execute(pool)
            .await
            .unwrap();
        }
    }
}

on_both! {
    async fn an_act_and_its_audit_entry_commit_together(db) {
        let election = draft(db, "atomic").await;
        let details = json!({"from": "draft", "to": "ready"});
        let mut tx = db.begin_write().await.unwrap();
        tx.transition_election(election, "draft", "ready", T0).await.unwrap();
        let stored = tx.commit_audited(entry(election, "election.ready", &details)).await.unwrap();
        assert_eq!(stored.seq, 1);
        assert_eq!(db.election(election).await.unwrap().state, "ready");
        assert_eq!(db.audit_log(Some(election)).await.unwrap(), [stored]);
    }
}

on_both! {
    async fn a_failed_audit_append_undoes_the_act(db) {
        let election = draft(db, "undone").await;
        refuse_audit_action(db).await;
        let mut tx = db.begin_write().await.unwrap();
        tx.transition_election(election, "draft", "ready", T0).await.unwrap();
        tx.grant_role(election, urna_store::AccountId(1), urna_store::ElectionRole::Admin)
            .await
            .unwrap_err(); // no account 1: a foreign-key failure poisons the transaction
        let refused = tx.commit_audited(entry(election, "refused.act", &json!({}))).await;
        assert!(refused.is_err(), "{refused:?}");

        // Without the poisoned step, the injected failure of the append alone undoes the act.
        let mut tx = db.begin_write().await.unwrap();
        tx.transition_election(election, "draft", "ready", T0).await.unwrap();
        let refused = tx.commit_audited(entry(election, "refused.act", &json!({}))).await;
        let message = refused.unwrap_err().to_string();
        assert!(message.contains("injected audit failure"), "{message}");
        assert_eq!(db.election(election).await.unwrap().state, "draft");
        assert!(db.audit_log(Some(election)).await.unwrap().is_empty());
    }
}

on_both! {
    async fn a_failed_act_leaves_no_audit_entry(db) {
        let election = draft(db, "failed").await;
        let mut tx = db.begin_write().await.unwrap();
        let conflict = tx.transition_election(election, "open", "closed", T0).await;
        assert!(
            matches!(&conflict, Err(StoreError::StateConflict { actual, .. }) if actual == "draft"),
            "{conflict:?}"
        );
        // Committing after a failed step is refused, and names the step.
        let refused = tx.commit_audited(entry(election, "election.close", &json!({}))).await;
        let message = refused.unwrap_err().to_string();
        assert!(message.contains("changing an election's state"), "{message}");
        assert!(db.audit_log(Some(election)).await.unwrap().is_empty());
        assert_eq!(db.election(election).await.unwrap().state, "draft");
    }
}
