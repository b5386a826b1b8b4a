//! Each election's sign-in settings: which providers apply, whether a wiki account that is
//! blocked is refused, and the contact text a voter who is not on the list is given.
//!
//! Stored as JSON in urna-store's `election_signin` (migration 0014); an election without a
//! row offers voting links only ([`ElectionSignIn::default`]). Changing them is an admin act
//! with its audit entry (`election.signin`), and every provider named must be configured on
//! this server.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use urna_store::Db;

use super::ProviderRef;
use super::config::SignInConfig;
use crate::service::{Actor, ServiceError, commit_audited, corrupt};

/// Longest contact text, in characters.
pub const MAX_CONTACT_CHARS: usize = 2000;

/// An election's sign-in settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElectionSignIn {
    /// The providers that apply, in the order the sign-in page offers them.
    pub providers: Vec<ProviderRef>,
    /// Refuse a wiki account whose profile says it is blocked.
    #[serde(default = "yes")]
    pub refuse_blocked: bool,
    /// Whom to ask, shown to a voter who signed in but is not on the voter list.
    #[serde(default)]
    pub contact: String,
}

fn yes() -> bool {
    true
}

impl Default for ElectionSignIn {
    fn default() -> Self {
        ElectionSignIn {
            providers: vec![ProviderRef::VotingLink],
            refuse_blocked: true,
            contact: String::new(),
        }
    }
}

impl ElectionSignIn {
    pub fn offers(&self, provider: &ProviderRef) -> bool {
        self.providers.contains(provider)
    }

    /// Checks the settings against the server's configuration: at least one provider, each
    /// configured, none twice, the contact text not too long.
    pub fn check(&self, config: &SignInConfig) -> Result<(), ServiceError> {
        if self.providers.is_empty() {
            return Err(ServiceError::Refused(
                "choose at least one sign-in provider".to_owned(),
            ));
        }
        for (i, provider) in self.providers.iter().enumerate() {
            let configured = match provider {
                ProviderRef::VotingLink => true,
                ProviderRef::Wiki(name) => config.wiki(name).is_some(),
                ProviderRef::Oidc(name) => config.oidc(name).is_some(),
            };
            if !configured {
                return Err(ServiceError::Refused(format!(
                    "the sign-in provider {provider} is not configured on this server"
                )));
            }
            if self.providers[..i].contains(provider) {
                return Err(ServiceError::Refused(format!(
                    "the sign-in provider {provider} is listed twice"
                )));
            }
        }
        if self.contact.chars().count() > MAX_CONTACT_CHARS {
            return Err(ServiceError::Refused(format!(
                "the contact text is longer than {MAX_CONTACT_CHARS} characters"
            )));
        }
        Ok(())
    }
}

/// The settings of the election with this row id (the default without a row).
pub async fn of_election(
    db: &Db,
    election: urna_store::ElectionId,
) -> Result<ElectionSignIn, ServiceError> {
    match db.election_signin(election).await? {
        None => Ok(ElectionSignIn::default()),
        Some(text) => serde_json::from_str(&text)
            .map_err(|e| corrupt(format!("the sign-in settings of election {election}"), e)),
    }
}

/// The settings of the election `slug`.
pub async fn load(db: &Db, slug: &str) -> Result<ElectionSignIn, ServiceError> {
    let row = db
        .election_by_slug(slug)
        .await?
        .ok_or_else(|| ServiceError::NoSuchElection(slug.to_owned()))?;
    of_election(db, row.id).await
}

/// Replaces the settings of election `slug` (checked against `config`), with its audit entry.
pub async fn save(
    db: &Db,
    config: &SignInConfig,
    slug: &str,
    settings: &ElectionSignIn,
    actor: Actor,
    now: Timestamp,
) -> Result<(), ServiceError> {
    settings.check(config)?;
    let row = db
        .election_by_slug(slug)
        .await?
        .ok_or_else(|| ServiceError::NoSuchElection(slug.to_owned()))?;
    let details = serde_json::to_value(settings).map_err(|e| corrupt("sign-in settings", e))?;
    let mut tx = db.begin_write().await?;
    tx.set_election_signin(row.id, &details.to_string()).await?;
    commit_audited(tx, row.id, actor, "election.signin", &details, now).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_checked_against_the_configuration() {
        let config: SignInConfig = serde_json::from_str(
            r#"{"wiki": [{"name": "enwiki", "base_url": "https://en.wikipedia.org/w",
                "client_id": "a", "client_secret": "b"}]}"#,
        )
        .expect("config");
        let parse = |json: &str| serde_json::from_str::<ElectionSignIn>(json).expect(json);
        assert!(
            parse(r#"{"providers": ["link", "wiki:enwiki"]}"#)
                .check(&config)
                .is_ok()
        );
        let not_configured = parse(r#"{"providers": ["oidc:corp"]}"#).check(&config);
        assert!(
            matches!(&not_configured, Err(ServiceError::Refused(m)) if m.contains("oidc:corp")),
            "{not_configured:?}"
        );
        assert!(parse(r#"{"providers": []}"#).check(&config).is_err());
        assert!(
            parse(r#"{"providers": ["link", "link"]}"#)
                .check(&config)
                .is_err()
        );
        assert!(serde_json::from_str::<ElectionSignIn>(r#"{"providers": ["saml:x"]}"#).is_err());
        // Blocked wiki accounts are refused unless the election says otherwise.
        assert!(parse(r#"{"providers": ["link"]}"#).refuse_blocked);
    }
}
