//! Importing SecurePoll election dumps (`Special:SecurePoll/dump`, MediaWiki's SecurePoll
//! extension): [`parse_dump`] reads the XML into [`DumpElection`]s as SecurePoll wrote them,
//! and [`import`] maps one onto Urna's model: a checked [`Election`] (the JSON definition the
//! API and the admin's JSON import take), the dump's plaintext and legacy vote records as
//! validated ballots, and a list of [`Warning`]s for everything that has no Urna equivalent.
//!
//! **Nothing is dropped silently.** Every property, message, authentication setting and vote
//! record that does not become part of the Urna election is named in a warning with the line
//! and column it came from. Warnings never print the value of a `*-key` property: dumps made
//! with `--private` hold SecurePoll's decryption key.
//!
//! **Untrusted input.** A dump is at most [`MAX_DUMP_BYTES`]; the XML parser (roxmltree)
//! refuses DTDs, and so custom entities, and stops after [`MAX_XML_NODES`] nodes. Errors name
//! the line and column; no input panics (fuzzed: `fuzz/fuzz_targets/securepoll.rs`).
//!
//! The mapping is documented in `docs/securepoll-import.md`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

use jiff::Timestamp;
use roxmltree::{Document, Node, ParsingOptions};
use thiserror::Error;

use crate::ballot::{Answer, PlainBallot, ValidBallot};
use crate::election::{Election, ElectionError, ElectionId, ElectionSpec, Slug};
use crate::lifecycle::State;
use crate::question::{BallotType, Candidate, CandidateId, QuestionId, QuestionSpec};
use crate::tally::{TallyInputError, to_blt, to_csv};
use crate::text::{Lang, Texts};
use crate::window::{ElectionZone, VotingWindow};
use urna_tally::Method;

/// The largest dump read: 64 MiB holds several hundred thousand vote records.
pub const MAX_DUMP_BYTES: usize = 64 * 1024 * 1024;
/// The most XML nodes (elements, texts) a dump may have; a vote record is two.
pub const MAX_XML_NODES: u32 = 4_000_000;

/// Where something is in the dump (1-based, as editors count).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub line: u32,
    pub column: u32,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

/// Why a dump cannot be read or imported at all.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SecurePollError {
    #[error("the dump is {bytes} bytes, more than the {limit} bytes accepted")]
    TooLarge { bytes: usize, limit: usize },
    #[error("{at}: malformed XML: {message}")]
    Xml { at: Location, message: String },
    #[error("{at}: {message}")]
    Structure { at: Location, message: String },
    #[error(
        "{at}: unknown ballot type {ballot:?} (SecurePoll's are approval, choose, preferential, radio-range, radio-range-comment and stv)"
    )]
    UnknownBallot { at: Location, ballot: String },
    #[error("{at}: the imported election is not valid in Urna: {source}")]
    Invalid { at: Location, source: ElectionError },
}

/// Something in the dump that the import could not carry over as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub at: Location,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// A `<property name="…">value</property>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Property {
    pub name: String,
    pub value: String,
    pub at: Location,
}

/// A `<message name="…" lang="…">text</message>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub name: String,
    pub lang: String,
    pub text: String,
    pub at: Location,
}

/// What elections, questions and options share: an id, properties, messages, and any
/// element this reader does not know (reported, not dropped).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Entity {
    pub id: Option<String>,
    pub properties: Vec<Property>,
    pub messages: Vec<Message>,
    pub unknown_elements: Vec<(String, Location)>,
}

impl Entity {
    fn property(&self, name: &str) -> Option<&Property> {
        self.properties.iter().find(|p| p.name == name)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DumpOption {
    pub entity: Entity,
    pub at: Location,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DumpQuestion {
    pub entity: Entity,
    pub options: Vec<DumpOption>,
    pub at: Location,
}

/// A `<vote>` element's record, trimmed.
#[derive(Clone, PartialEq, Eq)]
pub struct VoteRecord {
    pub record: String,
    pub at: Location,
}

impl fmt::Debug for VoteRecord {
    // A vote is secret even in an archive: debug output ends up in logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "VoteRecord(<redacted>, {})", self.at)
    }
}

/// One `<election>` of a dump, as SecurePoll wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DumpElection {
    pub entity: Entity,
    /// The internal name (`<title>`); voters see the `title` message.
    pub title: Option<String>,
    pub ballot: Option<(String, Location)>,
    pub tally: Option<(String, Location)>,
    pub primary_lang: Option<(String, Location)>,
    pub start: Option<(Timestamp, Location)>,
    pub end: Option<(Timestamp, Location)>,
    /// `<auth>` values (`local`, `remote-mw`).
    pub auth: Vec<(String, Location)>,
    pub questions: Vec<DumpQuestion>,
    pub votes: Vec<VoteRecord>,
    pub at: Location,
}

/// Reads a dump: `<SecurePoll>` with one or more `<election>`s.
pub fn parse_dump(xml: &str) -> Result<Vec<DumpElection>, SecurePollError> {
    if xml.len() > MAX_DUMP_BYTES {
        return Err(SecurePollError::TooLarge {
            bytes: xml.len(),
            limit: MAX_DUMP_BYTES,
        });
    }
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_XML_NODES,
        ..ParsingOptions::default()
    };
    let doc = Document::parse_with_options(xml, options).map_err(|e| xml_error(xml, &e))?;
    let reader = Reader { doc: &doc };
    let root = doc.root_element();
    if root.tag_name().name() != "SecurePoll" {
        return Err(reader.structure(
            root,
            format!(
                "the document is <{}>, not a SecurePoll dump (<SecurePoll>)",
                root.tag_name().name()
            ),
        ));
    }
    let mut elections = Vec::new();
    for child in root.children().filter(Node::is_element) {
        if child.tag_name().name() == "election" {
            elections.push(reader.election(child)?);
        } else {
            return Err(reader.structure(
                child,
                format!(
                    "unexpected <{}> in <SecurePoll> (expected <election>)",
                    child.tag_name().name()
                ),
            ));
        }
    }
    if elections.is_empty() {
        return Err(reader.structure(root, "the dump has no <election>".to_owned()));
    }
    Ok(elections)
}

