//! Eligibility from wiki data: SecurePoll's rule set over facts fetched from MediaWiki.
//!
//! An election keeps two [`EligibilityRules`] (voters, and optionally candidates). A fetch
//! stores one [`AccountFacts`] per wiki account at the snapshot's cutoff; [`EligibilityRules::
//! decide`] turns facts into a [`Decision`] with no network, so the outcome can be recomputed
//! from the snapshot at any time and changed rules re-evaluated without fetching again.
//!
//! The rules are checked in SecurePoll's order (`Election::getQualifiedStatus`), and the first
//! that fails is named with the values it compared ([`Failure`]):
//! 1. the exclude list refuses; the include list and the allowed groups admit without further
//!    checks;
//! 2. the account exists; minimum edits overall, registered before a date, not sitewide
//!    blocked, not partially blocked;
//! 3. the central block threshold (blocks on other wikis, a global block, a global lock);
//! 4. not a bot; needs one of the groups; none of the excluded groups (staff);
//! 5. edits before a date, edits between two dates;
//! 6. the need list and the central need list.
//!
//! # Accounts and lists
//! A wiki account is written `Name@wiki` (`Ann Example@enwiki`), the form voters take in the
//! voter list. List entries are `Name@wiki` (that wiki only) or a bare `Name` (the account of
//! that name on every wiki the election uses, as SecurePoll replicates a list to all of its
//! wikis). A central list holds global (single-sign-on) account names: it admits the account
//! of that global name on any wiki.
//!
//! Names are normalised as MediaWiki does for user names: underscores become spaces, runs of
//! spaces one space, and the first letter is upper case.

use std::collections::BTreeSet;
use std::fmt;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The longest user name MediaWiki accepts (`$wgMaxNameChars`).
const MAX_NAME_CHARS: usize = 255;

/// A problem with rules, a name or a list, naming the bad value.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RulesError {
    #[error("{0:?} is not a wiki user name: {1}")]
    BadName(String, &'static str),
    #[error("{0:?} is not a wiki id: use lower-case letters, digits and _ (such as enwiki)")]
    BadWiki(String),
    #[error("{0:?} is not a wiki account: write Name@wiki")]
    BadAccount(String),
    #[error("{0:?} is not a group name")]
    BadGroup(String),
    #[error("line {line} of the {list}: {problem}")]
    BadListLine {
        list: String,
        line: usize,
        problem: Box<RulesError>,
    },
    #[error("{rule}: {problem}")]
    BadRule { rule: RuleId, problem: String },
}

/// A wiki's database name, such as `enwiki` or `metawiki`: 1–64 of `a-z`, `0-9`, `_`.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct WikiId(String);

impl WikiId {
    pub fn parse(s: &str) -> Result<WikiId, RulesError> {
        let t = s.trim();
        let ok = !t.is_empty()
            && t.len() <= 64
            && t.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if ok {
            Ok(WikiId(t.to_owned()))
        } else {
            Err(RulesError::BadWiki(s.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for WikiId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for WikiId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WikiId({:?})", self.0)
    }
}

impl TryFrom<String> for WikiId {
    type Error = RulesError;
    fn try_from(s: String) -> Result<WikiId, RulesError> {
        WikiId::parse(&s)
    }
}

impl From<WikiId> for String {
    fn from(w: WikiId) -> String {
        w.0
    }
}

/// A MediaWiki user name, normalised (see the module documentation). MediaWiki refuses the
/// characters `#<>[]|{}/` and `@` in new names; `@` is refused here too, since it separates
/// the name from the wiki.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct AccountName(String);

impl AccountName {
    pub fn parse(s: &str) -> Result<AccountName, RulesError> {
        let bad = |why| RulesError::BadName(s.to_owned(), why);
        let spaced = s.replace('_', " ");
        let mut words = spaced.split(' ').filter(|w| !w.is_empty());
        let mut joined = String::with_capacity(spaced.len());
        if let Some(first) = words.next() {
            joined.push_str(first);
            for w in words {
                joined.push(' ');
                joined.push_str(w);
            }
        }
        let mut chars = joined.chars();
        let Some(first) = chars.next() else {
            return Err(bad("it is empty"));
        };
        let name: String = first.to_uppercase().chain(chars).collect();
        if name.chars().count() > MAX_NAME_CHARS {
            return Err(bad("it is longer than 255 characters"));
        }
        if name
            .chars()
            .any(|c| c.is_control() || "#<>[]|{}/@".contains(c))
        {
            return Err(bad(
                "it contains a character MediaWiki refuses (#<>[]|{}/@ or a control character)",
            ));
        }
        Ok(AccountName(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for AccountName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for AccountName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AccountName({:?})", self.0)
    }
}

impl TryFrom<String> for AccountName {
    type Error = RulesError;
    fn try_from(s: String) -> Result<AccountName, RulesError> {
        AccountName::parse(&s)
    }
}

impl From<AccountName> for String {
    fn from(n: AccountName) -> String {
        n.0
    }
}

/// An account on one wiki, written `Name@wiki`.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct WikiAccount {
    pub name: AccountName,
    pub wiki: WikiId,
}

impl WikiAccount {
    /// Reads `Name@wiki` (the last `@` separates them).
    pub fn parse(s: &str) -> Result<WikiAccount, RulesError> {
        let (name, wiki) = s
            .trim()
            .rsplit_once('@')
            .ok_or_else(|| RulesError::BadAccount(s.to_owned()))?;
        Ok(WikiAccount {
            name: AccountName::parse(name)?,
            wiki: WikiId::parse(wiki)?,
        })
    }
}

impl fmt::Display for WikiAccount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}@{}", self.name, self.wiki)
    }
}

impl fmt::Debug for WikiAccount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WikiAccount({self})")
    }
}

impl TryFrom<String> for WikiAccount {
    type Error = RulesError;
    fn try_from(s: String) -> Result<WikiAccount, RulesError> {
        WikiAccount::parse(&s)
    }
}

impl From<WikiAccount> for String {
    fn from(a: WikiAccount) -> String {
        a.to_string()
    }
}

