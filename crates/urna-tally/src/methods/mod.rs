//! Counting methods. Each module documents the rule it implements and the source of the rule.
//!
//! [`count`] is the one entry point: it resolves the options (seats, seed), checks that the
//! ballots are of the kind the method reads, runs the method and records whether a lot was
//! drawn.

use std::fmt;
use std::str::FromStr;

use crate::ballots::{Ballots, ElectionInfo, RankedElection, ScoredElection};
use crate::error::TallyError;
use crate::report::{Decimal, Details, Report};
use crate::tie::Lot;

pub mod cardinal;
pub mod condorcet;
pub mod irv;
pub mod plurality;
pub mod select;
pub mod stv;

/// Every counting method Urna offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    Plurality,
    Block,
    Approval,
    Score,
    /// Support/oppose/neutral, ranked by S/(S+O) (Wikimedia ArbCom elections).
    Son,
    Schulze,
    RankedPairs,
    Minimax,
    Irv,
    Meek,
    MeekPrf,
    ScottishStv,
    Ers97,
    Wigm,
    /// Majority judgment.
    Mj,
    Star,
}

/// The kind of ballot a method reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BallotKind {
    Ranked,
    Scored,
}

impl BallotKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BallotKind::Ranked => "ranked",
            BallotKind::Scored => "scored",
        }
    }
}

impl Method {
    pub const ALL: [Method; 16] = [
        Method::Plurality,
        Method::Block,
        Method::Approval,
        Method::Score,
        Method::Son,
        Method::Schulze,
        Method::RankedPairs,
        Method::Minimax,
        Method::Irv,
        Method::Meek,
        Method::MeekPrf,
        Method::ScottishStv,
        Method::Ers97,
        Method::Wigm,
        Method::Mj,
        Method::Star,
    ];

    /// The name used on the command line and in reports.
    pub fn name(self) -> &'static str {
        match self {
            Method::Plurality => "plurality",
            Method::Block => "block",
            Method::Approval => "approval",
            Method::Score => "score",
            Method::Son => "son",
            Method::Schulze => "schulze",
            Method::RankedPairs => "ranked-pairs",
            Method::Minimax => "minimax",
            Method::Irv => "irv",
            Method::Meek => "meek",
            Method::MeekPrf => "meek-prf",
            Method::ScottishStv => "scottish-stv",
            Method::Ers97 => "ers97",
            Method::Wigm => "wigm",
            Method::Mj => "mj",
            Method::Star => "star",
        }
    }

    pub fn ballot_kind(self) -> BallotKind {
        match self {
            Method::Approval | Method::Score | Method::Son | Method::Mj | Method::Star => {
                BallotKind::Scored
            }
            _ => BallotKind::Ranked,
        }
    }

    /// The number of decimals the method's figures carry.
    pub fn decimals(self) -> u32 {
        match self {
            Method::Meek | Method::MeekPrf => 9,
            Method::ScottishStv => 5,
            Method::Ers97 => 2,
            Method::Wigm => stv::wigm::DECIMALS,
            _ => 0,
        }
    }

    /// The most standing candidates the method counts. Stage-by-stage methods report every
    /// candidate at every stage, and one exclusion per stage makes that grow with the square
    /// of the candidates; pairwise methods keep n² tables. A ballot file must not be able to
    /// make a count take gigabytes, so larger elections get a clear error instead.
    pub fn max_candidates(self) -> usize {
        match self {
            Method::Irv
            | Method::Meek
            | Method::MeekPrf
            | Method::ScottishStv
            | Method::Ers97
            | Method::Wigm => 1_000,
            Method::Schulze | Method::RankedPairs | Method::Minimax => condorcet::MAX_CANDIDATES,
            _ => usize::MAX,
        }
    }

    fn names() -> String {
        Method::ALL.map(Method::name).join(", ")
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Method {
    type Err = TallyError;
    fn from_str(s: &str) -> Result<Self, TallyError> {
        Method::ALL
            .into_iter()
            .find(|m| m.name() == s)
            .ok_or_else(|| TallyError::UnknownMethod(s.to_owned(), Method::names()))
    }
}

/// Progress of a long count: `(done, total)` in method-defined steps.
pub type ProgressFn<'a> = &'a (dyn Fn(u64, u64) + Sync);

/// What the user chose; anything left `None` takes the file's value or the method's default.
#[derive(Clone, Copy, Default)]
pub struct Options<'a> {
    pub seats: Option<usize>,
    /// Seed of the lot; default: a digest of the input (`RankedElection::default_seed`,
    /// `ScoredElection::default_seed`, `TotalsElection::default_seed`; all in
    /// `docs/ballot-formats.md`, "Default seeds").
    pub seed: Option<u64>,
    /// Minimum share S/(S+O) for `son`, in percent; default 50.
    pub min_share: Option<Decimal>,
    pub progress: Option<ProgressFn<'a>>,
}

impl fmt::Debug for Options<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Options")
            .field("seats", &self.seats)
            .field("seed", &self.seed)
            .field("min_share", &self.min_share)
            .finish_non_exhaustive()
    }
}

/// The resolved options a method counts with.
pub struct Context<'a> {
    pub seats: usize,
    pub lot: Lot,
    pub min_share: Decimal,
    progress: Option<ProgressFn<'a>>,
}

impl fmt::Debug for Context<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Context")
            .field("seats", &self.seats)
            .field("lot", &self.lot)
            .field("min_share", &self.min_share)
            .finish_non_exhaustive()
    }
}