/// roxmltree's error, placed where a reader looks: some errors carry no position (it says
/// line 1), so a truncated dump is placed at its end and a DTD at its `<!DOCTYPE`.
fn xml_error(xml: &str, e: &roxmltree::Error) -> SecurePollError {
    let at = match e {
        roxmltree::Error::UnclosedRootNode | roxmltree::Error::UnexpectedEndOfStream => {
            location_of(xml, xml.trim_end().len())
        }
        roxmltree::Error::DtdDetected => location_of(xml, xml.find("<!DOCTYPE").unwrap_or(0)),
        _ => {
            let pos = e.pos();
            Location {
                line: pos.row,
                column: pos.col,
            }
        }
    };
    let message = match e {
        roxmltree::Error::UnclosedRootNode | roxmltree::Error::UnexpectedEndOfStream => {
            format!("{e}: the dump ends here, before its elements are closed (is it truncated?)")
        }
        roxmltree::Error::DtdDetected => {
            format!("{e}: a DTD (and so entity declarations) is not accepted in a dump")
        }
        _ => e.to_string(),
    };
    SecurePollError::Xml { at, message }
}

/// The line and column (in characters) of byte `offset` of `text`.
fn location_of(text: &str, offset: usize) -> Location {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Location {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        column: u32::try_from(column).unwrap_or(u32::MAX),
    }
}

struct Reader<'a, 'input> {
    doc: &'a Document<'input>,
}

impl Reader<'_, '_> {
    fn at(&self, node: Node<'_, '_>) -> Location {
        let pos = self.doc.text_pos_at(node.range().start);
        Location {
            line: pos.row,
            column: pos.col,
        }
    }

    fn structure(&self, node: Node<'_, '_>, message: String) -> SecurePollError {
        SecurePollError::Structure {
            at: self.at(node),
            message,
        }
    }

    /// The text of an element that holds only text (`<id>51</id>`).
    fn text(&self, node: Node<'_, '_>) -> Result<String, SecurePollError> {
        if let Some(child) = node.children().find(Node::is_element) {
            return Err(self.structure(
                child,
                format!(
                    "<{}> inside <{}>, which holds only text",
                    child.tag_name().name(),
                    node.tag_name().name()
                ),
            ));
        }
        Ok(node.children().filter_map(|c| c.text()).collect::<String>())
    }

    fn attribute(&self, node: Node<'_, '_>, name: &str) -> Result<String, SecurePollError> {
        node.attribute(name).map(str::to_owned).ok_or_else(|| {
            self.structure(
                node,
                format!("<{}> has no {name} attribute", node.tag_name().name()),
            )
        })
    }

    /// Reads an element common to every entity; false when `node` is not one.
    fn entity_child(
        &self,
        entity: &mut Entity,
        node: Node<'_, '_>,
    ) -> Result<bool, SecurePollError> {
        match node.tag_name().name() {
            "id" => entity.id = Some(self.text(node)?.trim().to_owned()),
            "property" => entity.properties.push(Property {
                name: self.attribute(node, "name")?,
                value: self.text(node)?,
                at: self.at(node),
            }),
            "message" => entity.messages.push(Message {
                name: self.attribute(node, "name")?,
                lang: self.attribute(node, "lang")?,
                text: self.text(node)?,
                at: self.at(node),
            }),
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn election(&self, node: Node<'_, '_>) -> Result<DumpElection, SecurePollError> {
        let mut election = DumpElection {
            entity: Entity::default(),
            title: None,
            ballot: None,
            tally: None,
            primary_lang: None,
            start: None,
            end: None,
            auth: Vec::new(),
            questions: Vec::new(),
            votes: Vec::new(),
            at: self.at(node),
        };
        let mut configured = false;
        for child in node.children().filter(Node::is_element) {
            match child.tag_name().name() {
                "configuration" => {
                    configured = true;
                    self.configuration(&mut election, child)?;
                }
                "vote" => election.votes.push(VoteRecord {
                    record: self.text(child)?.trim().to_owned(),
                    at: self.at(child),
                }),
                other => election
                    .entity
                    .unknown_elements
                    .push((other.to_owned(), self.at(child))),
            }
        }
        if !configured {
            return Err(self.structure(node, "the <election> has no <configuration>".to_owned()));
        }
        Ok(election)
    }

    fn configuration(
        &self,
        election: &mut DumpElection,
        node: Node<'_, '_>,
    ) -> Result<(), SecurePollError> {
        for child in node.children().filter(Node::is_element) {
            if self.entity_child(&mut election.entity, child)? {
                continue;
            }
            let at = self.at(child);
            match child.tag_name().name() {
                "title" => election.title = Some(self.text(child)?),
                "ballot" => election.ballot = Some((self.text(child)?.trim().to_owned(), at)),
                "tally" => election.tally = Some((self.text(child)?.trim().to_owned(), at)),
                "primaryLang" => {
                    election.primary_lang = Some((self.text(child)?.trim().to_owned(), at));
                }
                "startDate" => election.start = Some((self.date(child)?, at)),
                "endDate" => election.end = Some((self.date(child)?, at)),
                "auth" => election
                    .auth
                    .push((self.text(child)?.trim().to_owned(), at)),
                "question" => election.questions.push(self.question(child)?),
                other => election
                    .entity
                    .unknown_elements
                    .push((other.to_owned(), at)),
            }
        }
        Ok(())
    }

    fn date(&self, node: Node<'_, '_>) -> Result<Timestamp, SecurePollError> {
        let text = self.text(node)?;
        text.trim().parse::<Timestamp>().map_err(|e| {
            self.structure(
                node,
                format!(
                    "<{}> {text:?} is not an ISO 8601 UTC time such as 2009-07-19T00:00:00Z: {e}",
                    node.tag_name().name()
                ),
            )
        })
    }

    fn question(&self, node: Node<'_, '_>) -> Result<DumpQuestion, SecurePollError> {
        let mut question = DumpQuestion {
            entity: Entity::default(),
            options: Vec::new(),
            at: self.at(node),
        };
        for child in node.children().filter(Node::is_element) {
            if self.entity_child(&mut question.entity, child)? {
                continue;
            }
            if child.tag_name().name() == "option" {
                let mut option = DumpOption {
                    entity: Entity::default(),
                    at: self.at(child),
                };
                for grandchild in child.children().filter(Node::is_element) {
                    if !self.entity_child(&mut option.entity, grandchild)? {
                        option
                            .entity
                            .unknown_elements
                            .push((grandchild.tag_name().name().to_owned(), self.at(grandchild)));
                    }
                }
                question.options.push(option);
            } else {
                question
                    .entity
                    .unknown_elements
                    .push((child.tag_name().name().to_owned(), self.at(child)));
            }
        }
        Ok(question)
    }
}

/// SecurePoll's ballot types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DumpBallot {
    Approval,
    Choose,
    Preferential,
    RadioRange,
    /// A radio-range ballot with comments (archived in SecurePoll).
    RadioRangeComment,
    Stv,
}

impl DumpBallot {
    pub fn parse(name: &str) -> Option<DumpBallot> {
        Some(match name {
            "approval" => DumpBallot::Approval,
            "choose" => DumpBallot::Choose,
            "preferential" => DumpBallot::Preferential,
            "radio-range" => DumpBallot::RadioRange,
            "radio-range-comment" => DumpBallot::RadioRangeComment,
            "stv" => DumpBallot::Stv,
            _ => return None,
        })
    }

