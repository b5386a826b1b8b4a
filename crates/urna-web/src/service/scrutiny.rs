//! Scrutiny without exposing voters (issue 7): fingerprints of each ballot submission,
//! clusters of voters who share them, the checkuser's view of raw values, and the purge of
//! all of it some days after the close.
//!
//! **Fingerprints.** Each accepted cast or revote leaves, keyed by voter (never by ballot, so
//! ballots stay unlinkable), three HMAC-SHA-256 fingerprints ([`SubmissionPrints`]): of the
//! client's network (the IPv4 /24 or IPv6 /64 holding its address), of its user agent, and of
//! a long-lived random browser cookie that is not tied to the voter. The HMAC key is derived
//! from the server key per election (`urna-scrutiny-fingerprint-v1`, the election's id), so
//! fingerprints from two elections cannot be joined, and without the server key they cannot
//! be reversed by trying every /24. The raw address and user agent are sealed
//! (XChaCha20-Poly1305) under a second per-election derived key (`urna-scrutiny-raw-v1`),
//! bound to the voter's row, and opened only for a holder of the checkuser right.
//!
//! **Clusters.** Voters are linked when they share a cookie (strong: the same browser), a user
//! agent on the same network (medium), or only a network (weak: a household, an office, a
//! carrier's NAT). A cluster is a connected group under any link; it lists each link with its
//! signal and voters, never a fingerprint, address or user agent. Every view of the clusters
//! and of raw values is written to the election's audit log (`scrutiny.clusters-viewed`,
//! `scrutiny.checkuser-viewed`), which every scrutineer of the election can list ([`views`]).
//!
//! **Purge.** [`purge`] deletes the election's private data ([`WriteTx::purge_private_data`]
//! says what); the scheduler ([`spawn_purger`]) runs it `purge_after_days` after the close,
//! and `urna purge --election SLUG` at once. docs/scrutiny.md lists what is kept and why.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::net::IpAddr;
use std::time::Duration;

use jiff::{SignedDuration, Timestamp};
use serde::Serialize;
use urna_core::lifecycle::State;
use urna_store::{Db, PurgeCounts, SubmissionPrints, VoterId};

use super::{Actor, LoadedElection, ServiceError, commit_audited};
use crate::auth::server_key::ServerSecretKey;

/// The audit action of a view of the clusters.
pub const CLUSTERS_VIEWED: &str = "scrutiny.clusters-viewed";
/// The audit action of a view of raw values by a checkuser.
pub const CHECKUSER_VIEWED: &str = "scrutiny.checkuser-viewed";
/// The audit action of a purge.
pub const PURGED: &str = "private_data_purged";
/// Longest user agent kept (bytes); longer ones are cut at a character boundary.
const MAX_USER_AGENT: usize = 512;

/// A browser cookie's value: 32 lowercase hexadecimal digits (16 random bytes).
#[derive(Clone, PartialEq, Eq)]
pub struct BrowserId(String);

impl std::fmt::Debug for BrowserId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BrowserId(<redacted>)")
    }
}

impl BrowserId {
    /// A new random id.
    pub fn generate() -> Result<BrowserId, ServiceError> {
        let bytes =
            crate::auth::random_bytes::<16>().map_err(|e| ServiceError::Random(e.to_string()))?;
        Ok(BrowserId(urna_crypto::encoding::to_hex(&bytes)))
    }