/// A user group name (`sysop`, `bot`, `staff`): 1–255 characters, no spaces, `|` or control
/// characters.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct GroupName(String);

impl GroupName {
    pub fn parse(s: &str) -> Result<GroupName, RulesError> {
        let t = s.trim();
        let ok = !t.is_empty()
            && t.len() <= 255
            && !t
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '|');
        if ok {
            Ok(GroupName(t.to_owned()))
        } else {
            Err(RulesError::BadGroup(s.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for GroupName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "GroupName({:?})", self.0)
    }
}

impl fmt::Display for GroupName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for GroupName {
    type Error = RulesError;
    fn try_from(s: String) -> Result<GroupName, RulesError> {
        GroupName::parse(&s)
    }
}

impl From<GroupName> for String {
    fn from(g: GroupName) -> String {
        g.0
    }
}

/// A list of accounts: `Name@wiki` entries for one wiki, bare names for every wiki.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountList {
    /// What the list is called, for messages (`need list`, or a list page's title).
    pub name: String,
    accounts: BTreeSet<WikiAccount>,
    everywhere: BTreeSet<AccountName>,
}

impl AccountList {
    /// Reads one entry a line; empty lines and lines starting with `#` are skipped. Every bad
    /// line is an error naming its number.
    pub fn parse(name: &str, text: &str) -> Result<AccountList, RulesError> {
        let mut list = AccountList {
            name: name.to_owned(),
            ..AccountList::default()
        };
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let wrap = |problem| RulesError::BadListLine {
                list: name.to_owned(),
                line: i + 1,
                problem: Box::new(problem),
            };
            if line.contains('@') {
                list.accounts
                    .insert(WikiAccount::parse(line).map_err(wrap)?);
            } else {
                list.everywhere
                    .insert(AccountName::parse(line).map_err(wrap)?);
            }
        }
        Ok(list)
    }

    /// Whether `account` is on the list: listed as `Name@wiki`, or its name listed bare.
    pub fn contains(&self, account: &WikiAccount) -> bool {
        self.accounts.contains(account) || self.everywhere.contains(&account.name)
    }

    /// Whether the global account `name` is on the list (central lists hold bare names).
    pub fn contains_name(&self, name: &AccountName) -> bool {
        self.everywhere.contains(name)
    }

    /// The accounts this list names on `wikis` (bare names once per wiki): what a fetch for
    /// the list covers.
    pub fn accounts_on(&self, wikis: &[WikiId]) -> BTreeSet<WikiAccount> {
        let mut out: BTreeSet<WikiAccount> = self
            .accounts
            .iter()
            .filter(|a| wikis.contains(&a.wiki))
            .cloned()
            .collect();
        for wiki in wikis {
            for name in &self.everywhere {
                out.insert(WikiAccount {
                    name: name.clone(),
                    wiki: wiki.clone(),
                });
            }
        }
        out
    }

    pub fn len(&self) -> usize {
        self.accounts.len() + self.everywhere.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// At least `count` edits before `before`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditsBefore {
    pub count: u64,
    pub before: Timestamp,
}

/// At least `count` edits from `from` (inclusive) to `to` (exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditsBetween {
    pub count: u64,
    pub from: Timestamp,
    pub to: Timestamp,
}

/// The rules as written (in JSON, a form, or a SecurePoll dump); [`EligibilityRules`] checks
/// them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RulesSpec {
    pub include: AccountList,
    pub exclude: AccountList,
    /// Groups whose members are admitted without further checks (`allow-usergroups`).
    pub allow_groups: BTreeSet<GroupName>,
    pub min_edits: Option<u64>,
    pub registered_before: Option<Timestamp>,
    pub not_sitewide_blocked: bool,
    pub not_partially_blocked: bool,
    /// Refused when blocked on at least this many wikis (a global block or lock counts as
    /// reaching it). SecurePoll's `central-block-threshold`.
    pub central_block_threshold: Option<u32>,
    pub not_bot: bool,
    /// Needs at least one of these groups.
    pub need_groups: BTreeSet<GroupName>,
    /// Refused when in any of these groups (staff from the candidate pool).
    pub exclude_groups: BTreeSet<GroupName>,
    pub edits_before: Option<EditsBefore>,
    pub edits_between: Option<EditsBetween>,
    pub need_list: Option<AccountList>,
    pub need_central_list: Option<AccountList>,
    /// How someone refused can appeal (shown with every refusal), such as "write to the
    /// election committee at elections@example.org".
    pub appeal: Option<String>,
}

/// Checked rules: counts at least 1, date ranges in order, a threshold at least 1. The only
/// way to build them is [`EligibilityRules::new`] (or deserializing, which calls it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RulesSpec", into = "RulesSpec")]
pub struct EligibilityRules(RulesSpec);

impl TryFrom<RulesSpec> for EligibilityRules {
    type Error = RulesError;
    fn try_from(spec: RulesSpec) -> Result<EligibilityRules, RulesError> {
        EligibilityRules::new(spec)
    }
}

impl From<EligibilityRules> for RulesSpec {
    fn from(r: EligibilityRules) -> RulesSpec {
        r.0
    }
}

impl EligibilityRules {
    pub fn new(spec: RulesSpec) -> Result<EligibilityRules, RulesError> {
        let bad = |rule, problem: String| Err(RulesError::BadRule { rule, problem });
        if spec.min_edits == Some(0) {
            return bad(RuleId::MinEdits, "the minimum must be at least 1".into());
        }
        if spec.central_block_threshold == Some(0) {
            return bad(
                RuleId::CentralBlock,
                "the threshold must be at least 1 wiki".into(),
            );
        }
        if let Some(e) = spec.edits_before
            && e.count == 0
        {
            return bad(RuleId::EditsBefore, "the minimum must be at least 1".into());
        }
        if let Some(e) = spec.edits_between {
            if e.count == 0 {
                return bad(
                    RuleId::EditsBetween,
                    "the minimum must be at least 1".into(),
                );
            }
            if e.from >= e.to {
                return bad(
                    RuleId::EditsBetween,
                    format!("the start {} is not before the end {}", e.from, e.to),
                );
            }
        }
        Ok(EligibilityRules(spec))
    }