    /// The tally SecurePoll pairs with the ballot, which the Urna method reproduces.
    fn usual_tallies(self) -> &'static [&'static str] {
        match self {
            DumpBallot::Approval | DumpBallot::Choose => &["plurality"],
            DumpBallot::Preferential => &["schulze"],
            DumpBallot::RadioRange | DumpBallot::RadioRangeComment => {
                &["plurality", "histogram-range"]
            }
            DumpBallot::Stv => &["droop-quota"],
        }
    }
}

/// A SecurePoll election in Urna's model.
#[derive(Debug, Clone)]
pub struct Imported {
    pub election: Election,
    /// SecurePoll's `<id>` of the election, if it had one.
    pub securepoll_id: Option<String>,
    /// The counted vote records, in the dump's order.
    pub ballots: Vec<ValidBallot>,
    pub warnings: Vec<Warning>,
}

/// A ballot file `urna tally` reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BallotFile {
    /// `blt` or `csv`.
    pub extension: &'static str,
    pub contents: String,
}

impl Imported {
    /// The ballots of question `index` as `urna tally` reads them: BLT for ranked and
    /// choose-one questions, urna-tally's scored CSV for approval and score ones.
    pub fn ballot_file(&self, index: usize) -> Result<Option<BallotFile>, TallyInputError> {
        let Some(question) = self.election.questions().get(index) else {
            return Ok(None);
        };
        let answers = self
            .ballots
            .iter()
            .filter_map(|b| b.answers().get(index))
            .map(|a| (1u64, a));
        Ok(Some(match question.ballot_type {
            BallotType::Ranked { .. } | BallotType::ChooseOne => BallotFile {
                extension: "blt",
                contents: to_blt(question, answers)?,
            },
            BallotType::Approval { .. } | BallotType::Score { .. } => BallotFile {
                extension: "csv",
                contents: to_csv(question, answers)?,
            },
        }))
    }
}

/// Eligibility rules, which Urna sets in its voter list, not in the definition.
const ELIGIBILITY_PROPERTIES: &[&str] = &[
    "min-edits",
    "max-registration",
    "not-blocked",
    "not-sitewide-blocked",
    "not-partial-blocked",
    "not-centrally-blocked",
    "central-block-threshold",
    "not-bot",
    "need-group",
    "need-list",
    "include-list",
    "exclude-list",
    "need-central-list",
    "allow-usergroups",
    "list_populate",
    "list_edits-before",
    "list_edits-before-count",
    "list_edits-before-date",
    "list_edits-between",
    "list_edits-startdate",
    "list_edits-enddate",
    "list_edits-between-count",
    "list_exclude-groups",
    "list_include-groups",
];

