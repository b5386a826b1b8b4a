//! Eligibility from wiki data: rules, the snapshot fetched from the wikis, the voter list it
//! fills, and the explanation a refused voter is shown.
//!
//! 1. [`set_rules`]: an election's [`ElectionEligibility`] (wikis, cutoff, voter rules,
//!    candidate rules), audited; decisions already in the snapshot are re-evaluated from their
//!    kept facts at once, with no network.
//! 2. [`request_accounts`] / [`request_list`]: the accounts a fetch is to cover.
//! 3. [`fetch`]: at or after the cutoff, fetches the facts of every requested account that
//!    has no snapshot row yet, batch by batch (50 names per `list=users` request), writing each
//!    batch's rows in one transaction. Interrupted, it resumes where it stopped: accounts with a
//!    row are not fetched again. Per account it asks only for what some rule set still needs:
//!    no contributions or central data for an account an earlier rule already refused, or a
//!    list or group admitted; contributions counted only up to the rule's minimum.
//! 4. [`fill_voter_list`]: adds the eligible accounts, as `Name@wiki`, to the voter list.
//! 5. [`explain`]: the decision for one account, naming the first rule it failed with the
//!    values compared, and how to appeal. The sign-in calls it for a refused wiki account.

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;
use thiserror::Error;
use urna_core::wiki_eligibility::{
    AccountFacts, AccountList, AccountName, Admission, CentralFacts, Decision, ElectionEligibility,
    EligibilityRules, FactNeeds, Failure, RulesError, WikiAccount, WikiId,
};
use urna_store::{Db, EligibilityProgress, NewSnapshotRow, StoreError};

use super::voters::{UploadOutcome, upload_voters};
use super::{Actor, ServiceError, commit_audited, micros};
use crate::wiki_api::{MediaWikiClient, NAMES_PER_REQUEST, WikiApiError};

/// Where each wiki's Action API answers, and the central wiki's (CentralAuth and
/// GlobalBlocking; on Wikimedia, `https://meta.wikimedia.org/w/api.php`).
#[derive(Debug, Clone, Default)]
pub struct WikiSites {
    pub api: BTreeMap<WikiId, String>,
    pub central_api: Option<String>,
}