    pub fn spec(&self) -> &RulesSpec {
        &self.0
    }

    /// Which facts beyond `list=users` the rules need, so a fetch asks only for those.
    pub fn needs(&self) -> FactNeeds {
        let s = &self.0;
        FactNeeds {
            edits_before: s.edits_before,
            edits_between: s.edits_between,
            central: s.central_block_threshold.is_some() || s.need_central_list.is_some(),
        }
    }

    /// The decision for one account's facts (see the module documentation for the order).
    pub fn decide(&self, facts: &AccountFacts) -> Decision {
        match self.first_failure(facts) {
            Ok(admission) => Decision::Eligible { admission },
            Err(failure) => Decision::NotEligible { failure },
        }
    }

    fn first_failure(&self, f: &AccountFacts) -> Result<Admission, Failure> {
        let s = &self.0;
        if s.exclude.contains(&f.account) {
            return Err(Failure::ExcludeList {
                list: s.exclude.name.clone(),
            });
        }
        if s.include.contains(&f.account) {
            return Ok(Admission::IncludeList);
        }
        if let Some(g) = f.groups.iter().find(|g| s.allow_groups.contains(*g)) {
            return Ok(Admission::AllowedGroup { group: g.clone() });
        }
        if !f.exists {
            return Err(Failure::NoSuchAccount);
        }
        if let Some(required) = s.min_edits
            && f.edit_count < required
        {
            return Err(Failure::MinEdits {
                required,
                found: f.edit_count,
            });
        }
        if let Some(before) = s.registered_before
            && let Some(registered) = f.registration
            && registered >= before
        {
            // A missing registration date is an account from before 2006, when MediaWiki
            // started recording it: registered before any date a rule can name.
            return Err(Failure::RegisteredBefore { before, registered });
        }
        if let Some(block) = &f.block {
            if s.not_sitewide_blocked && block.sitewide {
                return Err(Failure::SitewideBlocked {
                    expiry: block.expiry,
                });
            }
            if s.not_partially_blocked && !block.sitewide {
                return Err(Failure::PartiallyBlocked {
                    expiry: block.expiry,
                });
            }
        }
        if let Some(threshold) = s.central_block_threshold {
            let central = f.central.as_ref().ok_or(Failure::MissingFacts {
                for_rule: RuleId::CentralBlock,
            })?;
            if central.locked
                || central.globally_blocked
                || central.blocked_on.len() >= threshold as usize
            {
                return Err(Failure::CentralBlock {
                    threshold,
                    blocked_on: central.blocked_on.clone(),
                    globally_blocked: central.globally_blocked,
                    locked: central.locked,
                });
            }
        }
        if s.not_bot && f.groups.iter().any(|g| g.as_str() == "bot") {
            return Err(Failure::Bot);
        }
        if !s.need_groups.is_empty() && !f.groups.iter().any(|g| s.need_groups.contains(g)) {
            return Err(Failure::NeedGroup {
                any_of: s.need_groups.iter().cloned().collect(),
                groups: f.groups.iter().cloned().collect(),
            });
        }
        if let Some(g) = f.groups.iter().find(|g| s.exclude_groups.contains(*g)) {
            return Err(Failure::ExcludeGroup { group: g.clone() });
        }
        if let Some(rule) = s.edits_before {
            let found = f.edits_before.ok_or(Failure::MissingFacts {
                for_rule: RuleId::EditsBefore,
            })?;
            if found < rule.count {
                return Err(Failure::EditsBefore {
                    required: rule.count,
                    before: rule.before,
                    found,
                });
            }
        }
        if let Some(rule) = s.edits_between {
            let found = f.edits_between.ok_or(Failure::MissingFacts {
                for_rule: RuleId::EditsBetween,
            })?;
            if found < rule.count {
                return Err(Failure::EditsBetween {
                    required: rule.count,
                    from: rule.from,
                    to: rule.to,
                    found,
                });
            }
        }
        if let Some(list) = &s.need_list
            && !list.contains(&f.account)
        {
            return Err(Failure::NeedList {
                list: list.name.clone(),
            });
        }
        if let Some(list) = &s.need_central_list {
            let central = f.central.as_ref().ok_or(Failure::MissingFacts {
                for_rule: RuleId::NeedCentralList,
            })?;
            let listed = central
                .global_name
                .as_ref()
                .is_some_and(|n| list.contains_name(n));
            if !listed {
                return Err(Failure::NeedCentralList {
                    list: list.name.clone(),
                });
            }
        }
        Ok(Admission::AllRulesPassed)
    }
}

/// The facts a fetch needs beyond `list=users`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FactNeeds {
    pub edits_before: Option<EditsBefore>,
    pub edits_between: Option<EditsBetween>,
    pub central: bool,
}

impl FactNeeds {
    /// What either of two rule sets needs (voters and candidates are fetched together). An
    /// account's facts hold one count per kind of edit rule, so two rules of a kind must name
    /// the same dates; the count is then taken up to the larger minimum.
    pub fn union(self, other: FactNeeds) -> Result<FactNeeds, RulesError> {
        let edits_before = match (self.edits_before, other.edits_before) {
            (Some(a), Some(b)) if a.before != b.before => {
                return Err(RulesError::BadRule {
                    rule: RuleId::EditsBefore,
                    problem: format!(
                        "the candidates' date {} differs from the voters' {}; use the same date",
                        b.before, a.before
                    ),
                });
            }
            (Some(a), Some(b)) => Some(EditsBefore {
                count: a.count.max(b.count),
                ..a
            }),
            (a, b) => a.or(b),
        };
        let edits_between = match (self.edits_between, other.edits_between) {
            (Some(a), Some(b)) if (a.from, a.to) != (b.from, b.to) => {
                return Err(RulesError::BadRule {
                    rule: RuleId::EditsBetween,
                    problem: format!(
                        "the candidates' dates {} to {} differ from the voters' {} to {}; use the same dates",
                        b.from, b.to, a.from, a.to
                    ),
                });
            }
            (Some(a), Some(b)) => Some(EditsBetween {
                count: a.count.max(b.count),
                ..a
            }),
            (a, b) => a.or(b),
        };
        Ok(FactNeeds {
            edits_before,
            edits_between,
            central: self.central || other.central,
        })
    }
}