    /// A cookie's value, if it is one this server could have set; anything else is ignored
    /// (and replaced), so a client cannot choose a value that collides with another's.
    pub fn parse(text: &str) -> Option<BrowserId> {
        (text.len() == 32 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
            .then(|| BrowserId(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Where a ballot submission came from, as the HTTP layer saw it.
#[derive(Clone, Debug)]
pub struct Submission {
    /// The client's address ([`crate::security::client_address`]); `None` if unknown.
    pub address: Option<IpAddr>,
    /// The `User-Agent` header (empty when absent).
    pub user_agent: String,
    /// The browser cookie (sent, or just issued).
    pub browser: BrowserId,
}

/// The network an address belongs to, as scrutiny compares them: the IPv4 /24 or the IPv6
/// /64, written as CIDR text (`203.0.113.0/24`, `2001:db8:1:2::/64`). An IPv4-mapped IPv6
/// address counts as its IPv4 address.
pub fn network_of(address: IpAddr) -> String {
    match address.to_canonical() {
        IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            format!("{a}.{b}.{c}.0/24")
        }
        IpAddr::V6(v6) => {
            let mut octets = v6.octets();
            octets[8..].fill(0);
            format!("{}/64", std::net::Ipv6Addr::from(octets))
        }
    }
}

/// The per-election keys: fingerprints, and sealing of raw values.
fn fingerprint_key(server_key: &ServerSecretKey, loaded: &LoadedElection) -> ServerSecretKey {
    server_key.derive(
        "urna-scrutiny-fingerprint-v1",
        loaded.election.id().as_str().as_bytes(),
    )
}

fn raw_key(server_key: &ServerSecretKey, loaded: &LoadedElection) -> ServerSecretKey {
    server_key.derive(
        "urna-scrutiny-raw-v1",
        loaded.election.id().as_str().as_bytes(),
    )
}

/// What binds sealed raw values to their voter's row.
fn raw_associated_data(voter: VoterId) -> Vec<u8> {
    format!("urna-scrutiny-raw voter:{voter}").into_bytes()
}

/// The raw values, as sealed.
#[derive(serde::Deserialize, Serialize)]
struct RawValues {
    address: Option<String>,
    user_agent: String,
}

/// Computes a submission's fingerprints under the election's key and seals its raw values.
/// An unknown address gets a random network fingerprint, which links it to nobody.
pub fn fingerprint(
    server_key: &ServerSecretKey,
    loaded: &LoadedElection,
    voter: VoterId,
    submission: &Submission,
) -> Result<SubmissionPrints, ServiceError> {
    let key = fingerprint_key(server_key, loaded);
    let network = match submission.address {
        Some(address) => key.mac(&[b"network\0", network_of(address).as_bytes()]),
        None => {
            let unlinkable = crate::auth::random_bytes::<32>()
                .map_err(|e| ServiceError::Random(e.to_string()))?;
            key.mac(&[b"network-unknown\0", &unlinkable])
        }
    };
    let user_agent = truncate(&submission.user_agent, MAX_USER_AGENT);
    let raw = serde_json::to_vec(&RawValues {
        address: submission.address.map(|a| a.to_canonical().to_string()),
        user_agent: user_agent.to_owned(),
    })
    .map_err(|e| super::corrupt("a submission's raw values as JSON", e))?;
    let sealed_raw = raw_key(server_key, loaded)
        .seal(&raw_associated_data(voter), &raw)
        .map_err(|e| ServiceError::Random(e.to_string()))?;
    Ok(SubmissionPrints {
        network,
        agent: key.mac(&[b"agent\0", user_agent.as_bytes()]),
        cookie: key.mac(&[b"cookie\0", submission.browser.as_str().as_bytes()]),
        sealed_raw,
    })
}

fn truncate(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// What links voters, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Signal {
    /// The same browser cookie: the same browser profile.
    Cookie,
    /// The same user agent from the same network.
    AgentOnNetwork,
    /// Only the same network.
    Network,
}

/// How much a link says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    Strong,
    Medium,
    Weak,
}

impl Signal {
    pub fn strength(self) -> Strength {
        match self {
            Signal::Cookie => Strength::Strong,
            Signal::AgentOnNetwork => Strength::Medium,
            Signal::Network => Strength::Weak,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Signal::Cookie => "cookie",
            Signal::AgentOnNetwork => "agent_on_network",
            Signal::Network => "network",
        }
    }
}

impl Strength {
    pub fn name(self) -> &'static str {
        match self {
            Strength::Strong => "strong",
            Strength::Medium => "medium",
            Strength::Weak => "weak",
        }
    }
}

/// A group of voters who share one fingerprint.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub signal: Signal,
    pub strength: Strength,
    /// Voter identifiers, sorted.
    pub voters: Vec<String>,
}

/// A voter in a cluster: who, and whether they have a counted ballot now.
#[derive(Debug, Clone, Serialize)]
pub struct ClusterVoter {
    pub voter: String,
    pub counted: bool,
}

/// Voters connected by shared fingerprints, with every link between them.
#[derive(Debug, Clone, Serialize)]
pub struct Cluster {
    /// The strongest of its links.
    pub strength: Strength,
    pub voters: Vec<ClusterVoter>,
    pub links: Vec<Link>,
}

/// Groups voters by shared fingerprints (pure: rows in, clusters out). Sorted: strongest
/// first, then larger, then by first identifier.
pub fn clusters_of(
    rows: &[urna_store::PrintRow],
    counted: &HashMap<VoterId, bool>,
) -> Vec<Cluster> {
    let mut names: BTreeMap<VoterId, &str> = BTreeMap::new();
    // (signal, fingerprint bytes) → voters sharing it.
    let mut groups: BTreeMap<(Signal, Vec<u8>), BTreeSet<VoterId>> = BTreeMap::new();
    for row in rows {
        names.insert(row.voter, &row.identifier);
        let on_network = [row.network.as_slice(), row.agent.as_slice()].concat();
        for (signal, print) in [
            (Signal::Cookie, row.cookie.clone()),
            (Signal::AgentOnNetwork, on_network),
            (Signal::Network, row.network.clone()),
        ] {
            groups.entry((signal, print)).or_default().insert(row.voter);
        }
    }
    groups.retain(|_, voters| voters.len() >= 2);
    // Union-find over the voters of every group.
    let mut parent: BTreeMap<VoterId, VoterId> = BTreeMap::new();
    fn root(parent: &mut BTreeMap<VoterId, VoterId>, voter: VoterId) -> VoterId {
        let mut at = voter;
        while let Some(&up) = parent.get(&at).filter(|&&up| up != at) {
            at = up;
        }
        parent.insert(voter, at);
        at
    }
    for voters in groups.values() {
        let mut members = voters.iter();
        let Some(&first) = members.next() else {
            continue;
        };
        let first_root = root(&mut parent, first);
        for &other in members {
            let other_root = root(&mut parent, other);
            if other_root != first_root {
                parent.insert(other_root, first_root);
            }
        }
    }
    let mut by_root: BTreeMap<VoterId, (BTreeSet<VoterId>, Vec<Link>)> = BTreeMap::new();
    for ((signal, _), voters) in &groups {
        let Some(&first) = voters.iter().next() else {
            continue;
        };
        let cluster_root = root(&mut parent, first);
        let entry = by_root.entry(cluster_root).or_default();
        entry.0.extend(voters.iter().copied());
        let mut identifiers: Vec<String> = voters
            .iter()
            .filter_map(|v| names.get(v).map(|n| (*n).to_owned()))
            .collect();
        identifiers.sort();
        entry.1.push(Link {
            signal: *signal,
            strength: signal.strength(),
            voters: identifiers,
        });
    }
    let mut clusters: Vec<Cluster> = by_root
        .into_values()
        .map(|(voters, mut links)| {
            links.sort_by(|a, b| (a.signal, &a.voters).cmp(&(b.signal, &b.voters)));
            // A network link that says no more than a stronger link between the same voters
            // is left out: it would only repeat them.
            let stronger: Vec<Vec<String>> = links
                .iter()
                .filter(|l| l.signal != Signal::Network)
                .map(|l| l.voters.clone())
                .collect();
            links.retain(|l| l.signal != Signal::Network || !stronger.contains(&l.voters));
            let mut voters: Vec<ClusterVoter> = voters
                .iter()
                .filter_map(|v| {
                    Some(ClusterVoter {
                        voter: (*names.get(v)?).to_owned(),
                        counted: counted.get(v).copied().unwrap_or(false),
                    })
                })
                .collect();
            voters.sort_by(|a, b| a.voter.cmp(&b.voter));
            Cluster {
                strength: links
                    .iter()
                    .map(|l| l.strength)
                    .min()
                    .unwrap_or(Strength::Weak),
                voters,
                links,
            }
        })
        .collect();
    clusters.sort_by(|a, b| {
        (
            a.strength,
            std::cmp::Reverse(a.voters.len()),
            a.voters.first().map(|v| &v.voter),
        )
            .cmp(&(
                b.strength,
                std::cmp::Reverse(b.voters.len()),
                b.voters.first().map(|v| &v.voter),
            ))
    });
    clusters
}

/// The election's clusters, for a scrutineer: the view is logged first (no log, no view).
pub async fn clusters(
    db: &Db,
    slug: &str,
    actor: Actor,
    now: Timestamp,
) -> Result<Vec<Cluster>, ServiceError> {
    let loaded = super::load(db, slug).await?;
    let rows = db.submission_prints(loaded.row_id).await?;
    let counted: HashMap<VoterId, bool> = db
        .voters(loaded.row_id)
        .await?
        .into_iter()
        .map(|v| (v.id, v.voted))
        .collect();
    let clusters = clusters_of(&rows, &counted);
    super::audit(
        db,
        loaded.row_id,
        actor,
        CLUSTERS_VIEWED,
        &serde_json::json!({
            "clusters": clusters.len(),
            "voters": clusters.iter().map(|c| c.voters.len()).sum::<usize>(),
        }),
        now,
    )
    .await?;
    Ok(clusters)
}

/// One submission's raw values, for a checkuser.
#[derive(Clone, Serialize)]
pub struct RawSubmission {
    pub voter: String,
    /// The client's address; `None` when the server did not know it.
    pub address: Option<String>,
    /// Its network (/24 or /64).
    pub network: Option<String>,
    pub user_agent: String,
}

impl std::fmt::Debug for RawSubmission {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RawSubmission")
            .field("voter", &self.voter)
            .finish_non_exhaustive()
    }
}