/// The most seats a count fills. No election comes near it; the bound keeps a quota's
/// divisor (`seats + 1` in 27-decimal fixed point, for WIGM) inside 128 bits. Found by
/// fuzzing: a BLT header of `3 2000000000000` overflowed WIGM's quota.
pub const MAX_SEATS: usize = 1_000_000;

impl<'a> Context<'a> {
    /// Checks `options` against the election and the method and resolves them: seats (default:
    /// the election's), the lot (seed default: `default_seed`, computed only when needed), the
    /// minimum share (default 50%). Shared by [`count`] and [`crate::totals::count_totals`].
    pub(crate) fn resolve(
        method: Method,
        info: &ElectionInfo,
        options: &Options<'a>,
        default_seed: impl FnOnce() -> u64,
    ) -> Result<Context<'a>, TallyError> {
        let seats = options.seats.unwrap_or(info.seats);
        if seats == 0 {
            return Err(TallyError::InvalidOption(
                "the number of seats must be at least 1".into(),
            ));
        }
        if seats > MAX_SEATS {
            return Err(TallyError::TooLarge(format!(
                "{seats} seats; a count fills at most {MAX_SEATS}"
            )));
        }
        let standing = info.standing().len();
        if standing == 0 {
            return Err(TallyError::Unsupported("no candidate stands".into()));
        }
        if standing > method.max_candidates() {
            return Err(TallyError::TooLarge(format!(
                "{standing} candidates stand; {method} counts at most {}",
                method.max_candidates()
            )));
        }
        let min_share = options.min_share.unwrap_or(Decimal::whole(50));
        if min_share < Decimal::whole(0) || min_share > Decimal::whole(100) {
            return Err(TallyError::InvalidOption(format!(
                "the minimum share must be between 0 and 100 percent, not {min_share}"
            )));
        }
        Ok(Context {
            seats,
            lot: Lot::new(options.seed.unwrap_or_else(default_seed)),
            min_share,
            progress: options.progress,
        })
    }
}

impl Context<'_> {
    /// Reports progress, if anyone listens.
    pub fn progress(&self, done: u64, total: u64) {
        if let Some(p) = self.progress {
            p(done, total);
        }
    }

    /// A context for tests and callers that need no options.
    pub fn with_seats(seats: usize, seed: u64) -> Context<'static> {
        Context {
            seats,
            lot: Lot::new(seed),
            min_share: Decimal::whole(50),
            progress: None,
        }
    }
}

/// Counts `ballots` with `method`.
pub fn count(
    method: Method,
    ballots: &Ballots,
    options: &Options<'_>,
) -> Result<Report, TallyError> {
    let mut ctx = Context::resolve(method, ballots.info(), options, || ballots.default_seed())?;
    let mut report = match (method.ballot_kind(), ballots) {
        (BallotKind::Ranked, Ballots::Ranked(e)) => count_ranked(method, e, &mut ctx)?,
        (BallotKind::Scored, Ballots::Scored(e)) => count_scored(method, e, &mut ctx)?,
        (wanted, found) => {
            return Err(TallyError::WrongBallotKind {
                method: method.name(),
                wanted: wanted.as_str(),
                found: found.kind(),
            });
        }
    };
    report.seed = ctx.lot.used_seed();
    Ok(report)
}

fn count_ranked(
    m: Method,
    e: &RankedElection,
    ctx: &mut Context<'_>,
) -> Result<Report, TallyError> {
    match m {
        Method::Plurality => plurality::plurality(e, ctx),
        Method::Block => plurality::block(e, ctx),
        Method::Schulze => condorcet::schulze::count(e, ctx),
        Method::RankedPairs => condorcet::ranked_pairs::count(e, ctx),
        Method::Minimax => condorcet::minimax::count(e, ctx),
        Method::Irv => irv::count(e, ctx),
        Method::Meek => stv::meek::count(e, ctx, stv::meek::Variant::Droop),
        Method::MeekPrf => stv::meek::count(e, ctx, stv::meek::Variant::Prf),
        Method::ScottishStv => stv::scottish::count(e, ctx),
        Method::Ers97 => stv::ers97::count(e, ctx),
        Method::Wigm => stv::wigm::count(e, ctx),
        _ => unreachable!("{m} reads scored ballots"),
    }
}

fn count_scored(
    m: Method,
    e: &ScoredElection,
    ctx: &mut Context<'_>,
) -> Result<Report, TallyError> {
    match m {
        Method::Approval => cardinal::approval::count(e, ctx),
        Method::Score => cardinal::score::count(e, ctx),
        Method::Son => cardinal::son::count(e, ctx),
        Method::Mj => cardinal::mj::count(e, ctx),
        Method::Star => cardinal::star::count(e, ctx),
        _ => unreachable!("{m} reads ranked ballots"),
    }
}

impl Report {
    /// An empty report for `info`, to be filled by a method.
    pub fn new(method: Method, info: &ElectionInfo, seats: usize, ballots: u64) -> Report {
        Report {
            method,
            title: info.title.clone(),
            candidates: info.candidates.clone(),
            withdrawn: info.withdrawn.clone(),
            seats,
            elected: Vec::new(),
            vacant: 0,
            ranking: None,
            rounds: Vec::new(),
            seed: None,
            ballots,
            details: Details::None,
        }
    }
}