/// What went wrong with eligibility.
#[derive(Debug, Error)]
pub enum EligibilityError {
    #[error(transparent)]
    Service(#[from] ServiceError),
    #[error(transparent)]
    Wiki(#[from] WikiApiError),
    #[error(transparent)]
    Rules(#[from] RulesError),
    #[error("election {0:?} has no eligibility rules yet")]
    NoRules(String),
    #[error("no API address is configured for the wiki {0}")]
    UnknownWiki(WikiId),
    #[error(
        "the rules need central data (a central block threshold or a central list), but no central wiki API is configured"
    )]
    NoCentralWiki,
    #[error("the snapshot's cutoff {cutoff} is still to come: fetch at or after it")]
    BeforeCutoff { cutoff: Timestamp },
    #[error("the stored {what} is damaged: {detail}")]
    Corrupt { what: &'static str, detail: String },
}

impl From<StoreError> for EligibilityError {
    fn from(e: StoreError) -> EligibilityError {
        EligibilityError::Service(e.into())
    }
}

/// Sets an election's eligibility rules (audited as `eligibility_rules_set`), then
/// re-evaluates the decisions of any snapshot already taken.
pub async fn set_rules(
    db: &Db,
    slug: &str,
    rules: &ElectionEligibility,
    actor: Actor,
    now: Timestamp,
) -> Result<(), EligibilityError> {
    rules.needs()?;
    let loaded = super::load(db, slug).await?;
    let document = to_json(rules)?;
    let mut tx = db.begin_write().await?;
    tx.set_eligibility_rules(loaded.row_id, &document, micros(now))
        .await?;
    commit_audited(
        tx,
        loaded.row_id,
        actor,
        "eligibility_rules_set",
        &serde_json::json!({ "rules": document }),
        now,
    )
    .await?;
    reevaluate(db, slug).await?;
    Ok(())
}

/// An election's eligibility rules, if set.
pub async fn rules(db: &Db, slug: &str) -> Result<Option<ElectionEligibility>, EligibilityError> {
    let loaded = super::load(db, slug).await?;
    rules_of(db, loaded.row_id).await
}

async fn rules_of(
    db: &Db,
    election: urna_store::ElectionId,
) -> Result<Option<ElectionEligibility>, EligibilityError> {
    db.eligibility_rules(election)
        .await?
        .map(|v| {
            serde_json::from_value(v).map_err(|e| EligibilityError::Corrupt {
                what: "eligibility rules",
                detail: e.to_string(),
            })
        })
        .transpose()
}

async fn required_rules(
    db: &Db,
    slug: &str,
) -> Result<(urna_store::ElectionId, ElectionEligibility), EligibilityError> {
    let loaded = super::load(db, slug).await?;
    let rules = rules_of(db, loaded.row_id)
        .await?
        .ok_or_else(|| EligibilityError::NoRules(slug.to_owned()))?;
    Ok((loaded.row_id, rules))
}

/// Adds accounts for the next fetch to cover; returns how many were new.
pub async fn request_accounts(
    db: &Db,
    slug: &str,
    accounts: &[WikiAccount],
) -> Result<u64, EligibilityError> {
    let loaded = super::load(db, slug).await?;
    let names: Vec<String> = accounts.iter().map(ToString::to_string).collect();
    Ok(db.add_eligibility_requests(loaded.row_id, &names).await?)
}

/// Requests every account a list names on the election's wikis (a central list's global
/// names on each of them).
pub async fn request_list(
    db: &Db,
    slug: &str,
    list: &AccountList,
) -> Result<u64, EligibilityError> {
    let (_, rules) = required_rules(db, slug).await?;
    let accounts: Vec<WikiAccount> = list.accounts_on(&rules.wikis).into_iter().collect();
    request_accounts(db, slug, &accounts).await
}

/// Accounts requested and fetched.
pub async fn progress(db: &Db, slug: &str) -> Result<EligibilityProgress, EligibilityError> {
    let loaded = super::load(db, slug).await?;
    Ok(db.eligibility_progress(loaded.row_id).await?)
}

/// How many pending accounts one round of [`fetch`] reads (each wiki's share is then asked
/// for 50 names at a time).
const FETCH_ROUND: u32 = 500;

/// Fetches the facts of every requested account without a snapshot row (see the module
/// documentation) and stores them with their decisions. `on_progress` hears after each batch.
/// Refused before the rules' cutoff.
pub async fn fetch(
    db: &Db,
    slug: &str,
    client: &MediaWikiClient,
    sites: &WikiSites,
    now: Timestamp,
    on_progress: &mut (dyn FnMut(EligibilityProgress) + Send),
) -> Result<EligibilityProgress, EligibilityError> {
    let (election, rules) = required_rules(db, slug).await?;
    if now < rules.cutoff {
        return Err(EligibilityError::BeforeCutoff {
            cutoff: rules.cutoff,
        });
    }
    let needs = rules.needs()?;
    let central_api = match (&sites.central_api, needs.central) {
        (Some(api), true) => Some(api.as_str()),
        (None, true) => return Err(EligibilityError::NoCentralWiki),
        (_, false) => None,
    };
    on_progress(db.eligibility_progress(election).await?);
    loop {
        let pending = db
            .pending_eligibility_accounts(election, FETCH_ROUND)
            .await?;
        if pending.is_empty() {
            break;
        }
        let mut by_wiki: BTreeMap<WikiId, Vec<AccountName>> = BTreeMap::new();
        for text in &pending {
            let account = WikiAccount::parse(text).map_err(|e| EligibilityError::Corrupt {
                what: "requested account",
                detail: e.to_string(),
            })?;
            by_wiki.entry(account.wiki).or_default().push(account.name);
        }
        for (wiki, names) in by_wiki {
            let api = sites
                .api
                .get(&wiki)
                .ok_or_else(|| EligibilityError::UnknownWiki(wiki.clone()))?;
            for batch in names.chunks(NAMES_PER_REQUEST) {
                let fetcher = Fetcher {
                    client,
                    api,
                    central_api,
                    rules: &rules,
                    needs,
                };
                let facts = fetcher.batch(&wiki, batch).await?;
                store_facts(db, election, &rules, &facts, now).await?;
                on_progress(db.eligibility_progress(election).await?);
            }
        }
    }
    Ok(db.eligibility_progress(election).await?)
}

/// Writes facts and their decisions as snapshot rows.
async fn store_facts(
    db: &Db,
    election: urna_store::ElectionId,
    rules: &ElectionEligibility,
    facts: &[AccountFacts],
    now: Timestamp,
) -> Result<(), EligibilityError> {
    let documents = facts
        .iter()
        .map(|f| decide_documents(rules, f))
        .collect::<Result<Vec<_>, _>>()?;
    let rows: Vec<NewSnapshotRow<'_>> = documents.iter().map(|d| d.row()).collect();
    db.add_snapshot_rows(election, &rows, micros(now)).await?;
    Ok(())
}

/// One account's snapshot documents, ready to write.
struct SnapshotDocuments {
    account: String,
    facts: serde_json::Value,
    voter: serde_json::Value,
    voter_eligible: bool,
    candidate: Option<serde_json::Value>,
}

impl SnapshotDocuments {
    fn row(&self) -> NewSnapshotRow<'_> {
        NewSnapshotRow {
            account: &self.account,
            facts: &self.facts,
            voter_decision: &self.voter,
            voter_eligible: self.voter_eligible,
            candidate_decision: self.candidate.as_ref(),
        }
    }
}

fn decide_documents(
    rules: &ElectionEligibility,
    facts: &AccountFacts,
) -> Result<SnapshotDocuments, EligibilityError> {
    let voter = rules.voters.decide(facts);
    let candidate = rules
        .candidates
        .as_ref()
        .map(|c| to_json(&c.decide(facts)))
        .transpose()?;
    Ok(SnapshotDocuments {
        account: facts.account.to_string(),
        facts: to_json(facts)?,
        voter_eligible: voter.is_eligible(),
        voter: to_json(&voter)?,
        candidate,
    })
}

fn to_json(value: &impl serde::Serialize) -> Result<serde_json::Value, EligibilityError> {
    serde_json::to_value(value).map_err(|e| EligibilityError::Corrupt {
        what: "eligibility document",
        detail: e.to_string(),
    })
}

/// One wiki's share of a fetch.
struct Fetcher<'a> {
    client: &'a MediaWikiClient,
    api: &'a str,
    central_api: Option<&'a str>,
    rules: &'a ElectionEligibility,
    needs: FactNeeds,
}