/// Maps one dump election onto Urna. `id` is the new election's id (the caller generates
/// it, so that this stays free of randomness). Vote records that cannot be decoded, name an
/// option the question lacks, or break the ballot's rules are reported and not counted.
pub fn import(dump: &DumpElection, id: ElectionId) -> Result<Imported, SecurePollError> {
    let mut warnings = Vec::new();
    let (ballot_name, ballot_at) =
        dump.ballot
            .clone()
            .ok_or_else(|| SecurePollError::Structure {
                at: dump.at,
                message: "the election's <configuration> has no <ballot>".to_owned(),
            })?;
    let ballot = DumpBallot::parse(&ballot_name).ok_or(SecurePollError::UnknownBallot {
        at: ballot_at,
        ballot: ballot_name.clone(),
    })?;
    match &dump.tally {
        Some((tally, _)) if ballot.usual_tallies().contains(&tally.as_str()) => {}
        Some((tally, at)) => warnings.push(Warning {
            at: *at,
            message: format!(
                "tally {tally:?} is not what SecurePoll pairs with the {ballot_name} ballot ({}); counted with Urna's {} method instead",
                ballot.usual_tallies().join(" or "),
                urna_method(ballot).name()
            ),
        }),
        None => warnings.push(Warning {
            at: dump.at,
            message: format!(
                "the election has no <tally>; counted with Urna's {} method",
                urna_method(ballot).name()
            ),
        }),
    }
    if ballot == DumpBallot::Stv {
        warnings.push(Warning {
            at: ballot_at,
            message: "SecurePoll's droop-quota tally is a Meek STV that updates keep factors once per round and may leave seats unfilled; Urna's meek method converges each round and fills every seat, so results can differ in close counts".to_owned(),
        });
    }
    if ballot == DumpBallot::RadioRangeComment {
        warnings.push(Warning {
            at: ballot_at,
            message:
                "radio-range-comment ballots become score ballots; Urna has no per-ballot comments"
                    .to_owned(),
        });
    }

    let primary = primary_language(dump, &mut warnings)?;
    let mut languages: BTreeSet<Lang> = BTreeSet::new();
    let mut mapper = Mapper {
        primary: primary.clone(),
        languages: &mut languages,
        warnings: &mut warnings,
    };

    let title = mapper.texts(
        &dump.entity,
        "title",
        dump.title.as_deref(),
        dump.at,
        "the election",
    );
    mapper.report_entity(&dump.entity, "the election", &["title"], &[]);
    for (name, at) in &dump.entity.unknown_elements {
        mapper.warn(*at, format!("<{name}> in the election is not a SecurePoll element this importer knows; not imported"));
    }
    for (auth, at) in &dump.auth {
        if auth != "local" {
            mapper.warn(
                *at,
                format!("authentication {auth:?} (voting from another wiki) is not imported; Urna's sign-in is configured on the server"),
            );
        }
    }

    let mut questions = Vec::new();
    let mut option_ids: Vec<HashMap<String, CandidateId>> = Vec::new();
    let mut question_ids: HashMap<String, usize> = HashMap::new();
    for (index, q) in dump.questions.iter().enumerate() {
        let (mut spec, options) = mapper.question(q, index, ballot, &dump.entity)?;
        if questions.iter().any(|x: &QuestionSpec| x.id == spec.id) {
            let mut k = index + 1;
            let made = loop {
                let made = QuestionId::parse(&format!("q{k}")).map_err(|e| {
                    SecurePollError::Structure {
                        at: q.at,
                        message: e.to_string(),
                    }
                })?;
                if !questions.iter().any(|x: &QuestionSpec| x.id == made) {
                    break made;
                }
                k += 1;
            };
            mapper.warn(
                q.at,
                format!(
                    "question {}: the id is used twice in this election; this question is {made}, and votes for {} count for the first",
                    spec.id, spec.id
                ),
            );
            spec.id = made;
        }
        if let Some(sp_id) = &q.entity.id {
            question_ids.entry(sp_id.clone()).or_insert(index);
        }
        questions.push(spec);
        option_ids.push(options);
    }
    if let Some((tally, tally_at)) = &dump.tally
        && tally == "histogram-range"
    {
        for q in &dump.questions {
            let filled = q.entity.property("default-score").is_some()
                || dump.entity.property("default-score").is_some();
            if !filled {
                let what = q.entity.id.as_deref().unwrap_or("without <id>");
                mapper.warn(
                    *tally_at,
                    format!(
                        "question {what}: histogram-range orders options by average score, Urna's score method by total; without a default-score, voters may leave options blank and the orders can differ"
                    ),
                );
            }
        }
    }
    if questions.is_empty() {
        return Err(SecurePollError::Structure {
            at: dump.at,
            message: "the election has no <question>".to_owned(),
        });
    }

    let window = match (&dump.start, &dump.end) {
        (Some((opens, _)), Some((closes, at))) => {
            let utc = ElectionZone::parse("UTC").map_err(|e| SecurePollError::Structure {
                at: *at,
                message: e.to_string(),
            })?;
            match VotingWindow::new(*opens, *closes, utc) {
                Ok(w) => Some(w),
                Err(e) => {
                    mapper.warn(*at, format!("the voting window is not imported: {e}"));
                    None
                }
            }
        }
        _ => {
            mapper.warn(
                dump.at,
                "the election lacks a <startDate> or <endDate>; the voting window is left unset"
                    .to_owned(),
            );
            None
        }
    };

    let mut langs = vec![primary.clone()];
    langs.extend(languages.into_iter().filter(|l| *l != primary));
    let slug = slug_for(dump)?;
    let spec = ElectionSpec {
        id,
        slug,
        title,
        questions,
        window,
        state: State::Draft,
        // SecurePoll lets a voter vote again, replacing the earlier vote.
        allow_revote: true,
        allow_weights: false,
        languages: langs,
        counting: Default::default(),
    };
    let election = Election::try_from(spec).map_err(|source| SecurePollError::Invalid {
        at: dump.at,
        source,
    })?;

    let decoder = VoteDecoder {
        ballot,
        election: &election,
        question_ids: &question_ids,
        option_ids: &option_ids,
    };
    let mut ballots = Vec::new();
    let mut comments = 0usize;
    let mut unreadable: Vec<Location> = Vec::new();
    for vote in &dump.votes {
        match decoder.decode(vote, &mut comments) {
            Ok(b) => ballots.push(b),
            Err(VoteProblem::Unreadable) => unreadable.push(vote.at),
            Err(VoteProblem::Bad(message)) => warnings.push(Warning {
                at: vote.at,
                message: format!("vote record not counted: {message}"),
            }),
        }
    }
    if let Some(first) = unreadable.first() {
        warnings.push(Warning {
            at: *first,
            message: format!(
                "{} vote record(s) are encrypted or in no plaintext format SecurePoll writes (first here); they cannot be counted without SecurePoll's private key, so they are not imported",
                unreadable.len()
            ),
        });
    }
    if comments > 0 {
        warnings.push(Warning {
            at: dump.at,
            message: format!("{comments} vote record(s) carry a comment; Urna keeps no comments, so they are not imported"),
        });
    }
    // In the dump's order, whatever part of the mapping found them.
    warnings.sort_by_key(|w| w.at);
    Ok(Imported {
        election,
        securepoll_id: dump.entity.id.clone(),
        ballots,
        warnings,
    })
}