/// The raw values of `voters`' submissions, for a holder of the checkuser right (the caller
/// checks the right), with a reason, which the audit log keeps with the voters' identifiers
/// before anything is opened.
pub async fn reveal(
    db: &Db,
    server_key: &ServerSecretKey,
    slug: &str,
    voters: &[String],
    reason: &str,
    actor: Actor,
    now: Timestamp,
) -> Result<Vec<RawSubmission>, ServiceError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(ServiceError::Refused(
            "give a reason for viewing a voter's private data".into(),
        ));
    }
    if voters.is_empty() {
        return Err(ServiceError::Refused("name at least one voter".into()));
    }
    let loaded = super::load(db, slug).await?;
    let mut ids = Vec::with_capacity(voters.len());
    let mut identifiers = BTreeSet::new();
    for voter in voters {
        let row = super::voters::voter_named(db, &loaded, voter.trim()).await?;
        ids.push(row.id);
        identifiers.insert(row.identifier);
    }
    super::audit(
        db,
        loaded.row_id,
        actor,
        CHECKUSER_VIEWED,
        &serde_json::json!({ "voters": identifiers, "reason": reason }),
        now,
    )
    .await?;
    let key = raw_key(server_key, &loaded);
    db.sealed_submissions(loaded.row_id, &ids)
        .await?
        .into_iter()
        .map(|sealed| {
            let opened = key
                .open(&raw_associated_data(sealed.voter), &sealed.sealed_raw)
                .ok_or_else(|| {
                    super::corrupt(
                        format!("the sealed submission of {:?}", sealed.identifier),
                        "the server key does not open it",
                    )
                })?;
            let raw: RawValues = serde_json::from_slice(&opened)
                .map_err(|e| super::corrupt("a sealed submission", e))?;
            let network = raw
                .address
                .as_deref()
                .and_then(|a| a.parse::<IpAddr>().ok())
                .map(network_of);
            Ok(RawSubmission {
                voter: sealed.identifier,
                address: raw.address,
                network,
                user_agent: raw.user_agent,
            })
        })
        .collect()
}

