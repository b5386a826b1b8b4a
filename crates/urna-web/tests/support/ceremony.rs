//! A k-of-n key ceremony run in-process through the service, as the trustees' uploads would
//! run it; the trustees' secrets stay in the test. Included by path from the test crates that
//! need an election with a key (`#[path = ".../support/ceremony.rs"] mod ceremony;`).

use jiff::Timestamp;
use urna_crypto::{DkgRound2, TrusteeName, TrusteeSecret, dkg_round1, dkg_round2, os_rng};
use urna_store::Db;
use urna_web::service::{Actor, trustees};

/// Runs the ceremony for `slug` with `n` trustees named "trustee 0", … and threshold `k`.
pub async fn key_ceremony(
    db: &Db,
    slug: &str,
    k: u32,
    n: usize,
    now: Timestamp,
) -> Vec<TrusteeSecret> {
    let mut rng = os_rng();
    let mut secrets: Vec<TrusteeSecret> = (0..n)
        .map(|i| {
            TrusteeSecret::generate(
                TrusteeName::parse(&format!("trustee {i}")).expect("name"),
                &mut rng,
            )
            .expect("secret")
        })
        .collect();
    let publics = secrets.iter().map(|s| s.public.clone()).collect();
    let setup = trustees::set_up_key_ceremony(db, slug, k, publics, Actor::System, now)
        .await
        .expect("set-up");
    for s in &secrets {
        let r1 = dkg_round1(s, &setup, &mut rng).expect("round 1");
        trustees::accept_round1(db, slug, r1, Actor::System, now)
            .await
            .expect("round 1 accepted");
    }
    let round1 = trustees::round1_messages(db, slug).await.expect("round 1");
    assert_eq!(round1.len(), n);
    let round2: Vec<DkgRound2> = secrets
        .iter_mut()
        .map(|s| dkg_round2(s, &setup, &round1, &mut rng).expect("round 2"))
        .collect();
    for (i, r2) in round2.into_iter().enumerate() {
        let key = trustees::accept_round2(db, slug, r2, Actor::System, now)
            .await
            .expect("round 2 accepted");
        // The key exists exactly when the last trustee's round 2 is in.
        assert_eq!(key.is_some(), i + 1 == n, "after round 2 of trustee {i}");
    }
    secrets
}