fn urna_method(ballot: DumpBallot) -> Method {
    match ballot {
        DumpBallot::Approval => Method::Approval,
        DumpBallot::Choose => Method::Plurality,
        DumpBallot::Preferential => Method::Schulze,
        DumpBallot::RadioRange | DumpBallot::RadioRangeComment => Method::Score,
        DumpBallot::Stv => Method::Meek,
    }
}

fn primary_language(
    dump: &DumpElection,
    warnings: &mut Vec<Warning>,
) -> Result<Lang, SecurePollError> {
    let why = match &dump.primary_lang {
        Some((tag, at)) => match Lang::parse(tag) {
            Ok(lang) => return Ok(lang),
            Err(e) => (*at, format!("primaryLang: {e}")),
        },
        None => (dump.at, "the election has no <primaryLang>".to_owned()),
    };
    warnings.push(Warning {
        at: why.0,
        message: format!("{}; English (en) is the default language", why.1),
    });
    Lang::parse("en").map_err(|e| SecurePollError::Structure {
        at: why.0,
        message: e.to_string(),
    })
}

/// `radio-range-test-1-50`: the internal title in lower case, then SecurePoll's id.
fn slug_for(dump: &DumpElection) -> Result<Slug, SecurePollError> {
    let mut slug = String::new();
    let source = dump.title.as_deref().unwrap_or("securepoll");
    for c in source.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 48 {
            break;
        }
    }
    let mut slug = slug.trim_end_matches('-').to_owned();
    if slug.is_empty() {
        slug.push_str("securepoll");
    }
    if let Some(id) = dump
        .entity
        .id
        .as_deref()
        .filter(|id| !id.is_empty() && id.len() <= 12 && id.bytes().all(|b| b.is_ascii_digit()))
    {
        slug.push('-');
        slug.push_str(id);
    }
    Slug::parse(&slug).map_err(|source| SecurePollError::Invalid {
        at: dump.at,
        source,
    })
}

struct Mapper<'a> {
    primary: Lang,
    languages: &'a mut BTreeSet<Lang>,
    warnings: &'a mut Vec<Warning>,
}