/// A block on the account's own wiki.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalBlock {
    /// Blocked from the whole wiki (false: a partial block, from some pages or namespaces).
    pub sitewide: bool,
    /// When the block ends; `None`: indefinite.
    pub expiry: Option<Timestamp>,
}

/// Facts from the central (CentralAuth, GlobalBlocking) wiki.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CentralFacts {
    /// The global account's name; `None` when the local account has no global account.
    pub global_name: Option<AccountName>,
    /// The wikis on which an attached account is blocked.
    pub blocked_on: Vec<WikiId>,
    /// A global block (GlobalBlocking) on the name.
    pub globally_blocked: bool,
    /// The global account is locked.
    pub locked: bool,
}

/// What a fetch learnt of one account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountFacts {
    pub account: WikiAccount,
    /// The wiki knows the account (`list=users` did not answer `missing`).
    pub exists: bool,
    pub edit_count: u64,
    /// `None` for accounts older than MediaWiki's registration dates (before 2006).
    pub registration: Option<Timestamp>,
    /// Explicit and implicit groups (`*`, `user`, `autoconfirmed` included).
    pub groups: BTreeSet<GroupName>,
    pub block: Option<LocalBlock>,
    /// Edits before the rule's date, counted up to the rule's minimum (counting stops there);
    /// `None` when not fetched.
    pub edits_before: Option<u64>,
    /// Edits between the rule's dates, counted up to the rule's minimum.
    pub edits_between: Option<u64>,
    pub central: Option<CentralFacts>,
}

impl AccountFacts {
    /// The facts of an account the wiki does not know.
    pub fn missing(account: WikiAccount) -> AccountFacts {
        AccountFacts {
            account,
            exists: false,
            edit_count: 0,
            registration: None,
            groups: BTreeSet::new(),
            block: None,
            edits_before: None,
            edits_between: None,
            central: None,
        }
    }
}

/// Each rule, by SecurePoll's property name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RuleId {
    ExcludeList,
    Exists,
    MinEdits,
    MaxRegistration,
    NotSitewideBlocked,
    NotPartialBlocked,
    #[serde(rename = "central-block-threshold")]
    CentralBlock,
    NotBot,
    NeedGroup,
    ExcludeGroups,
    EditsBefore,
    EditsBetween,
    NeedList,
    NeedCentralList,
}

// The serialized names are SecurePoll's (see `RuleId::as_str`).
impl RuleId {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleId::ExcludeList => "exclude-list",
            RuleId::Exists => "exists",
            RuleId::MinEdits => "min-edits",
            RuleId::MaxRegistration => "max-registration",
            RuleId::NotSitewideBlocked => "not-sitewide-blocked",
            RuleId::NotPartialBlocked => "not-partial-blocked",
            RuleId::CentralBlock => "central-block-threshold",
            RuleId::NotBot => "not-bot",
            RuleId::NeedGroup => "need-group",
            RuleId::ExcludeGroups => "exclude-groups",
            RuleId::EditsBefore => "edits-before",
            RuleId::EditsBetween => "edits-between",
            RuleId::NeedList => "need-list",
            RuleId::NeedCentralList => "need-central-list",
        }
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why an account is admitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum Admission {
    IncludeList,
    AllowedGroup { group: GroupName },
    AllRulesPassed,
}

/// The first rule an account failed, with the values compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "kebab-case")]
pub enum Failure {
    ExcludeList {
        list: String,
    },
    #[serde(rename = "exists")]
    NoSuchAccount,
    MinEdits {
        required: u64,
        found: u64,
    },
    #[serde(rename = "max-registration")]
    RegisteredBefore {
        before: Timestamp,
        registered: Timestamp,
    },
    #[serde(rename = "not-sitewide-blocked")]
    SitewideBlocked {
        expiry: Option<Timestamp>,
    },
    #[serde(rename = "not-partial-blocked")]
    PartiallyBlocked {
        expiry: Option<Timestamp>,
    },
    #[serde(rename = "central-block-threshold")]
    CentralBlock {
        threshold: u32,
        blocked_on: Vec<WikiId>,
        globally_blocked: bool,
        locked: bool,
    },
    #[serde(rename = "not-bot")]
    Bot,
    NeedGroup {
        any_of: Vec<GroupName>,
        groups: Vec<GroupName>,
    },
    #[serde(rename = "exclude-groups")]
    ExcludeGroup {
        group: GroupName,
    },
    EditsBefore {
        required: u64,
        before: Timestamp,
        found: u64,
    },
    EditsBetween {
        required: u64,
        from: Timestamp,
        to: Timestamp,
        found: u64,
    },
    NeedList {
        list: String,
    },
    NeedCentralList {
        list: String,
    },
    /// The snapshot lacks facts a rule needs (the rules changed after the fetch): fetch
    /// again.
    MissingFacts {
        for_rule: RuleId,
    },
}

impl Failure {
    pub fn rule(&self) -> RuleId {
        match self {
            Failure::ExcludeList { .. } => RuleId::ExcludeList,
            Failure::NoSuchAccount => RuleId::Exists,
            Failure::MinEdits { .. } => RuleId::MinEdits,
            Failure::RegisteredBefore { .. } => RuleId::MaxRegistration,
            Failure::SitewideBlocked { .. } => RuleId::NotSitewideBlocked,
            Failure::PartiallyBlocked { .. } => RuleId::NotPartialBlocked,
            Failure::CentralBlock { .. } => RuleId::CentralBlock,
            Failure::Bot => RuleId::NotBot,
            Failure::NeedGroup { .. } => RuleId::NeedGroup,
            Failure::ExcludeGroup { .. } => RuleId::ExcludeGroups,
            Failure::EditsBefore { .. } => RuleId::EditsBefore,
            Failure::EditsBetween { .. } => RuleId::EditsBetween,
            Failure::NeedList { .. } => RuleId::NeedList,
            Failure::NeedCentralList { .. } => RuleId::NeedCentralList,
            Failure::MissingFacts { for_rule } => *for_rule,
        }
    }
}