impl Fetcher<'_> {
    /// The facts of up to 50 accounts of one wiki.
    async fn batch(
        &self,
        wiki: &WikiId,
        names: &[AccountName],
    ) -> Result<Vec<AccountFacts>, EligibilityError> {
        let infos = self.client.users(self.api, names).await?;
        let by_name: BTreeMap<&AccountName, _> = infos.iter().map(|u| (&u.name, u)).collect();
        let blocked: Vec<AccountName> = infos
            .iter()
            .filter(|u| u.blocked)
            .map(|u| u.name.clone())
            .collect();
        let blocks = if blocked.is_empty() {
            BTreeMap::new()
        } else {
            self.client.blocks(self.api, &blocked).await?
        };
        let mut all: Vec<AccountFacts> = names
            .iter()
            .map(|name| {
                let account = WikiAccount {
                    name: name.clone(),
                    wiki: wiki.clone(),
                };
                match by_name.get(name) {
                    Some(u) if u.exists => AccountFacts {
                        account,
                        exists: true,
                        edit_count: u.edit_count,
                        registration: u.registration,
                        groups: u.groups.clone(),
                        // `list=blocks` is the authority on how; `list=users` if it raced.
                        block: blocks.get(name).cloned().or_else(|| u.block.clone()),
                        edits_before: None,
                        edits_between: None,
                        central: None,
                    },
                    _ => AccountFacts::missing(account),
                }
            })
            .collect();

        // Central data, for the accounts some rule set could still admit.
        if let Some(central_api) = self.central_api {
            let wanted: Vec<usize> = (0..all.len())
                .filter(|&i| all[i].exists && self.worth_asking(&all[i]))
                .collect();
            let names: Vec<AccountName> = wanted
                .iter()
                .map(|&i| all[i].account.name.clone())
                .collect();
            let globally_blocked = if names.is_empty() {
                BTreeSet::new()
            } else {
                self.client.global_blocks(central_api, &names).await?
            };
            for i in wanted {
                let name = all[i].account.name.clone();
                let info = self.client.global_user_info(central_api, &name).await?;
                all[i].central = Some(match info {
                    Some(g) => CentralFacts {
                        globally_blocked: globally_blocked.contains(&g.name)
                            || globally_blocked.contains(&name),
                        global_name: Some(g.name),
                        blocked_on: g.blocked_on,
                        locked: g.locked,
                    },
                    None => CentralFacts {
                        globally_blocked: globally_blocked.contains(&name),
                        ..CentralFacts::default()
                    },
                });
            }
        }

        // Contributions, per account, only where a rule set could still admit it.
        if self.needs.edits_before.is_some() || self.needs.edits_between.is_some() {
            for facts in all.iter_mut().filter(|f| f.exists) {
                if !self.worth_asking(facts) {
                    continue;
                }
                if let Some(rule) = self.needs.edits_before {
                    facts.edits_before = Some(
                        self.client
                            .count_edits(
                                self.api,
                                &facts.account.name,
                                None,
                                rule.before,
                                rule.count,
                            )
                            .await?,
                    );
                }
                if let Some(rule) = self.needs.edits_between {
                    facts.edits_between = Some(
                        self.client
                            .count_edits(
                                self.api,
                                &facts.account.name,
                                Some(rule.from),
                                rule.to,
                                rule.count,
                            )
                            .await?,
                    );
                }
            }
        }
        Ok(all)
    }

    /// Whether fetching more about an account could change a decision: some rule set would
    /// admit it by all its rules were the facts not yet fetched as favourable as can be.
    fn worth_asking(&self, facts: &AccountFacts) -> bool {
        let mut probe = facts.clone();
        if probe.edits_before.is_none() {
            probe.edits_before = Some(u64::MAX);
        }
        if probe.edits_between.is_none() {
            probe.edits_between = Some(u64::MAX);
        }
        if probe.central.is_none() {
            probe.central = Some(CentralFacts::default());
        }
        self.rules
            .rule_sets()
            .any(|rules| would_need_more(rules, &probe))
    }
}