impl Mapper<'_> {
    fn warn(&mut self, at: Location, message: String) {
        self.warnings.push(Warning { at, message });
    }

    /// The messages `name` of an entity as [`Texts`] in the primary language; `fallback`
    /// stands in when the primary language has none.
    fn texts(
        &mut self,
        entity: &Entity,
        name: &str,
        fallback: Option<&str>,
        at: Location,
        what: &str,
    ) -> Texts {
        let mut by_lang: BTreeMap<Lang, String> = BTreeMap::new();
        for m in entity.messages.iter().filter(|m| m.name == name) {
            match Lang::parse(&m.lang) {
                Ok(lang) if m.text.trim().is_empty() => {
                    self.warn(
                        m.at,
                        format!("{what}: the {name} message in {lang} is empty; not imported"),
                    );
                }
                Ok(lang) => {
                    self.languages.insert(lang.clone());
                    by_lang.insert(lang, m.text.clone());
                }
                Err(e) => self.warn(
                    m.at,
                    format!("{what}: the {name} message is not imported: {e}"),
                ),
            }
        }
        let default_text = match by_lang.remove(&self.primary) {
            Some(text) => text,
            None => {
                let stand_in = fallback
                    .map(str::to_owned)
                    .filter(|t| !t.trim().is_empty())
                    .or_else(|| by_lang.values().next().cloned())
                    .unwrap_or_else(|| what.to_owned());
                self.warn(
                    at,
                    format!(
                        "{what} has no {name} message in the primary language {}; {stand_in:?} stands in",
                        self.primary
                    ),
                );
                stand_in
            }
        };
        let mut texts = Texts::new(self.primary.clone(), default_text);
        for (lang, text) in by_lang {
            texts.set(lang, text);
        }
        texts
    }

    /// Reports the entity's messages other than `mapped` and properties other than
    /// `mapped_properties`.
    fn report_entity(
        &mut self,
        entity: &Entity,
        what: &str,
        mapped: &[&str],
        mapped_properties: &[&str],
    ) {
        let mut unmapped: BTreeMap<&str, (Location, Vec<&str>)> = BTreeMap::new();
        for m in entity
            .messages
            .iter()
            .filter(|m| !mapped.contains(&m.name.as_str()))
        {
            unmapped
                .entry(&m.name)
                .or_insert_with(|| (m.at, Vec::new()))
                .1
                .push(&m.lang);
        }
        for (name, (at, langs)) in unmapped {
            self.warn(
                at,
                format!(
                    "{what}: the {name} message ({}) has no place in an Urna election; not imported",
                    langs.join(", ")
                ),
            );
        }
        for p in entity
            .properties
            .iter()
            .filter(|p| !mapped_properties.contains(&p.name.as_str()))
        {
            let message = property_warning(what, p);
            self.warn(p.at, message);
        }
        for (name, at) in &entity.unknown_elements {
            self.warn(
                *at,
                format!(
                    "{what}: <{name}> is not a SecurePoll element this importer knows; not imported"
                ),
            );
        }
    }

    fn question(
        &mut self,
        q: &DumpQuestion,
        index: usize,
        ballot: DumpBallot,
        election: &Entity,
    ) -> Result<(QuestionSpec, HashMap<String, CandidateId>), SecurePollError> {
        let sp_id = q.entity.id.clone().unwrap_or_default();
        let what = format!(
            "question {}",
            if sp_id.is_empty() {
                (index + 1).to_string()
            } else {
                sp_id.clone()
            }
        );
        let id = QuestionId::parse(&sp_id).or_else(|_| {
            let made = format!("q{}", index + 1);
            self.warn(
                q.at,
                format!("{what}: the id {sp_id:?} is not usable in Urna; the question is {made}"),
            );
            QuestionId::parse(&made)
        });
        let id = id.map_err(|e| SecurePollError::Structure {
            at: q.at,
            message: e.to_string(),
        })?;
        let title = self.texts(&q.entity, "text", None, q.at, &what);

        let mut options = Vec::new();
        let mut ids: HashMap<String, CandidateId> = HashMap::new();
        for (n, o) in q.options.iter().enumerate() {
            let o_sp = o.entity.id.clone().unwrap_or_default();
            let o_what = format!(
                "{what}, option {}",
                if o_sp.is_empty() {
                    (n + 1).to_string()
                } else {
                    o_sp.clone()
                }
            );
            let mut candidate = CandidateId::parse(&o_sp).ok();
            if candidate.is_none() {
                self.warn(
                    o.at,
                    format!("{o_what}: the id {o_sp:?} is not usable in Urna"),
                );
            }
            if candidate
                .as_ref()
                .is_some_and(|c| options.iter().any(|x: &Candidate| x.id == *c))
            {
                self.warn(
                    o.at,
                    format!("{o_what}: the id {o_sp} is used twice in this question; this option gets a new id, and votes for {o_sp} count for the first"),
                );
                candidate = None;
            }
            let candidate = match candidate {
                Some(c) => c,
                None => {
                    let mut k = n + 1;
                    loop {
                        let made = CandidateId::parse(&format!("{id}-opt{k}")).map_err(|e| {
                            SecurePollError::Structure {
                                at: o.at,
                                message: e.to_string(),
                            }
                        })?;
                        if !options.iter().any(|x: &Candidate| x.id == made) {
                            break made;
                        }
                        k += 1;
                    }
                }
            };
            let name = self.texts(&o.entity, "text", None, o.at, &o_what);
            self.report_entity(&o.entity, &o_what, &["text"], &[]);
            if !o_sp.is_empty() {
                ids.entry(o_sp).or_insert_with(|| candidate.clone());
            }
            options.push(Candidate {
                id: candidate,
                name,
                withdrawn: false,
            });
        }

        let n = options.len();
        let number = |name: &str| -> Result<Option<i64>, SecurePollError> {
            match q.entity.property(name).or_else(|| election.property(name)) {
                None => Ok(None),
                Some(p) => p.value.trim().parse::<i64>().map(Some).map_err(|_| {
                    SecurePollError::Structure {
                        at: p.at,
                        message: format!(
                            "{what}: property {name} {:?} is not a whole number",
                            p.value
                        ),
                    }
                }),
            }
        };
        let mut mapped_props: Vec<&str> = vec!["shuffle-options"];
        let mut seats = 1usize;
        let ballot_type = match ballot {
            DumpBallot::Approval => BallotType::Approval {
                min: 0,
                max: n.max(1),
            },
            DumpBallot::Choose => BallotType::ChooseOne,
            DumpBallot::Preferential => BallotType::Ranked {
                max_ranks: None,
                allow_equal: true,
            },
            DumpBallot::RadioRange | DumpBallot::RadioRangeComment => {
                mapped_props.extend(["min-score", "max-score", "default-score"]);
                let min = number("min-score")?;
                let max = number("max-score")?;
                let default_score = number("default-score")?;
                if min.is_none() || max.is_none() {
                    self.warn(
                        q.at,
                        format!(
                            "{what}: min-score or max-score is missing; the score range is 0 to 1"
                        ),
                    );
                }
                if default_score.is_some() {
                    let at = q
                        .entity
                        .property("default-score")
                        .or_else(|| election.property("default-score"))
                        .map_or(q.at, |p| p.at);
                    self.warn(
                        at,
                        format!(
                            "{what}: default-score is not imported: SecurePoll gives an option left unanswered that score, Urna leaves it blank (votes in the dump already carry the filled-in score)"
                        ),
                    );
                }
                BallotType::Score {
                    min: min.unwrap_or(0),
                    max: max.unwrap_or(1),
                }
            }
            DumpBallot::Stv => {
                mapped_props.extend(["min-seats", "limit-seats"]);
                match number("min-seats")? {
                    Some(s) if s >= 1 => seats = usize::try_from(s).unwrap_or(1),
                    _ => self.warn(
                        q.at,
                        format!("{what}: no min-seats property (or below 1); one seat is filled"),
                    ),
                }
                // limit-seats (a flag) lets a voter rank no more candidates than seats.
                let limited = q
                    .entity
                    .property("limit-seats")
                    .or_else(|| election.property("limit-seats"))
                    .is_some_and(|p| matches!(p.value.trim(), "1" | "yes" | "true"));
                let max_ranks = limited.then_some(seats.min(n).max(1));
                BallotType::Ranked {
                    max_ranks,
                    allow_equal: false,
                }
            }
        };
        let shuffle = q
            .entity
            .property("shuffle-options")
            .or_else(|| election.property("shuffle-options"))
            .is_some_and(|p| matches!(p.value.trim(), "1" | "yes" | "true"));
        let mut column_labels = vec!["text"];
        let column_names: Vec<&str> = q
            .entity
            .messages
            .iter()
            .filter(|m| m.name.starts_with("column"))
            .map(|m| m.name.as_str())
            .collect();
        if !column_names.is_empty() {
            let mut langs: Vec<&str> = q
                .entity
                .messages
                .iter()
                .filter(|m| m.name.starts_with("column"))
                .map(|m| m.lang.as_str())
                .collect();
            langs.sort_unstable();
            langs.dedup();
            let first = q
                .entity
                .messages
                .iter()
                .find(|m| m.name.starts_with("column"))
                .map_or(q.at, |m| m.at);
            self.warn(
                first,
                format!("{what}: the score column labels ({}, in {}) are not imported; Urna's score ballot shows the numbers", column_names.join(", "), langs.join(", ")),
            );
            column_labels.extend(column_names);
        }
        self.report_entity(&q.entity, &what, &column_labels, &mapped_props);
        Ok((
            QuestionSpec {
                id,
                title,
                description: None,
                ballot_type,
                method: urna_method(ballot),
                seats,
                min_share: None,
                tie_seed: None,
                options,
                shuffle_options: shuffle,
            },
            ids,
        ))
    }
}