fn expiry_text(expiry: Option<Timestamp>) -> String {
    expiry.map_or_else(|| "indefinite".to_owned(), |t| format!("until {t}"))
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::ExcludeList { list } => write!(f, "the account is on the {list}"),
            Failure::NoSuchAccount => f.write_str("the wiki has no account of this name"),
            Failure::MinEdits { required, found } => {
                write!(f, "needs at least {required} edits, has {found}")
            }
            Failure::RegisteredBefore { before, registered } => write!(
                f,
                "needs an account registered before {before}, registered {registered}"
            ),
            Failure::SitewideBlocked { expiry } => {
                write!(f, "blocked from the whole wiki ({})", expiry_text(*expiry))
            }
            Failure::PartiallyBlocked { expiry } => {
                write!(f, "partially blocked ({})", expiry_text(*expiry))
            }
            Failure::CentralBlock {
                threshold,
                blocked_on,
                globally_blocked,
                locked,
            } => {
                let wikis: Vec<&str> = blocked_on.iter().map(WikiId::as_str).collect();
                write!(
                    f,
                    "blocked on {} wikis ({}), refused from {threshold}",
                    blocked_on.len(),
                    wikis.join(", ")
                )?;
                if *globally_blocked {
                    f.write_str("; globally blocked")?;
                }
                if *locked {
                    f.write_str("; the global account is locked")?;
                }
                Ok(())
            }
            Failure::Bot => f.write_str("the account is a bot"),
            Failure::NeedGroup { any_of, groups } => write!(
                f,
                "needs one of the groups {}, is in {}",
                join(any_of),
                join(groups)
            ),
            Failure::ExcludeGroup { group } => write!(f, "is in the excluded group {group}"),
            Failure::EditsBefore {
                required,
                before,
                found,
            } => write!(
                f,
                "needs at least {required} edits before {before}, has {found}"
            ),
            Failure::EditsBetween {
                required,
                from,
                to,
                found,
            } => write!(
                f,
                "needs at least {required} edits from {from} to {to}, has {found}"
            ),
            Failure::NeedList { list } => write!(f, "not on the {list}"),
            Failure::NeedCentralList { list } => {
                write!(f, "the global account is not on the {list}")
            }
            Failure::MissingFacts { for_rule: rule } => write!(
                f,
                "the snapshot has no facts for the rule {rule}; fetch the snapshot again"
            ),
        }
    }
}

fn join(groups: &[GroupName]) -> String {
    groups
        .iter()
        .map(GroupName::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The outcome for one account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Decision {
    Eligible { admission: Admission },
    NotEligible { failure: Failure },
}

impl Decision {
    pub fn is_eligible(&self) -> bool {
        matches!(self, Decision::Eligible { .. })
    }
}

/// The rules of an election: for voters, and (optionally) the same kind of rules for
/// candidates.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElectionEligibility {
    /// The wikis whose accounts the election covers.
    pub wikis: Vec<WikiId>,
    /// The snapshot's cutoff: facts are fetched at or after it and kept.
    pub cutoff: Timestamp,
    pub voters: EligibilityRules,
    #[serde(default)]
    pub candidates: Option<EligibilityRules>,
}

impl ElectionEligibility {
    /// What a fetch must ask for, for both rule sets (refused when their edit rules name
    /// different dates, see [`FactNeeds::union`]).
    pub fn needs(&self) -> Result<FactNeeds, RulesError> {
        let voters = self.voters.needs();
        match &self.candidates {
            Some(c) => voters.union(c.needs()),
            None => Ok(voters),
        }
    }

    /// The rule sets, voters first.
    pub fn rule_sets(&self) -> impl Iterator<Item = &EligibilityRules> {
        std::iter::once(&self.voters).chain(self.candidates.as_ref())
    }
}

/// SecurePoll's eligibility properties mapped onto rules, with what could not map.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SecurePollRules {
    pub spec: RulesSpec,
    /// One line per property not mapped, or mapped only in part, naming it and its value.
    pub warnings: Vec<String>,
}