/// A favourable probe passes every rule (or fails only the central list, which no probe can
/// pass without the global name): the facts left to fetch decide.
fn would_need_more(rules: &EligibilityRules, probe: &AccountFacts) -> bool {
    matches!(
        rules.decide(probe),
        Decision::Eligible {
            admission: Admission::AllRulesPassed
        } | Decision::NotEligible {
            failure: Failure::NeedCentralList { .. }
        }
    )
}

/// What re-evaluating changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reevaluation {
    pub accounts: usize,
    pub voters_eligible: usize,
}

/// Decides every snapshot row again from its kept facts under the current rules (no network).
pub async fn reevaluate(db: &Db, slug: &str) -> Result<Reevaluation, EligibilityError> {
    let (election, rules) = required_rules(db, slug).await?;
    let rows = db.snapshot_rows(election).await?;
    let documents = rows
        .iter()
        .map(|row| {
            let facts: AccountFacts = serde_json::from_value(row.facts.clone()).map_err(|e| {
                EligibilityError::Corrupt {
                    what: "snapshot facts",
                    detail: format!("{}: {e}", row.account),
                }
            })?;
            decide_documents(&rules, &facts)
        })
        .collect::<Result<Vec<_>, _>>()?;
    let updates: Vec<NewSnapshotRow<'_>> = documents.iter().map(SnapshotDocuments::row).collect();
    db.set_snapshot_decisions(election, &updates).await?;
    Ok(Reevaluation {
        accounts: documents.len(),
        voters_eligible: documents.iter().filter(|d| d.voter_eligible).count(),
    })
}