/// One logged view of private data, as every scrutineer of the election may list them.
#[derive(Debug, Clone, Serialize)]
pub struct PrivateView {
    pub at: String,
    pub actor: String,
    pub action: String,
    /// The entry's details JSON (voters, reason; counts for the cluster page).
    pub details: serde_json::Value,
}

/// Every logged view of the election's private data, oldest first.
pub async fn views(db: &Db, slug: &str) -> Result<Vec<PrivateView>, ServiceError> {
    let loaded = super::load(db, slug).await?;
    Ok(db
        .audit_log(Some(loaded.row_id))
        .await?
        .into_iter()
        .filter(|e| e.action == CLUSTERS_VIEWED || e.action == CHECKUSER_VIEWED)
        .map(|e| PrivateView {
            at: crate::admin_access::utc_text(e.at),
            actor: e.actor,
            action: e.action,
            details: serde_json::from_str(&e.details).unwrap_or(serde_json::Value::Null),
        })
        .collect())
}

/// Strikes each named voter's ballot with one reason (through [`super::admin::strike`], each
/// its own act with its own audit entry and notice). Returns each voter's outcome.
pub async fn strike_voters(
    db: &Db,
    slug: &str,
    voters: &[String],
    reason: &str,
    actor: Actor,
    now: Timestamp,
) -> Vec<(String, Result<(), ServiceError>)> {
    let mut outcomes = Vec::with_capacity(voters.len());
    for voter in voters {
        let outcome = super::admin::strike(db, slug, voter, reason, actor, now).await;
        outcomes.push((voter.clone(), outcome));
    }
    outcomes
}