fn property_warning(what: &str, p: &Property) -> String {
    let name = &p.name;
    if name.ends_with("-key") {
        // Never the value: with --private, dumps hold SecurePoll's private keys.
        return format!(
            "{what}: property {name} (key material, value not shown) is not imported; Urna's trustees hold its election key"
        );
    }
    let value = &p.value;
    if ELIGIBILITY_PROPERTIES.contains(&name.as_str()) {
        format!(
            "{what}: eligibility rule {name} = {value:?} is not imported; set who may vote with Urna's voter list"
        )
    } else if name == "admins" {
        format!(
            "{what}: admins {value:?} are not imported; grant the election's roles to Urna accounts"
        )
    } else {
        format!("{what}: property {name} = {value:?} has no Urna equivalent; not imported")
    }
}

/// Why a vote record was not counted.
enum VoteProblem {
    /// Encrypted, or in no format SecurePoll writes in plaintext.
    Unreadable,
    Bad(String),
}

/// One `Q…` item of a legacy record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    /// `Q%08X-A%08X-{y|n}--`
    Approval {
        question: u64,
        option: u64,
        yes: bool,
    },
    /// `Q%08XA%08X`
    Choose { question: u64, option: u64 },
    /// `Q%08X-A%08X-R%08X--`
    Rank {
        question: u64,
        option: u64,
        rank: u64,
    },
    /// `Q%08X-A%08X-S%+011d--`
    Score {
        question: u64,
        option: u64,
        score: i64,
    },
    /// `Q%08X-C%08X-R%08X--`
    StvChoice {
        question: u64,
        option: u64,
        position: u64,
    },
}

impl Item {
    fn question(self) -> u64 {
        match self {
            Item::Approval { question, .. }
            | Item::Choose { question, .. }
            | Item::Rank { question, .. }
            | Item::Score { question, .. }
            | Item::StvChoice { question, .. } => question,
        }
    }

    fn option(self) -> u64 {
        match self {
            Item::Approval { option, .. }
            | Item::Choose { option, .. }
            | Item::Rank { option, .. }
            | Item::Score { option, .. }
            | Item::StvChoice { option, .. } => option,
        }
    }

    /// What the item records, for messages (never its values: a vote stays secret).
    fn kind(self) -> &'static str {
        match self {
            Item::Approval { .. } => "an approval (y/n)",
            Item::Choose { .. } => "a choice",
            Item::Rank { .. } => "a rank",
            Item::Score { .. } => "a score",
            Item::StvChoice { .. } => "an STV choice",
        }
    }

    fn fits(self, ballot: DumpBallot) -> bool {
        matches!(
            (self, ballot),
            (Item::Approval { .. }, DumpBallot::Approval)
                | (Item::Choose { .. }, DumpBallot::Choose)
                | (Item::Rank { .. }, DumpBallot::Preferential)
                | (
                    Item::Score { .. },
                    DumpBallot::RadioRange | DumpBallot::RadioRangeComment
                )
                | (Item::StvChoice { .. }, DumpBallot::Stv)
        )
    }
}

/// Reads the `Q…` items of a legacy record (formats in SecurePoll's `includes/Ballots/`).
fn parse_legacy(record: &str) -> Result<Vec<Item>, String> {
    let bytes = record.as_bytes();
    let mut pos = 0usize;
    let mut items = Vec::new();
    let hex = |pos: &mut usize| -> Result<u64, String> {
        let digits = bytes
            .get(*pos..*pos + 8)
            .ok_or_else(|| format!("the record ends inside an id at character {}", *pos + 1))?;
        let text = std::str::from_utf8(digits)
            .map_err(|_| format!("character {}: not a hexadecimal id", *pos + 1))?;
        if !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(format!(
                "character {}: {text:?} is not an 8-digit hexadecimal id",
                *pos + 1
            ));
        }
        *pos += 8;
        u64::from_str_radix(text, 16).map_err(|e| e.to_string())
    };
    let expect = |pos: &mut usize, what: &[u8]| -> Result<(), String> {
        if bytes.get(*pos..*pos + what.len()) == Some(what) {
            *pos += what.len();
            Ok(())
        } else {
            Err(format!(
                "character {}: expected {:?}",
                *pos + 1,
                String::from_utf8_lossy(what)
            ))
        }
    };
    while pos < bytes.len() {
        expect(&mut pos, b"Q")?;
        let question = hex(&mut pos)?;
        if bytes.get(pos) == Some(&b'A') {
            pos += 1;
            let option = hex(&mut pos)?;
            items.push(Item::Choose { question, option });
            continue;
        }
        expect(&mut pos, b"-")?;
        let stv = match bytes.get(pos) {
            Some(b'A') => false,
            Some(b'C') => true,
            _ => return Err(format!("character {}: expected \"A\" or \"C\"", pos + 1)),
        };
        pos += 1;
        let option = hex(&mut pos)?;
        expect(&mut pos, b"-")?;
        let item = match (bytes.get(pos), stv) {
            (Some(b'R'), _) => {
                pos += 1;
                let rank = hex(&mut pos)?;
                if stv {
                    Item::StvChoice {
                        question,
                        option,
                        position: rank,
                    }
                } else {
                    Item::Rank {
                        question,
                        option,
                        rank,
                    }
                }
            }
            (Some(b'y' | b'n'), false) => {
                let yes = bytes.get(pos) == Some(&b'y');
                pos += 1;
                Item::Approval {
                    question,
                    option,
                    yes,
                }
            }
            (Some(b'S'), false) => {
                pos += 1;
                // %+011d: a sign and ten digits.
                let digits = bytes.get(pos..pos + 11).ok_or_else(|| {
                    format!("the record ends inside a score at character {}", pos + 1)
                })?;
                let text = std::str::from_utf8(digits)
                    .map_err(|_| format!("character {}: not a score", pos + 1))?;
                let well_formed = matches!(text.as_bytes().first(), Some(b'+' | b'-'))
                    && text.bytes().skip(1).all(|b| b.is_ascii_digit());
                if !well_formed {
                    return Err(format!(
                        "character {}: {text:?} is not a signed 10-digit score",
                        pos + 1
                    ));
                }
                let score = text
                    .parse::<i64>()
                    .map_err(|e| format!("score {text:?}: {e}"))?;
                pos += 11;
                Item::Score {
                    question,
                    option,
                    score,
                }
            }
            _ => {
                return Err(format!(
                    "character {}: expected a rank (R), score (S) or y/n",
                    pos + 1
                ));
            }
        };
        expect(&mut pos, b"--")?;
        items.push(item);
    }
    if items.is_empty() {
        return Err("the record is empty".to_owned());
    }
    Ok(items)
}

