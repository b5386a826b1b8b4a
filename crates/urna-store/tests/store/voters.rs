use urna_store::{CastBallot, NewVoter, StoreError, TokenHash};

use crate::support::{T0, on_both, open_election, seal};

on_both! {
    async fn voters_are_found_by_the_hash_of_their_link_token(db) {
        let (election, ids) = open_election(db, "e", 3).await;
        let voter = db.voter_by_token(&TokenHash::of(b"token-e-v001")).await.unwrap().unwrap();
        assert_eq!((voter.id, voter.identifier.as_str(), voter.election), (ids[1], "e-v001", election));
        assert!(!voter.voted && !voter.revoked);
        assert_eq!(db.voter_by_token(&TokenHash::of(b"token-e-v999")).await.unwrap(), None);
        assert_eq!(
            db.voter_by_identifier(election, "e-v002").await.unwrap().map(|v| v.id),
            Some(ids[2])
        );

        // A new link: the old token stops working.
        db.set_voter_token(ids[1], &TokenHash::of(b"fresh")).await.unwrap();
        assert_eq!(db.voter_by_token(&TokenHash::of(b"token-e-v001")).await.unwrap(), None);
        assert_eq!(db.voter_by_token(&TokenHash::of(b"fresh")).await.unwrap().map(|v| v.id), Some(ids[1]));
        // Tokens are unique across all voters.
        let taken = db.set_voter_token(ids[0], &TokenHash::of(b"fresh")).await;
        assert!(matches!(taken, Err(StoreError::Duplicate { .. })), "{taken:?}");

        db.set_voter_revoked(ids[2], true).await.unwrap();
        assert!(db.voter(ids[2]).await.unwrap().revoked);
        let names: Vec<String> = db.voters(election).await.unwrap().into_iter().map(|v| v.identifier).collect();
        assert_eq!(names, ["e-v000", "e-v001", "e-v002"]);
    }
}

on_both! {
    async fn a_bad_voter_batch_changes_nothing(db) {
        let (election, _) = open_election(db, "e", 1).await;
        let batch = [
            NewVoter { identifier: "new-1", email: Some("n1@example.org"), weight: 2, token_hash: TokenHash::of(b"n1") },
            // Same identifier as the existing voter: the whole batch must roll back.
            NewVoter { identifier: "e-v000", email: None, weight: 1, token_hash: TokenHash::of(b"n2") },
        ];
        let result = db.add_voters(election, &batch, T0).await;
        assert!(
            matches!(&result, Err(StoreError::Duplicate { value, .. }) if value == "e-v000"),
            "{result:?}"
        );
        assert_eq!(db.voters(election).await.unwrap().len(), 1);
        assert_eq!(db.voter_by_token(&TokenHash::of(b"n1")).await.unwrap(), None);

        let weightless = [NewVoter { identifier: "w", email: None, weight: 0, token_hash: TokenHash::of(b"w") }];
        let result = db.add_voters(election, &weightless, T0).await;
        assert!(matches!(result, Err(StoreError::Invalid { what: "voter weight", .. })), "{result:?}");

        let ok = db.add_voters(election, &batch[..1], T0).await.unwrap();
        let added = db.voter(ok[0]).await.unwrap();
        assert_eq!((added.weight, added.email.as_deref()), (2, Some("n1@example.org")));
    }
}

on_both! {
    async fn only_voters_without_ballots_can_be_removed(db) {
        let (election, ids) = open_election(db, "e", 2).await;
        db.cast_ballot(CastBallot {
            election, voter: ids[0], sealed: &seal(b"x"), open_state: "open", allow_change: true, now: T0,
        })
        .await
        .unwrap();
        let refused = db.remove_voter(ids[0]).await;
        assert!(matches!(refused, Err(StoreError::Invalid { what: "voter removal", .. })), "{refused:?}");
        db.remove_voter(ids[1]).await.unwrap();
        assert!(matches!(db.voter(ids[1]).await, Err(StoreError::NotFound { .. })));
        assert!(matches!(db.remove_voter(ids[1]).await, Err(StoreError::NotFound { .. })));
    }
}

on_both! {
    async fn every_change_of_an_election_raises_the_revision_read_with_its_voters(db) {
        let (election, ids) = open_election(db, "rev", 1).await;
        let (voter, first) = db.voter_with_election_revision(ids[0]).await.unwrap();
        assert_eq!((voter.id, voter.election), (ids[0], election));
        assert_eq!(first, db.election(election).await.unwrap().revision);

        // Each kind of UPDATE of the row moves the revision on, whoever wrote the statement.
        let later = urna_store::UnixMicros(T0.0 + 1);
        db.transition_election(election, "open", "closed", later).await.unwrap();
        let (_, after_close) = db.voter_with_election_revision(ids[0]).await.unwrap();
        assert!(after_close > first, "{after_close} after {first}");
        db.update_election_definition(election, "closed", &serde_json::json!({"edited": true}), later)
            .await
            .unwrap();
        let (_, after_edit) = db.voter_with_election_revision(ids[0]).await.unwrap();
        assert!(after_edit > after_close, "{after_edit} after {after_close}");

        // Signing in reads the voter with its election's slug and current state.
        let (by_link, slug, state) = db
            .voter_by_token_with_election(&TokenHash::of(b"token-rev-v000"))
            .await
            .unwrap()
            .unwrap();
        assert_eq!((by_link.id, slug.as_str(), state.as_str()), (ids[0], "rev", "closed"));
        assert_eq!(db.voter_by_token_with_election(&TokenHash::of(b"nobody")).await.unwrap(), None);

        // Reading changes nothing, and a missing voter is NotFound.
        assert_eq!(db.voter_with_election_revision(ids[0]).await.unwrap().1, after_edit);
        let missing = db.voter_with_election_revision(urna_store::VoterId(999_999)).await;
        assert!(matches!(missing, Err(StoreError::NotFound { .. })), "{missing:?}");
    }
}