/// Reads SecurePoll's eligibility properties (`min-edits`, `max-registration`, …, the
/// `list_*` properties of the Wikimedia voter-list scripts) into a rule set. List properties
/// name list pages whose members a dump does not carry: the rule is kept with an empty list
/// and a warning asks for the members.
pub fn from_securepoll_properties<'a>(
    properties: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> SecurePollRules {
    let props: Vec<(&str, &str)> = properties.into_iter().collect();
    let get = |name: &str| {
        props
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.trim())
    };
    let on = |name: &str| get(name).is_some_and(|v| v != "0" && !v.is_empty());
    let mut out = SecurePollRules::default();
    let mut warn = |w: String| out.warnings.push(w);
    let count = |name: &str, warn: &mut dyn FnMut(String)| -> Option<u64> {
        let v = get(name)?;
        match v.parse::<u64>() {
            Ok(0) => None,
            Ok(n) => Some(n),
            Err(_) => {
                warn(format!(
                    "{name} = {v:?} is not a whole number; not imported"
                ));
                None
            }
        }
    };
    let date = |name: &str, warn: &mut dyn FnMut(String)| -> Option<Timestamp> {
        let v = get(name)?;
        let parsed = parse_mw_timestamp(v);
        if parsed.is_none() {
            warn(format!(
                "{name} = {v:?} is not a date (YYYYMMDDHHMMSS or YYYY-MM-DD); not imported"
            ));
        }
        parsed
    };
    let groups = |name: &str, warn: &mut dyn FnMut(String)| -> BTreeSet<GroupName> {
        let mut set = BTreeSet::new();
        for g in get(name)
            .unwrap_or("")
            .split(['|', ',', '\n'])
            .filter(|g| !g.trim().is_empty())
        {
            match GroupName::parse(g) {
                Ok(g) => {
                    set.insert(g);
                }
                Err(e) => warn(format!("{name}: {e}; not imported")),
            }
        }
        set
    };
    let mut spec = RulesSpec {
        min_edits: count("min-edits", &mut warn),
        registered_before: date("max-registration", &mut warn),
        not_sitewide_blocked: on("not-sitewide-blocked") || on("not-blocked"),
        not_partially_blocked: on("not-partial-blocked"),
        not_bot: on("not-bot"),
        need_groups: groups("need-group", &mut warn),
        allow_groups: groups("allow-usergroups", &mut warn),
        exclude_groups: groups("list_exclude-groups", &mut warn),
        ..RulesSpec::default()
    };
    if on("not-centrally-blocked") {
        let threshold = match get("central-block-threshold") {
            None | Some("") => 1,
            Some(v) => v
                .parse::<u32>()
                .ok()
                .filter(|n| *n >= 1)
                .unwrap_or_else(|| {
                    warn(format!(
                        "central-block-threshold = {v:?} is not a whole number from 1; 1 is used"
                    ));
                    1
                }),
        };
        spec.central_block_threshold = Some(threshold);
    }
    if on("list_edits-before") {
        let count = count("list_edits-before-count", &mut warn);
        let before = date("list_edits-before-date", &mut warn);
        match (count, before) {
            (Some(count), Some(before)) => spec.edits_before = Some(EditsBefore { count, before }),
            _ => warn("list_edits-before needs list_edits-before-count and list_edits-before-date; not imported".into()),
        }
    }
    if on("list_edits-between") {
        let count = count("list_edits-between-count", &mut warn);
        let from = date("list_edits-startdate", &mut warn);
        let to = date("list_edits-enddate", &mut warn);
        match (count, from, to) {
            (Some(count), Some(from), Some(to)) if from < to => {
                spec.edits_between = Some(EditsBetween { count, from, to });
            }
            _ => warn("list_edits-between needs list_edits-between-count and a list_edits-startdate before list_edits-enddate; not imported".into()),
        }
    }
    if let Some(v) = get("list_include-groups").filter(|v| !v.is_empty()) {
        warn(format!(
            "list_include-groups = {v:?} only chose whom SecurePoll's list script considered; the other rules decide here"
        ));
    }
    for (property, slot) in [
        ("need-list", &mut spec.need_list),
        ("need-central-list", &mut spec.need_central_list),
    ] {
        if let Some(page) = get(property).filter(|v| !v.is_empty()) {
            *slot = Some(AccountList {
                name: page.to_owned(),
                ..AccountList::default()
            });
            warn(format!(
                "{property} = {page:?}: the dump does not carry the list's members; upload them, or nobody passes this rule"
            ));
        }
    }
    for (property, slot) in [
        ("include-list", &mut spec.include),
        ("exclude-list", &mut spec.exclude),
    ] {
        if let Some(page) = get(property).filter(|v| !v.is_empty()) {
            slot.name = page.to_owned();
            warn(format!(
                "{property} = {page:?}: the dump does not carry the list's members; upload them"
            ));
        }
    }
    if let Some(v) = get("list_populate").filter(|v| !v.is_empty() && *v != "0") {
        warn(format!(
            "list_populate = {v:?}: Urna fills the voter list from its own snapshot instead"
        ));
    }
    out.spec = spec;
    out
}