/// SecurePoll's blank rank on a preferential ballot.
const BLANK_RANK: u64 = 1000;

struct VoteDecoder<'a> {
    ballot: DumpBallot,
    election: &'a Election,
    question_ids: &'a HashMap<String, usize>,
    option_ids: &'a [HashMap<String, CandidateId>],
}

impl VoteDecoder<'_> {
    fn decode(&self, vote: &VoteRecord, comments: &mut usize) -> Result<ValidBallot, VoteProblem> {
        let mut record = vote.record.as_str();
        let json_vote;
        if record.starts_with('{') {
            // {"vote": "Q…", "comment": "…"} (VoteRecord.php).
            let value: serde_json::Value = serde_json::from_str(record)
                .map_err(|e| VoteProblem::Bad(format!("not valid JSON: {e}")))?;
            json_vote = value
                .get("vote")
                .and_then(serde_json::Value::as_str)
                .map(str::to_owned)
                .ok_or_else(|| {
                    VoteProblem::Bad("the JSON record has no \"vote\" string".to_owned())
                })?;
            if value
                .get("comment")
                .and_then(serde_json::Value::as_str)
                .is_some_and(|c| !c.trim().is_empty())
            {
                *comments += 1;
            }
            record = json_vote.trim();
        }
        if !record.starts_with('Q') {
            return Err(VoteProblem::Unreadable);
        }
        let items = parse_legacy(record).map_err(VoteProblem::Bad)?;
        let questions = self.election.questions();
        let mut per_question: Vec<Vec<(CandidateId, Item)>> = vec![Vec::new(); questions.len()];
        for item in items {
            if !item.fits(self.ballot) {
                return Err(VoteProblem::Bad(format!(
                    "{} item in a record of a {:?} ballot",
                    item.kind(),
                    self.ballot
                )));
            }
            let q_id = item.question().to_string();
            let &index = self.question_ids.get(&q_id).ok_or_else(|| {
                VoteProblem::Bad(format!(
                    "question {q_id} (hexadecimal {:X}) is not a question of this election",
                    item.question()
                ))
            })?;
            let o_id = item.option().to_string();
            let candidate = self
                .option_ids
                .get(index)
                .and_then(|m| m.get(&o_id))
                .ok_or_else(|| {
                    VoteProblem::Bad(format!(
                        "option {o_id} (hexadecimal {:X}) is not an option of question {q_id}",
                        item.option()
                    ))
                })?;
            if let Some(list) = per_question.get_mut(index) {
                list.push((candidate.clone(), item));
            }
        }
        let mut answers = Vec::with_capacity(questions.len());
        for items in per_question {
            answers.push(self.answer(items));
        }
        self.election
            .validate_ballot(PlainBallot { answers })
            .map_err(|e| VoteProblem::Bad(e.to_string()))
    }

    fn answer(&self, items: Vec<(CandidateId, Item)>) -> Answer {
        if items.is_empty() {
            return Answer::Abstain;
        }
        match self.ballot {
            DumpBallot::Approval => Answer::Approvals(
                items
                    .into_iter()
                    .filter(|(_, i)| matches!(i, Item::Approval { yes: true, .. }))
                    .map(|(c, _)| c)
                    .collect(),
            ),
            DumpBallot::Choose => match items.into_iter().next() {
                Some((c, _)) => Answer::Choice(c),
                None => Answer::Abstain,
            },
            DumpBallot::RadioRange | DumpBallot::RadioRangeComment => Answer::Scores(
                items
                    .into_iter()
                    .filter_map(|(c, i)| match i {
                        Item::Score { score, .. } => Some((c, score)),
                        _ => None,
                    })
                    .collect(),
            ),
            DumpBallot::Preferential => {
                let mut by_rank: BTreeMap<u64, Vec<CandidateId>> = BTreeMap::new();
                for (c, i) in items {
                    if let Item::Rank { rank, .. } = i
                        && rank < BLANK_RANK
                    {
                        by_rank.entry(rank).or_default().push(c);
                    }
                }
                if by_rank.is_empty() {
                    Answer::Abstain
                } else {
                    Answer::Ranking(by_rank.into_values().collect())
                }
            }
            DumpBallot::Stv => {
                let mut ranked: Vec<(u64, CandidateId)> = items
                    .into_iter()
                    .filter_map(|(c, i)| match i {
                        Item::StvChoice { position, .. } => Some((position, c)),
                        _ => None,
                    })
                    .collect();
                ranked.sort_by_key(|(p, _)| *p);
                Answer::Ranking(ranked.into_iter().map(|(_, c)| vec![c]).collect())
            }
        }
    }
}
