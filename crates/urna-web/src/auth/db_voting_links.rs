//! The [`VotingLinkAuthority`] `urna serve` uses: voting-link tokens looked up in the voter
//! list (urna-store `voters`, by hash).
//!
//! A token signs a voter in only if it is a well-formed urna-core [`VotingToken`], some voter's
//! stored hash matches it, that voter is not revoked, their election is open and offers
//! voting links (its sign-in settings, `crate::signin::settings`). Every refusal
//! looks the same to the visitor ("unknown or expired"), so the form does not reveal which
//! tokens exist.

use urna_core::lifecycle::State;
use urna_core::token::VotingToken;
use urna_store::Db;

use super::session::{BoxFuture, Principal};
use super::voting_link::{VotingLinkAuthority, VotingLinkToken};

/// What a voter row stores for a token: defined once, in the service layer that issues links.
pub use crate::service::voters::stored_token_hash;

/// Voting links from the database.
#[derive(Debug, Clone)]
pub struct DbVotingLinks {
    db: Db,
}

impl DbVotingLinks {
    pub fn new(db: Db) -> Self {
        DbVotingLinks { db }
    }
}

impl VotingLinkAuthority for DbVotingLinks {
    fn redeem<'a>(
        &'a self,
        token: &'a VotingLinkToken,
    ) -> BoxFuture<'a, Result<Option<Principal>, String>> {
        Box::pin(async move {
            // The form accepts a wider shape than urna-core's tokens; anything else is unknown.
            let Ok(token) = VotingToken::parse(token.expose()) else {
                return Ok(None);
            };
            let found = self
                .db
                .voter_by_token_with_election(&stored_token_hash(&token))
                .await
                .map_err(|e| e.to_string())?;
            let Some((voter, slug, state)) = found else {
                return Ok(None);
            };
            if voter.revoked {
                tracing::info!(voter = %voter.id, "voting link of a revoked voter refused");
                return Ok(None);
            }
            // Paused: the voter signs in and is told voting is paused (service::live).
            if state != State::Open.name() && state != State::Paused.name() {
                tracing::info!(election = %slug, state = %state, "voting link refused: election not open");
                return Ok(None);
            }
            // --- voter sign-in (signin branch): the election chooses its providers ---
            let settings = crate::signin::settings::of_election(&self.db, voter.election)
                .await
                .map_err(|e| e.to_string())?;
            if !settings.offers(&crate::signin::ProviderRef::VotingLink) {
                tracing::info!(election = %slug, "voting link refused: the election does not offer voting links");
                return Ok(None);
            }
            // --- end voter sign-in ---
            Ok(Some(Principal::Voter {
                election: slug,
                voter: voter.id.to_string(),
                link: crate::service::voters::session_link_binding(&voter.token_hash),
            }))
        })
    }
}
