use serde_json::json;
use urna_store::{
    AccountId, ElectionId, ElectionRole, NewAccount, NewAuditEntry, NewElection, PasswordHash,
    RoleGrant, StoreError, UnixMicros,
};

use crate::support::{T0, on_both};

on_both! {
    async fn elections_crud(db) {
        let definition = json!({"questions": [{"key": "chair", "method": "meek"}], "zone": "AoE"});
        let id = db
            .create_election(NewElection { slug: "board-2026", definition: &definition, state: "draft", now: T0 })
            .await
            .unwrap();
        let row = db.election(id).await.unwrap();
        assert_eq!(row.slug, "board-2026");
        assert_eq!(row.definition, definition);
        assert_eq!(row.state, "draft");
        assert_eq!(row.public_key, None);
        assert_eq!((row.created_at, row.updated_at), (T0, T0));
        assert_eq!(db.election_by_slug("board-2026").await.unwrap(), Some(row.clone()));
        assert_eq!(db.election_by_slug("nope").await.unwrap(), None);

        let clash = db
            .create_election(NewElection { slug: "board-2026", definition: &definition, state: "draft", now: T0 })
            .await;
        assert!(matches!(clash, Err(StoreError::Duplicate { what: "election slug", .. })), "{clash:?}");

        // Edits only in the state the caller requires.
        let later = UnixMicros(T0.0 + 5);
        let edited = json!({"questions": []});
        db.update_election_definition(id, "draft", &edited, later).await.unwrap();
        let row = db.election(id).await.unwrap();
        assert_eq!((row.definition, row.updated_at), (edited.clone(), later));
        let refused = db.update_election_definition(id, "open", &edited, later).await;
        assert!(
            matches!(&refused, Err(StoreError::StateConflict { actual, .. }) if actual == "draft"),
            "{refused:?}"
        );

        // Compare-and-set transitions.
        db.set_election_public_key(id, "draft", &json!({"y": "ab"}), 96, later).await.unwrap();
        db.transition_election(id, "draft", "ready", later).await.unwrap();
        let again = db.transition_election(id, "draft", "ready", later).await;
        assert!(matches!(again, Err(StoreError::StateConflict { .. })), "{again:?}");
        let row = db.election(id).await.unwrap();
        assert_eq!(row.state, "ready");
        assert_eq!(row.public_key, Some(json!({"y": "ab"})));
        assert_eq!(row.sealed_ballot_len, Some(96));
        let missing = db.transition_election(ElectionId(9999), "draft", "ready", later).await;
        assert!(matches!(missing, Err(StoreError::NotFound { what: "election", .. })), "{missing:?}");

        let second = db
            .create_election(NewElection { slug: "second", definition: &definition, state: "draft", now: T0 })
            .await
            .unwrap();
        let slugs: Vec<String> = db.elections().await.unwrap().into_iter().map(|e| e.slug).collect();
        assert_eq!(slugs, ["board-2026", "second"]);

        // An election without history can be deleted; one with audit entries cannot.
        db.delete_election(second).await.unwrap();
        assert!(matches!(db.election(second).await, Err(StoreError::NotFound { .. })));
        db.append_audit(NewAuditEntry {
            election: Some(id),
            at: later,
            actor: "account:1",
            action: "election.create",
            details: &json!({}),
        })
        .await
        .unwrap();
        let refused = db.delete_election(id).await;
        assert!(matches!(refused, Err(StoreError::Invalid { what: "election deletion", .. })), "{refused:?}");
        assert!(db.election(id).await.is_ok());
    }
}

on_both! {
    async fn roles_are_granted_listed_and_revoked(db) {
        let election = db
            .create_election(NewElection { slug: "e", definition: &json!({}), state: "draft", now: T0 })
            .await
            .unwrap();
        let hash = PasswordHash("$argon2id$stand-in".into());
        let mut accounts: Vec<AccountId> = Vec::new();
        for name in ["ada", "bob"] {
            accounts.push(
                db.create_account(NewAccount { username: name, password_hash: &hash, is_operator: false, now: T0 })
                    .await
                    .unwrap(),
            );
        }
        let (ada, bob) = (accounts[0], accounts[1]);
        db.grant_role(election, ada, ElectionRole::Admin).await.unwrap();
        db.grant_role(election, ada, ElectionRole::Admin).await.unwrap(); // idempotent
        db.grant_role(election, bob, ElectionRole::Trustee).await.unwrap();
        db.grant_role(election, bob, ElectionRole::Scrutineer).await.unwrap();
        let grant = |account, role| RoleGrant { election, account, role };
        assert_eq!(
            db.election_roles(election).await.unwrap(),
            // Ordered by account, then role name: "scrutineer" < "trustee".
            [
                grant(ada, ElectionRole::Admin),
                grant(bob, ElectionRole::Scrutineer),
                grant(bob, ElectionRole::Trustee),
            ]
        );
        assert_eq!(db.roles_of_account(ada).await.unwrap(), [grant(ada, ElectionRole::Admin)]);
        assert!(db.revoke_role(election, bob, ElectionRole::Trustee).await.unwrap());
        assert!(!db.revoke_role(election, bob, ElectionRole::Trustee).await.unwrap());
        assert_eq!(db.roles_of_account(bob).await.unwrap(), [grant(bob, ElectionRole::Scrutineer)]);
    }
}
