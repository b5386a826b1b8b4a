//! Voters and their voting links.
//!
//! A voting link carries a [`VotingToken`] (256 random bits). The server keeps only a hash:
//! the store's SHA-256 of the domain's tagged [`TokenHash`] ([`stored_token_hash`]), so a
//! database dump lets nobody vote. Tokens are returned once, when issued, for e-mailing or for
//! the CSV export ([`links_csv`]); they cannot be read back later, only reissued.

use std::fmt;

use jiff::Timestamp;
use urna_core::lifecycle::Operation;
use urna_core::token::{TokenHash, VotingToken};
use urna_core::voters::VoterList;
use urna_store::{Db, NewVoter, VoterId, VoterRow};

use super::{Actor, ServiceError, commit_audited};

/// The hash the store keeps for a voting-link token: `SHA-256(TokenHash::of(token))`, that is
/// the store's hash of the domain's domain-separated hash. The one place the mapping is made.
pub fn stored_token_hash(token: &VotingToken) -> urna_store::TokenHash {
    urna_store::TokenHash::of(TokenHash::of(token).as_bytes())
}

/// What a voter's session keeps of the link that opened it: hex of the first 16 bytes of
/// `SHA-256("urna-session-link-v1\0" ‖ stored hash)`. Reissuing a link replaces the stored
/// hash, so the sessions the old link opened stop matching (and a revocation stops them
/// anyway); a session never holds the stored hash itself.
pub fn session_link_binding(stored: &urna_store::TokenHash) -> String {
    use sha2::{Digest, Sha256};
    let mut hash = Sha256::new();
    hash.update(b"urna-session-link-v1\0");
    hash.update(stored.as_bytes());
    urna_crypto::encoding::to_hex(&hash.finalize()[..16])
}

/// Whether a session's link binding is that of the voter's current link, compared in constant
/// time.
pub fn session_link_matches(stored: &urna_store::TokenHash, binding: &str) -> bool {
    use subtle::ConstantTimeEq;
    bool::from(
        session_link_binding(stored)
            .as_bytes()
            .ct_eq(binding.as_bytes()),
    )
}

/// A voter's newly issued voting link. `Debug` never prints the token.
#[derive(Clone)]
pub struct IssuedLink {
    pub voter: String,
    pub email: Option<String>,
    pub voter_id: VoterId,
    pub token: VotingToken,
}

impl fmt::Debug for IssuedLink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IssuedLink")
            .field("voter", &self.voter)
            .field("email", &self.email)
            .field("voter_id", &self.voter_id)
            .field("token", &"<redacted>")
            .finish()
    }
}

/// What an upload did.
#[derive(Debug, Clone)]
pub struct UploadOutcome {
    /// Links for the voters added now (each voter's only copy of the token).
    pub issued: Vec<IssuedLink>,
    /// Voters on the upload who were on the list already (left as they were).
    pub already_listed: Vec<String>,
    /// Voters on the list whose `exclude` row revoked their access now.
    pub revoked: Vec<String>,
}

/// Adds the voters of a CSV voter list (see [`VoterList::parse_csv`]; weights only when the
/// election allows them) and issues their voting links. `exclude` rows revoke voters already
/// on the list. Allowed while the election is a draft, ready or open.
pub async fn upload_voters(
    db: &Db,
    slug: &str,
    csv: &str,
    actor: Actor,
    now: Timestamp,
) -> Result<UploadOutcome, ServiceError> {
    let loaded = super::load(db, slug).await?;
    loaded
        .state()
        .ensure_allows(Operation::AddVoters)
        .map_err(urna_core::election::ElectionError::from)?;
    let list = VoterList::parse_csv(csv, loaded.election.allow_weights())?;
    let existing = db.voters(loaded.row_id).await?;
    let listed = |name: &str| existing.iter().find(|v| v.identifier == name);

    let to_revoke: Vec<&VoterRow> = list
        .excluded()
        .filter_map(|name| listed(name.as_str()))
        .filter(|row| !row.revoked)
        .collect();
    let mut already_listed = Vec::new();
    let mut fresh = Vec::new();
    for entry in list.iter() {
        if listed(entry.voter.as_str()).is_some() {
            already_listed.push(entry.voter.as_str().to_owned());
        } else {
            let token = VotingToken::generate().map_err(|e| ServiceError::Random(e.to_string()))?;
            let weight = i64::try_from(entry.weight).map_err(|_| {
                ServiceError::Refused(format!("weight {} is too large", entry.weight))
            })?;
            fresh.push((entry, weight, token));
        }
    }
    let emails: Vec<Option<String>> = fresh
        .iter()
        .map(|(e, _, _)| e.contact().map(|c| c.as_str().to_owned()))
        .collect();
    let new: Vec<NewVoter<'_>> = fresh
        .iter()
        .zip(&emails)
        .map(|((entry, weight, token), email)| NewVoter {
            identifier: entry.voter.as_str(),
            email: email.as_deref(),
            weight: *weight,
            token_hash: stored_token_hash(token),
        })
        .collect();
    let mut tx = db.begin_write().await?;
    let mut revoked = Vec::new();
    for row in to_revoke {
        tx.set_voter_revoked(row.id, true).await?;
        revoked.push(row.identifier.clone());
    }
    let ids = tx
        .add_voters(loaded.row_id, &new, super::micros(now))
        .await?;
    // The language each new voter reads, for notices and reminders (notify branch).
    let languages: Vec<(urna_store::VoterId, &str)> = fresh
        .iter()
        .zip(&ids)
        .filter_map(|((entry, _, _), id)| Some((*id, entry.language.as_ref()?.as_str())))
        .collect();
    tx.set_voter_languages(&languages).await?;
    let issued: Vec<IssuedLink> = fresh
        .into_iter()
        .zip(emails)
        .zip(ids)
        .map(|(((entry, _, token), email), voter_id)| IssuedLink {
            voter: entry.voter.as_str().to_owned(),
            email,
            voter_id,
            token,
        })
        .collect();
    commit_audited(
        tx,
        loaded.row_id,
        actor,
        "voters_uploaded",
        &serde_json::json!({
            "added": issued.len(),
            "already_listed": already_listed.len(),
            "revoked": revoked,
        }),
        now,
    )
    .await?;
    Ok(UploadOutcome {
        issued,
        already_listed,
        revoked,
    })
}

