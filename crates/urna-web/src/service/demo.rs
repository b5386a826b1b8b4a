//! The demo election of `urna serve --demo`: a newcomer can open a voting link and vote at once.
//!
//! "Demo election" is open from now for 7 days in AoE, with an approval question and a Meek
//! STV question (5 candidates, 2 seats), and 3 demo voters whose links are returned for the
//! server to print.
//!
//! **Demo only.** Its single trustee's key is made in-process and the trustee's secret file is
//! written to the data directory ([`demo_secret_path`]), so that the demo can be counted with
//! [`demo_decrypt`]. That breaks the rule every real election keeps (no key material on the
//! server): never use this path, or a secret file kept next to the database, for a real
//! election.

use std::path::{Path, PathBuf};

use jiff::{SignedDuration, Timestamp};
use urna_core::election::{ElectionId, ElectionSpec};
use urna_crypto::{TrusteeSecret, decryption_shares, os_rng};
use urna_store::Db;

use super::voters::IssuedLink;
use super::{Actor, ServiceError, corrupt, crypto};

/// The demo election as created.
#[derive(Debug, Clone)]
pub struct DemoElection {
    pub slug: String,
    pub links: Vec<IssuedLink>,
}

/// Where the demo trustee's secret file for `slug` lives.
pub fn demo_secret_path(data_dir: &Path, slug: &str) -> PathBuf {
    data_dir.join(format!("demo-trustee-{slug}.secret.json"))
}

fn demo_spec(slug: &str, now: Timestamp) -> Result<ElectionSpec, ServiceError> {
    let id = ElectionId::generate()?;
    let closes = now
        .checked_add(SignedDuration::from_hours(7 * 24))
        .map_err(|e| ServiceError::Refused(format!("the demo's end is out of range: {e}")))?;
    let name = |n: &str| serde_json::json!({"default": "en", "texts": {"en": n}});
    let candidates = |names: &[&str]| -> Vec<serde_json::Value> {
        names
            .iter()
            .map(|n| serde_json::json!({"id": n.to_lowercase().replace(' ', "-"), "name": name(n)}))
            .collect()
    };
    let spec = serde_json::json!({
        "id": id,
        "slug": slug,
        "languages": ["en"],
        "title": name("Demo election"),
        "window": {"opens": now, "closes": closes, "zone": "AoE"},
        "questions": [
            {
                "id": "logo", "title": name("Which logos do you like?"), "description": null,
                "ballot_type": {"type": "approval", "min": 0, "max": 3}, "method": "approval",
                "seats": 1, "options": candidates(&["Owl", "Ballot box", "Tree"])
            },
            {
                "id": "board", "title": name("Board (2 seats)"), "description": null,
                "ballot_type": {"type": "ranked", "max_ranks": null, "allow_equal": false},
                "method": "meek", "seats": 2,
                "options": candidates(&["Ann", "Bob", "Cleo", "Dev", "Eve"])
            }
        ]
    });
    serde_json::from_value(spec).map_err(|e| corrupt("the demo election", e))
}

/// Creates and opens the demo election (slug `demo`, or `demo-2`, … if taken), with its demo
/// trustee key and 3 voters. `data_dir` receives the demo trustee's secret file.
pub async fn create_demo_election(
    db: &Db,
    data_dir: &Path,
    now: Timestamp,
) -> Result<DemoElection, ServiceError> {
    let mut slug = "demo".to_owned();
    let mut n = 1;
    while db.election_by_slug(&slug).await?.is_some() {
        n += 1;
        slug = format!("demo-{n}");
    }
    let spec = demo_spec(&slug, now)?;
    super::elections::create_election(db, spec, None, Actor::Demo, now).await?;

    let secrets = super::rehearsal::throwaway_key_ceremony(
        db,
        &slug,
        (1, 1),
        "Demo trustee",
        Actor::Demo,
        now,
    )
    .await?;
    let secret = secrets
        .first()
        .ok_or_else(|| corrupt("the demo key ceremony", "no trustee"))?;
    write_secret(&demo_secret_path(data_dir, &slug), secret)?;

    let outcome = super::voters::upload_voters(
        db,
        &slug,
        "voter,email\ndemo-voter-1,\ndemo-voter-2,\ndemo-voter-3,\n",
        Actor::Demo,
        now,
    )
    .await?;
    super::lifecycle::mark_ready(db, &slug, Actor::Demo, now).await?;
    super::lifecycle::open(db, &slug, Actor::Demo, now).await?;
    Ok(DemoElection {
        slug,
        links: outcome.issued,
    })
}

fn write_secret(path: &Path, secret: &TrusteeSecret) -> Result<(), ServiceError> {
    let io = |source| ServiceError::Io {
        what: format!("writing the demo trustee's secret file {}", path.display()),
        source,
    };
    let text = serde_json::to_string(secret).map_err(|e| corrupt("the demo trustee", e))?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(io)?;
    std::io::Write::write_all(&mut file, text.as_bytes()).map_err(io)
}

/// The demo trustee's part of the count: reads its secret file from `data_dir`, makes the
/// decryption shares of the frozen set and hands them in. Demo elections only.
pub async fn demo_decrypt(
    db: &Db,
    slug: &str,
    data_dir: &Path,
    now: Timestamp,
) -> Result<(), ServiceError> {
    let path = demo_secret_path(data_dir, slug);
    let text = std::fs::read_to_string(&path).map_err(|source| ServiceError::Io {
        what: format!(
            "reading the demo trustee's secret file {} (only demo elections have one)",
            path.display()
        ),
        source,
    })?;
    let secret: TrusteeSecret =
        serde_json::from_str(&text).map_err(|e| corrupt(path.display().to_string(), e))?;
    let setup = super::trustees::setup_of(db, slug).await?;
    let share = secret.share_for(&setup.digest()).ok_or_else(|| {
        ServiceError::Refused(format!("{} holds no key for {slug}", path.display()))
    })?;
    let set = super::counting::frozen_set(db, slug).await?;
    let shares =
        decryption_shares(share, &set, &mut os_rng()).map_err(crypto("the demo decryption"))?;
    super::counting::accept_decryption_shares(db, slug, shares, Actor::Demo, now).await
}