/// What a purge did.
#[derive(Debug, Clone, Copy)]
pub struct PurgeReport {
    pub counts: PurgeCounts,
    /// Whether superseded ballots were included (only once results are published).
    pub ballots_included: bool,
    /// False when the election had been purged before (by this call's claim).
    pub first: bool,
}

/// Purges the election's private data now. Refused until voting has closed. Superseded
/// ballots go only once the results are published (before that, a strike may still be
/// undone and the count may still need them). An asked-for purge (by an admin or `urna
/// purge`) is always logged; a `scheduled` one only when it is the first, so two servers
/// running the scheduler log it once.
pub async fn purge(
    db: &Db,
    slug: &str,
    actor: Actor,
    scheduled: bool,
    now: Timestamp,
) -> Result<PurgeReport, ServiceError> {
    let loaded = super::load(db, slug).await?;
    let state = loaded.state();
    if !matches!(
        state,
        State::Closed | State::Counted | State::Published | State::Archived
    ) {
        return Err(ServiceError::Refused(format!(
            "election {slug:?} is {}: private data is purged only after voting has closed",
            state.name()
        )));
    }
    let ballots_included = matches!(state, State::Published | State::Archived);
    let mut tx = db.begin_write().await?;
    let (counts, first) = tx
        .purge_private_data(loaded.row_id, slug, ballots_included, super::micros(now))
        .await?;
    if !first && scheduled {
        // Another server purged it first; dropping the transaction rolls back nothing new.
        drop(tx);
    } else {
        commit_audited(
            tx,
            loaded.row_id,
            actor,
            PURGED,
            &serde_json::json!({
                "submissions": counts.submissions,
                "vote_times": counts.vote_times,
                "superseded_ballots": counts.superseded_ballots,
                "voter_sessions": counts.voter_sessions,
                "voter_emails": counts.voter_emails,
                "mail_rows": counts.mail_rows,
                "ballots_included": ballots_included,
            }),
            now,
        )
        .await?;
    }
    Ok(PurgeReport {
        counts,
        ballots_included,
        first,
    })
}

/// Purges every election closed at least `after` ago and not purged yet; returns the slugs
/// purged. A failure on one election does not stop the others.
pub async fn run_due_purges(
    db: &Db,
    after: SignedDuration,
    now: Timestamp,
) -> Result<Vec<String>, ServiceError> {
    let mut purged = Vec::new();
    for row in db.elections().await? {
        let slug = row.slug.clone();
        let row_id = row.id;
        let loaded = match super::from_row(row) {
            Ok(loaded) => loaded,
            Err(e) => {
                tracing::warn!(election = %slug, error = %e, "the purge skipped an election");
                continue;
            }
        };
        if !matches!(
            loaded.state(),
            State::Closed | State::Counted | State::Published | State::Archived
        ) {
            continue;
        }
        let Some(closes) = loaded.election.window().map(|w| w.closes()) else {
            continue;
        };
        match closes.checked_add(after) {
            Ok(due) if now >= due => {}
            _ => continue,
        }
        if db.purged_at(row_id).await?.is_some() {
            continue;
        }
        match purge(db, &slug, Actor::System, true, now).await {
            Ok(report) if report.first => purged.push(slug),
            Ok(_) => {}
            Err(e) => tracing::warn!(election = %slug, error = %e, "purge failed"),
        }
    }
    Ok(purged)
}