/// A MediaWiki timestamp: `YYYYMMDDHHMMSS` (the database form SecurePoll stores), ISO 8601
/// with a `Z`, or a bare `YYYY-MM-DD` (midnight UTC).
pub fn parse_mw_timestamp(s: &str) -> Option<Timestamp> {
    let s = s.trim();
    if s.len() == 14 && s.bytes().all(|b| b.is_ascii_digit()) {
        let iso = format!(
            "{}-{}-{}T{}:{}:{}Z",
            &s[0..4],
            &s[4..6],
            &s[6..8],
            &s[8..10],
            &s[10..12],
            &s[12..14]
        );
        return iso.parse().ok();
    }
    if s.len() == 10 {
        return format!("{s}T00:00:00Z").parse().ok();
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn account(s: &str) -> WikiAccount {
        WikiAccount::parse(s).unwrap()
    }

    fn group(s: &str) -> GroupName {
        GroupName::parse(s).unwrap()
    }

    /// A 2015 account with 500 edits, no block, in `user` and `autoconfirmed`, no central
    /// data: passes every rule below unless a test changes a fact.
    fn good(name: &str) -> AccountFacts {
        AccountFacts {
            account: account(name),
            exists: true,
            edit_count: 500,
            registration: Some(ts("2015-03-01T00:00:00Z")),
            groups: ["*", "user", "autoconfirmed"]
                .into_iter()
                .map(group)
                .collect(),
            block: None,
            edits_before: Some(300),
            edits_between: Some(20),
            central: Some(CentralFacts {
                global_name: Some(AccountName::parse(name.split('@').next().unwrap()).unwrap()),
                ..CentralFacts::default()
            }),
        }
    }

    /// The 2025 Board of Trustees rules (notes/securepoll.md: ≥300 edits before 2025-07-28
    /// and ≥20 between 2024-08-28 and 2025-07-28), plus the other rules of the set.
    fn board_rules() -> EligibilityRules {
        EligibilityRules::new(RulesSpec {
            min_edits: Some(300),
            registered_before: Some(ts("2025-07-28T00:00:00Z")),
            not_sitewide_blocked: true,
            not_partially_blocked: true,
            central_block_threshold: Some(2),
            not_bot: true,
            exclude_groups: [group("staff")].into(),
            edits_before: Some(EditsBefore {
                count: 300,
                before: ts("2025-07-28T00:00:00Z"),
            }),
            edits_between: Some(EditsBetween {
                count: 20,
                from: ts("2024-08-28T00:00:00Z"),
                to: ts("2025-07-28T00:00:00Z"),
            }),
            ..RulesSpec::default()
        })
        .unwrap()
    }

    fn failure(rules: &EligibilityRules, facts: &AccountFacts) -> Failure {
        match rules.decide(facts) {
            Decision::NotEligible { failure } => failure,
            d => panic!("expected a refusal, got {d:?}"),
        }
    }

    #[test]
    fn names_are_normalised_like_mediawiki() {
        assert_eq!(
            AccountName::parse(" ann_lee  x ").unwrap().as_str(),
            "Ann lee x"
        );
        assert_eq!(AccountName::parse("élan").unwrap().as_str(), "Élan");
        for bad in ["", "  _ ", "a#b", "a/b", "a|b", "x@y"] {
            assert!(AccountName::parse(bad).is_err(), "{bad}");
        }
        let a = account("ann_lee@enwiki");
        assert_eq!(a.to_string(), "Ann lee@enwiki");
        assert!(WikiAccount::parse("Ann").is_err());
        assert!(WikiAccount::parse("Ann@En.wiki").is_err());
    }

    #[test]
    fn a_good_account_passes_every_rule() {
        assert_eq!(
            board_rules().decide(&good("Ann@enwiki")),
            Decision::Eligible {
                admission: Admission::AllRulesPassed
            }
        );
    }

    #[test]
    fn each_rule_fails_alone_and_names_the_values_compared() {
        let rules = board_rules();
        let mut f = good("Ann@enwiki");
        f.edit_count = 299;
        assert_eq!(
            failure(&rules, &f),
            Failure::MinEdits {
                required: 300,
                found: 299
            }
        );

        let mut f = good("Ann@enwiki");
        // Registered exactly at the date is not before it.
        f.registration = Some(ts("2025-07-28T00:00:00Z"));
        assert_eq!(failure(&rules, &f).rule(), RuleId::MaxRegistration);
        f.registration = None;
        assert!(
            rules.decide(&f).is_eligible(),
            "pre-2006 accounts have no date"
        );

        let mut f = good("Ann@enwiki");
        f.block = Some(LocalBlock {
            sitewide: true,
            expiry: None,
        });
        assert_eq!(
            failure(&rules, &f),
            Failure::SitewideBlocked { expiry: None }
        );
        f.block = Some(LocalBlock {
            sitewide: false,
            expiry: Some(ts("2030-01-01T00:00:00Z")),
        });
        assert_eq!(failure(&rules, &f).rule(), RuleId::NotPartialBlocked);

        // Threshold 2: blocked on one other wiki passes, on two fails.
        let mut f = good("Ann@enwiki");
        f.central.as_mut().unwrap().blocked_on = vec![WikiId::parse("dewiki").unwrap()];
        assert!(rules.decide(&f).is_eligible());
        f.central
            .as_mut()
            .unwrap()
            .blocked_on
            .push(WikiId::parse("frwiki").unwrap());
        assert_eq!(failure(&rules, &f).rule(), RuleId::CentralBlock);
        let mut f = good("Ann@enwiki");
        f.central.as_mut().unwrap().globally_blocked = true;
        assert_eq!(failure(&rules, &f).rule(), RuleId::CentralBlock);
        let mut f = good("Ann@enwiki");
        f.central.as_mut().unwrap().locked = true;
        assert_eq!(failure(&rules, &f).rule(), RuleId::CentralBlock);

        let mut f = good("Ann@enwiki");
        f.groups.insert(group("bot"));
        assert_eq!(failure(&rules, &f), Failure::Bot);

        let mut f = good("Ann@enwiki");
        f.groups.insert(group("staff"));
        assert_eq!(
            failure(&rules, &f),
            Failure::ExcludeGroup {
                group: group("staff")
            }
        );

        let mut f = good("Ann@enwiki");
        f.edits_before = Some(299);
        assert_eq!(
            failure(&rules, &f),
            Failure::EditsBefore {
                required: 300,
                before: ts("2025-07-28T00:00:00Z"),
                found: 299
            }
        );
        let mut f = good("Ann@enwiki");
        f.edits_between = Some(19);
        assert_eq!(failure(&rules, &f).rule(), RuleId::EditsBetween);
        f.edits_between = None;
        assert_eq!(
            failure(&rules, &f),
            Failure::MissingFacts {
                for_rule: RuleId::EditsBetween
            }
        );

        let mut f = good("Ann@enwiki");
        f.exists = false;
        assert_eq!(failure(&rules, &f), Failure::NoSuchAccount);
    }

    #[test]
    fn the_first_failing_rule_is_named() {
        // A bot with too few edits, blocked: min-edits comes first in SecurePoll's order.
        let mut f = good("Ann@enwiki");
        f.groups.insert(group("bot"));
        f.edit_count = 3;
        f.block = Some(LocalBlock {
            sitewide: true,
            expiry: None,
        });
        assert_eq!(failure(&board_rules(), &f).rule(), RuleId::MinEdits);
    }

    #[test]
    fn lists_and_groups_admit_or_refuse() {
        let mut spec = board_rules().spec().clone();
        spec.include =
            AccountList::parse("include list", "Bob@enwiki\n# a comment\n\ncarol").unwrap();
        spec.exclude = AccountList::parse("exclude list", "Ann@dewiki\nDan").unwrap();
        spec.allow_groups = [group("steward")].into();
        spec.need_groups = [group("sysop"), group("rollbacker")].into();
        let rules = EligibilityRules::new(spec.clone()).unwrap();

        let mut weak = good("Bob@enwiki");
        weak.edit_count = 0;
        assert_eq!(
            rules.decide(&weak),
            Decision::Eligible {
                admission: Admission::IncludeList
            }
        );
        // Bob is listed only on enwiki; a bare "carol" on every wiki.
        weak.account = account("Bob@dewiki");
        assert_eq!(failure(&rules, &weak).rule(), RuleId::MinEdits);
        weak.account = account("Carol@dewiki");
        assert!(rules.decide(&weak).is_eligible());
        // The exclude list wins over everything, a bare name on every wiki.
        let mut dan = good("Dan@frwiki");
        dan.groups.insert(group("steward"));
        assert_eq!(
            failure(&rules, &dan),
            Failure::ExcludeList {
                list: "exclude list".into()
            }
        );
        let mut steward = good("Eve@enwiki");
        steward.groups.insert(group("steward"));
        steward.groups.insert(group("bot"));
        assert_eq!(
            rules.decide(&steward),
            Decision::Eligible {
                admission: Admission::AllowedGroup {
                    group: group("steward")
                }
            }
        );
        // Needs sysop or rollbacker.
        let plain = good("Fay@enwiki");
        assert_eq!(failure(&rules, &plain).rule(), RuleId::NeedGroup);
        let mut roll = good("Fay@enwiki");
        roll.groups.insert(group("rollbacker"));
        assert!(rules.decide(&roll).is_eligible());

        // Need lists: local by account, central by global name (any wiki).
        spec.need_groups.clear();
        spec.need_list = Some(AccountList::parse("need list", "Gus@enwiki\nHal@dewiki").unwrap());
        spec.need_central_list = Some(AccountList::parse("central list", "Gus").unwrap());
        let rules = EligibilityRules::new(spec).unwrap();
        assert!(rules.decide(&good("Gus@enwiki")).is_eligible());
        assert_eq!(
            failure(&rules, &good("Gus@dewiki")).rule(),
            RuleId::NeedList
        );
        assert_eq!(
            failure(&rules, &good("Hal@dewiki")).rule(),
            RuleId::NeedCentralList
        );
    }

    #[test]
    fn bad_rules_and_list_lines_are_refused_by_name() {
        let spec = RulesSpec {
            edits_between: Some(EditsBetween {
                count: 1,
                from: ts("2025-01-01T00:00:00Z"),
                to: ts("2024-01-01T00:00:00Z"),
            }),
            ..RulesSpec::default()
        };
        assert!(
            EligibilityRules::new(spec)
                .unwrap_err()
                .to_string()
                .starts_with("edits-between")
        );
        let e = AccountList::parse("need list", "Ann\nB|ad\n").unwrap_err();
        assert!(e.to_string().starts_with("line 2 of the need list"), "{e}");
        // Deserializing checks too.
        let json = r#"{"min_edits": 0}"#;
        assert!(serde_json::from_str::<EligibilityRules>(json).is_err());
        let json = r#"{"min_edit": 3}"#;
        assert!(
            serde_json::from_str::<EligibilityRules>(json).is_err(),
            "unknown fields are refused"
        );
    }

    #[test]
    fn rules_and_decisions_round_trip_through_json() {
        let rules = board_rules();
        let back: EligibilityRules =
            serde_json::from_str(&serde_json::to_string(&rules).unwrap()).unwrap();
        assert_eq!(back, rules);
        let mut f = good("Ann@enwiki");
        f.edit_count = 12;
        let d = rules.decide(&f);
        let json = serde_json::to_value(&d).unwrap();
        assert_eq!(json["failure"]["rule"], "min-edits");
        assert_eq!(json["failure"]["found"], 12);
        assert_eq!(serde_json::from_value::<Decision>(json).unwrap(), d);
    }

    #[test]
    fn voter_and_candidate_rules_share_edit_dates() {
        let voters = board_rules();
        let mut spec = voters.spec().clone();
        spec.edits_before = Some(EditsBefore {
            count: 1000,
            before: ts("2025-07-28T00:00:00Z"),
        });
        let mut both = ElectionEligibility {
            wikis: vec![WikiId::parse("enwiki").unwrap()],
            cutoff: ts("2025-07-28T00:00:00Z"),
            voters,
            candidates: Some(EligibilityRules::new(spec.clone()).unwrap()),
        };
        // Same date: counted up to the larger minimum (1000 > 300).
        assert_eq!(both.needs().unwrap().edits_before.unwrap().count, 1000);
        spec.edits_before = Some(EditsBefore {
            count: 1000,
            before: ts("2024-01-01T00:00:00Z"),
        });
        both.candidates = Some(EligibilityRules::new(spec).unwrap());
        assert_eq!(
            both.needs().unwrap_err().to_string().split(':').next(),
            Some("edits-before")
        );
    }

    #[test]
    fn securepoll_properties_map_onto_rules() {
        // The properties of a Board election dump as SecurePoll writes them.
        let props = [
            ("min-edits", "300"),
            ("max-registration", "20250728000000"),
            ("not-blocked", "1"),
            ("not-partial-blocked", "1"),
            ("not-centrally-blocked", "1"),
            ("central-block-threshold", "3"),
            ("not-bot", "1"),
            ("need-group", "sysop|bureaucrat"),
            ("list_edits-before", "1"),
            ("list_edits-before-count", "300"),
            ("list_edits-before-date", "20250728000000"),
            ("list_edits-between", "1"),
            ("list_edits-between-count", "20"),
            ("list_edits-startdate", "20240828000000"),
            ("list_edits-enddate", "20250728000000"),
            ("list_exclude-groups", "staff|bot"),
            ("need-central-list", "board-vote-2025"),
        ];
        let mapped = from_securepoll_properties(props);
        let s = &mapped.spec;
        assert_eq!(s.min_edits, Some(300));
        assert_eq!(s.registered_before, Some(ts("2025-07-28T00:00:00Z")));
        assert!(s.not_sitewide_blocked && s.not_partially_blocked && s.not_bot);
        assert_eq!(s.central_block_threshold, Some(3));
        assert_eq!(s.need_groups, [group("sysop"), group("bureaucrat")].into());
        assert_eq!(s.exclude_groups, [group("staff"), group("bot")].into());
        assert_eq!(
            s.edits_before,
            Some(EditsBefore {
                count: 300,
                before: ts("2025-07-28T00:00:00Z")
            })
        );
        assert_eq!(
            s.edits_between,
            Some(EditsBetween {
                count: 20,
                from: ts("2024-08-28T00:00:00Z"),
                to: ts("2025-07-28T00:00:00Z")
            })
        );
        assert_eq!(
            s.need_central_list.as_ref().unwrap().name,
            "board-vote-2025"
        );
        assert_eq!(mapped.warnings.len(), 1, "{:?}", mapped.warnings);
        assert!(mapped.warnings[0].contains("need-central-list"));
        assert!(EligibilityRules::new(mapped.spec).is_ok());

        let bad = from_securepoll_properties([("min-edits", "lots"), ("max-registration", "soon")]);
        assert_eq!(bad.spec.min_edits, None);
        assert_eq!(bad.warnings.len(), 2);
        assert!(bad.warnings[0].contains("\"lots\""));
    }
}