/// The voters of the election, by identifier.
pub async fn voters(db: &Db, slug: &str) -> Result<Vec<VoterRow>, ServiceError> {
    let loaded = super::load(db, slug).await?;
    Ok(db.voters(loaded.row_id).await?)
}

pub(crate) async fn voter_named(
    db: &Db,
    loaded: &super::LoadedElection,
    voter: &str,
) -> Result<VoterRow, ServiceError> {
    db.voter_by_identifier(loaded.row_id, voter)
        .await?
        .ok_or_else(|| ServiceError::NoSuchVoter {
            slug: loaded.slug().to_owned(),
            voter: voter.to_owned(),
        })
}

/// Withdraws a voter's link: they can no longer vote (a ballot already cast stays; striking
/// it is a separate act).
pub async fn revoke_link(
    db: &Db,
    slug: &str,
    voter: &str,
    actor: Actor,
    now: Timestamp,
) -> Result<(), ServiceError> {
    let loaded = super::load(db, slug).await?;
    let row = voter_named(db, &loaded, voter).await?;
    let mut tx = db.begin_write().await?;
    tx.set_voter_revoked(row.id, true).await?;
    commit_audited(
        tx,
        loaded.row_id,
        actor,
        "voter_link_revoked",
        &serde_json::json!({ "voter": row.identifier }),
        now,
    )
    .await
}

/// Issues a new link for a voter (the old one stops working) and restores their access.
pub async fn reissue_link(
    db: &Db,
    slug: &str,
    voter: &str,
    actor: Actor,
    now: Timestamp,
) -> Result<IssuedLink, ServiceError> {
    let loaded = super::load(db, slug).await?;
    let row = voter_named(db, &loaded, voter).await?;
    let token = VotingToken::generate().map_err(|e| ServiceError::Random(e.to_string()))?;
    let mut tx = db.begin_write().await?;
    tx.set_voter_token(row.id, &stored_token_hash(&token))
        .await?;
    tx.set_voter_revoked(row.id, false).await?;
    commit_audited(
        tx,
        loaded.row_id,
        actor,
        "voter_link_reissued",
        &serde_json::json!({ "voter": row.identifier }),
        now,
    )
    .await?;
    Ok(IssuedLink {
        voter: row.identifier,
        email: row.email,
        voter_id: row.id,
        token,
    })
}

/// Gives a voter a new voting-link token and stores its hash: the old link stops working.
/// The token exists only in the returned value. Used by [`reissue_link`] and by e-mailing
/// links ([`super::mail`]).
pub(crate) async fn replace_token(db: &Db, row: &VoterRow) -> Result<VotingToken, ServiceError> {
    let token = VotingToken::generate().map_err(|e| ServiceError::Random(e.to_string()))?;
    db.set_voter_token(row.id, &stored_token_hash(&token))
        .await?;
    Ok(token)
}

/// The voter a voting link belongs to, if it is known and not revoked, with the election's
/// slug. For the sign-in's voting-link authority.
pub async fn voter_by_link(
    db: &Db,
    token: &VotingToken,
) -> Result<Option<(String, VoterRow)>, ServiceError> {
    let Some((row, slug, _state)) = db
        .voter_by_token_with_election(&stored_token_hash(token))
        .await?
    else {
        return Ok(None);
    };
    if row.revoked {
        return Ok(None);
    }
    Ok(Some((slug, row)))
}

/// The link a voter opens: `{base_url}/vote#{token}` (in the fragment, so the token never
/// reaches server logs or `Referer` headers).
pub fn link_url(base_url: &str, token: &VotingToken) -> String {
    format!("{}/vote#{}", base_url.trim_end_matches('/'), token.reveal())
}

/// The CSV for distributing links: a `voter,email,link` header, then one row per link.
/// Fields that could be read as spreadsheet formulas are prefixed with `'`.
pub fn links_csv(links: &[IssuedLink], base_url: &str) -> String {
    let mut out = String::from("voter,email,link\n");
    for l in links {
        out.push_str(&csv_field(&l.voter));
        out.push(',');
        out.push_str(&csv_field(l.email.as_deref().unwrap_or("")));
        out.push(',');
        out.push_str(&csv_field(&link_url(base_url, &l.token)));
        out.push('\n');
    }
    out
}

fn csv_field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=SUM(A1)"), "'=SUM(A1)");
    }

    #[test]
    fn links_csv_has_one_row_per_link_and_the_token_in_the_fragment() {
        let token = VotingToken::parse("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8").unwrap();
        let link = IssuedLink {
            voter: "Ann, Jr.".into(),
            email: Some("ann@example.org".into()),
            voter_id: VoterId(1),
            token,
        };
        assert_eq!(
            links_csv(std::slice::from_ref(&link), "https://vote.example.org/"),
            "voter,email,link\n\"Ann, Jr.\",ann@example.org,\
             https://vote.example.org/vote#AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8\n"
        );
        assert!(!format!("{link:?}").contains("AAEC"));
    }
}