/// Runs [`run_due_purges`] every `every`, purging `after_days` days after each close.
pub fn spawn_purger(db: Db, after_days: u32, every: Duration) -> tokio::task::JoinHandle<()> {
    let after = SignedDuration::from_hours(i64::from(after_days) * 24);
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(every);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        loop {
            interval.tick().await;
            match run_due_purges(&db, after, Timestamp::now()).await {
                Ok(purged) => {
                    for slug in purged {
                        tracing::info!(election = %slug, "private data purged");
                    }
                }
                Err(e) => tracing::warn!(error = %e, "the purge could not list elections"),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn networks_are_the_ipv4_slash_24_and_the_ipv6_slash_64() {
        let net = |s: &str| network_of(s.parse().expect("address"));
        // RFC 4632: a /24 keeps the first 24 bits, so 203.0.113.7 and .250 share 203.0.113.0.
        assert_eq!(net("203.0.113.7"), "203.0.113.0/24");
        assert_eq!(net("203.0.113.250"), "203.0.113.0/24");
        assert_eq!(net("203.0.114.7"), "203.0.114.0/24");
        // RFC 4291 §2.5.5.2: ::ffff:203.0.113.7 is that IPv4 address.
        assert_eq!(net("::ffff:203.0.113.7"), "203.0.113.0/24");
        // RFC 4291 §2.5.4: the first 64 bits (four groups) are the subnet prefix.
        assert_eq!(net("2001:db8:1:2:aaaa:bbbb:cccc:dddd"), "2001:db8:1:2::/64");
        assert_eq!(net("2001:db8:1:2::1"), "2001:db8:1:2::/64");
        assert_eq!(net("2001:db8:1:3::1"), "2001:db8:1:3::/64");
    }

    #[test]
    fn browser_ids_are_32_lowercase_hex_digits() {
        let id = BrowserId::generate().expect("random");
        assert_eq!(id.as_str().len(), 32);
        assert_eq!(BrowserId::parse(id.as_str()), Some(id));
        assert!(BrowserId::parse("0123456789abcdef0123456789ABCDEF").is_none());
        assert!(BrowserId::parse("0123456789abcdef").is_none());
        assert!(BrowserId::parse("0123456789abcdef0123456789abcdeg").is_none());
    }

    #[test]
    fn long_user_agents_are_cut_at_a_character_boundary() {
        // "é" is two bytes: 3 of them cut at 5 bytes keep two (4 bytes).
        assert_eq!(truncate("ééé", 5), "éé");
        assert_eq!(truncate("abc", 5), "abc");
    }

    fn row(voter: i64, name: &str, network: u8, agent: u8, cookie: u8) -> urna_store::PrintRow {
        urna_store::PrintRow {
            voter: VoterId(voter),
            identifier: name.to_owned(),
            network: vec![network; 32],
            agent: vec![agent; 32],
            cookie: vec![cookie; 32],
        }
    }

    #[test]
    fn clusters_join_voters_through_any_shared_signal() {
        // ada and bob share a cookie (1); bob and cy share agent 7 on network 2; dee is on
        // network 3 with eve, but with other agents and cookies; fay shares nothing.
        let rows = vec![
            row(1, "ada", 1, 5, 1),
            row(2, "bob", 2, 7, 1),
            row(3, "cy", 2, 7, 3),
            row(4, "dee", 3, 8, 4),
            row(5, "eve", 3, 9, 5),
            row(6, "fay", 4, 10, 6),
        ];
        let counted = HashMap::from([(VoterId(1), true), (VoterId(2), false)]);
        let clusters = clusters_of(&rows, &counted);
        assert_eq!(clusters.len(), 2, "{clusters:?}");
        let first = &clusters[0];
        assert_eq!(first.strength, Strength::Strong);
        let names: Vec<&str> = first.voters.iter().map(|v| v.voter.as_str()).collect();
        assert_eq!(names, ["ada", "bob", "cy"]);
        assert!(first.voters[0].counted && !first.voters[1].counted);
        let links: Vec<(Signal, Vec<String>)> = first
            .links
            .iter()
            .map(|l| (l.signal, l.voters.clone()))
            .collect();
        // bob and cy's network link repeats their agent-on-network link: left out.
        assert_eq!(
            links,
            [
                (Signal::Cookie, vec!["ada".to_owned(), "bob".to_owned()]),
                (
                    Signal::AgentOnNetwork,
                    vec!["bob".to_owned(), "cy".to_owned()]
                ),
            ]
        );
        let second = &clusters[1];
        assert_eq!(second.strength, Strength::Weak);
        assert_eq!(second.links.len(), 1);
        assert_eq!(second.links[0].signal, Signal::Network);
        assert_eq!(second.links[0].voters, ["dee", "eve"]);
    }

    #[test]
    fn one_voter_alone_is_no_cluster() {
        // Two submissions of one voter share everything, but with nobody else.
        let rows = vec![row(1, "ada", 1, 1, 1), row(1, "ada", 1, 1, 1)];
        assert!(clusters_of(&rows, &HashMap::new()).is_empty());
    }
}