/// Adds every account the snapshot finds eligible to vote to the voter list, as `Name@wiki`
/// (through the voter-list upload, so it is audited and checked like one). Voters already on
/// the list stay as they are.
pub async fn fill_voter_list(
    db: &Db,
    slug: &str,
    actor: Actor,
    now: Timestamp,
) -> Result<UploadOutcome, EligibilityError> {
    let (election, _) = required_rules(db, slug).await?;
    let rows = db.snapshot_rows(election).await?;
    let mut csv = String::from("voter\n");
    for row in rows.iter().filter(|r| r.voter_eligible) {
        // Quoted, so a name with a comma or quote stays one field.
        csv.push('"');
        csv.push_str(&row.account.replace('"', "\"\""));
        csv.push_str("\"\n");
    }
    Ok(upload_voters(db, slug, &csv, actor, now).await?)
}

/// The decision the snapshot holds for one account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Explanation {
    /// The snapshot has no row for the account: it was not among the accounts fetched.
    NotInSnapshot {
        account: WikiAccount,
        appeal: Option<String>,
    },
    Decided {
        account: WikiAccount,
        voter: Decision,
        candidate: Option<Decision>,
        /// When the wiki was asked.
        fetched_at: Timestamp,
        cutoff: Timestamp,
        appeal: Option<String>,
    },
}

/// Why `identity` (`Name@wiki`) may or may not vote in the election: the snapshot's decision,
/// naming the first rule failed with the values compared (only this account's own facts), and
/// how to appeal. For the public eligibility page and the wiki sign-in.
pub async fn explain(db: &Db, slug: &str, identity: &str) -> Result<Explanation, EligibilityError> {
    let account = WikiAccount::parse(identity)?;
    let (election, rules) = required_rules(db, slug).await?;
    let appeal = rules.voters.spec().appeal.clone();
    let Some(row) = db.snapshot_row(election, &account.to_string()).await? else {
        return Ok(Explanation::NotInSnapshot { account, appeal });
    };
    let corrupt = |e: serde_json::Error| EligibilityError::Corrupt {
        what: "snapshot decision",
        detail: format!("{account}: {e}"),
    };
    let voter: Decision = serde_json::from_value(row.voter_decision).map_err(corrupt)?;
    let candidate: Option<Decision> = row
        .candidate_decision
        .map(serde_json::from_value)
        .transpose()
        .map_err(corrupt)?;
    let fetched_at =
        Timestamp::from_microsecond(row.fetched_at.0).map_err(|e| EligibilityError::Corrupt {
            what: "snapshot time",
            detail: e.to_string(),
        })?;
    Ok(Explanation::Decided {
        account,
        voter,
        candidate,
        fetched_at,
        cutoff: rules.cutoff,
        appeal,
    })
}

/// What the admin page shows: progress, and the snapshot's decisions counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub rules: Option<ElectionEligibility>,
    pub progress: EligibilityProgress,
    pub voters_eligible: usize,
    /// Refused voters by the rule they failed (SecurePoll's names), in rule-name order.
    pub refused_by_rule: BTreeMap<String, usize>,
}

/// The admin page's summary of an election's eligibility.
pub async fn summary(db: &Db, slug: &str) -> Result<Summary, EligibilityError> {
    let loaded = super::load(db, slug).await?;
    let rules = rules_of(db, loaded.row_id).await?;
    let progress = db.eligibility_progress(loaded.row_id).await?;
    let rows = db.snapshot_rows(loaded.row_id).await?;
    let mut refused_by_rule: BTreeMap<String, usize> = BTreeMap::new();
    let mut voters_eligible = 0;
    for row in &rows {
        if row.voter_eligible {
            voters_eligible += 1;
            continue;
        }
        let decision: Decision =
            serde_json::from_value(row.voter_decision.clone()).map_err(|e| {
                EligibilityError::Corrupt {
                    what: "snapshot decision",
                    detail: format!("{}: {e}", row.account),
                }
            })?;
        if let Decision::NotEligible { failure } = decision {
            *refused_by_rule
                .entry(failure.rule().as_str().to_owned())
                .or_default() += 1;
        }
    }
    Ok(Summary {
        rules,
        progress,
        voters_eligible,
        refused_by_rule,
    })
}
