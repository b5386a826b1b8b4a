//! Voter sign-in with a personal voting link.
//!
//! A voting link carries a high-entropy token (`https://host/vote#<token>`: in the fragment, so
//! it never reaches server logs or proxies; the page's script copies it into the form). Voters
//! may also paste the whole link or the bare token into the form. Which tokens are valid is
//! decided by a [`VotingLinkAuthority`]: the election store provides one; until it lands,
//! [`NoVotingLinks`] knows no token, so every sign-in answers "unknown or expired".

use std::fmt;

use super::session::{BoxFuture, Principal};

/// Shortest and longest token accepted, in characters. 22 base64url characters carry 128 bits.
pub const MIN_TOKEN_CHARS: usize = 22;
pub const MAX_TOKEN_CHARS: usize = 128;

/// A voting-link token as submitted: the right shape, not yet known to be valid. Never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct VotingLinkToken(String);

impl fmt::Debug for VotingLinkToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("VotingLinkToken(<redacted>)")
    }
}

/// Why the submitted text is not a voting link.
#[derive(Debug, Clone, Copy, thiserror::Error, PartialEq, Eq)]
pub enum VotingLinkError {
    #[error("no voting link was entered")]
    Empty,
    #[error("the text entered is not a voting link")]
    Malformed,
}

impl VotingLinkToken {
    /// Reads a pasted link (`…/vote#TOKEN`, `…/vote?token=TOKEN`, `…/vote/TOKEN`) or a bare
    /// token: base64url characters only.
    pub fn parse(submitted: &str) -> Result<Self, VotingLinkError> {
        let text = submitted.trim();
        if text.is_empty() {
            return Err(VotingLinkError::Empty);
        }
        let token = text.rsplit(['#', '=', '/']).next().unwrap_or(text).trim();
        let well_formed = (MIN_TOKEN_CHARS..=MAX_TOKEN_CHARS).contains(&token.len())
            && token
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if well_formed {
            Ok(VotingLinkToken(token.to_owned()))
        } else {
            Err(VotingLinkError::Malformed)
        }
    }

    /// The token, for the authority to look up (by hash, in constant time).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// Decides which voting-link tokens sign a voter in.
pub trait VotingLinkAuthority: Send + Sync + fmt::Debug + 'static {
    /// The voter the token belongs to, or `None` if it is unknown, revoked or expired.
    fn redeem<'a>(
        &'a self,
        token: &'a VotingLinkToken,
    ) -> BoxFuture<'a, Result<Option<Principal>, String>>;
}

/// The authority used until the election store exists: it knows no voting link.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoVotingLinks;

impl VotingLinkAuthority for NoVotingLinks {
    fn redeem<'a>(
        &'a self,
        _token: &'a VotingLinkToken,
    ) -> BoxFuture<'a, Result<Option<Principal>, String>> {
        Box::pin(async { Ok(None) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "q3Vb9XoZ_r2mK8-pLw0tYc4nHd6sJe1AfGu7iTx5BzQ";

    #[test]
    fn accepts_bare_tokens_and_whole_links() {
        for pasted in [
            TOKEN.to_owned(),
            format!("  {TOKEN}\n"),
            format!("https://vote.example.org/vote#{TOKEN}"),
            format!("https://vote.example.org/vote?token={TOKEN}"),
            format!("https://vote.example.org/vote/{TOKEN}"),
        ] {
            assert_eq!(
                VotingLinkToken::parse(&pasted).map(|t| t.expose().to_owned()),
                Ok(TOKEN.to_owned()),
                "{pasted}"
            );
        }
    }

    #[test]
    fn refuses_empty_short_and_foreign_text() {
        assert_eq!(VotingLinkToken::parse("   "), Err(VotingLinkError::Empty));
        assert_eq!(
            VotingLinkToken::parse("abc"),
            Err(VotingLinkError::Malformed)
        );
        assert_eq!(
            VotingLinkToken::parse(&"a".repeat(129)),
            Err(VotingLinkError::Malformed)
        );
        assert_eq!(
            VotingLinkToken::parse("<script>alert(1)</script>aaaaaaaaaaaaaaaaaaaaaa"),
            Err(VotingLinkError::Malformed)
        );
        let token = VotingLinkToken::parse(TOKEN).expect("valid");
        assert!(!format!("{token:?}").contains(TOKEN));
    }
}
