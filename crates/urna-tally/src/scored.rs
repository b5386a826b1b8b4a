//! Scored ballots in CSV (a ballot a row) and JSON; the formats are defined in
//! `docs/ballot-formats.md`.
//!
//! CSV, in short:
//! ```text
//! # title: Board election        optional directives, before the header
//! # seats: 2
//! # scale: 0-5                   declared range of scores (min-max or min..max)
//! # withdrawn: "Cy"              a CSV record of names
//! weight,Ann,Bob,"Cy"            header: optional `weight` column, then candidate names
//! 3,5,0,
//! 1,x,,2                         integer score, empty = blank, x/X = 1
//! ```
//! JSON:
//! ```text
//! {"title": "…", "seats": 1, "scale": {"min": 0, "max": 5},
//!  "candidates": ["Ann", "Bob"], "withdrawn": ["Bob"],
//!  "ballots": [{"weight": 2, "scores": {"Ann": 5, "Bob": 0}}, {"scores": [5, null]}, [1, 0]]}
//! ```
//! Every error is a [`ParseError`] naming line and column (1-based, in characters); no input
//! makes either parser panic.

use std::collections::HashMap;
use std::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer as _, IgnoredAny, MapAccess, SeqAccess, Visitor,
};

use crate::ballots::{
    CandidateId, ElectionInfo, ScoreScale, ScoredBallot, ScoredElection, normalize_name,
};
use crate::error::ParseError;

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

/// One field of a CSV record, with the place it starts.
#[derive(Debug)]
struct Field {
    text: String,
    line: usize,
    col: usize,
}

#[derive(Debug)]
struct Record {
    fields: Vec<Field>,
    line: usize,
    /// The column just after the record's last character.
    end_col: usize,
}

/// An RFC 4180 reader that knows where it is.
struct Csv<'a> {
    s: &'a str,
    pos: usize,
    line: usize,
    col: usize,
}

/// What the reader found at the start of a line.
enum Item<'a> {
    Record(Record),
    /// A `#` line: its text after the `#`, and the column where that text starts.
    Comment(&'a str, usize, usize),
    End,
}

impl<'a> Csv<'a> {
    fn new(s: &'a str, line: usize, col: usize) -> Self {
        Csv {
            s,
            pos: 0,
            line,
            col,
        }
    }

    fn rest(&self) -> &'a str {
        &self.s[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn at_line_end(&self) -> bool {
        let r = self.rest();
        r.is_empty() || r.starts_with('\n') || r.starts_with("\r\n")
    }

    fn skip_line_end(&mut self) {
        if self.rest().starts_with("\r\n") {
            self.bump();
        }
        if self.rest().starts_with('\n') {
            self.bump();
        }
    }

    /// The next record, comment line or the end, skipping empty lines.
    fn next_item(&mut self) -> Result<Item<'a>, ParseError> {
        loop {
            if self.rest().is_empty() {
                return Ok(Item::End);
            }
            if self.at_line_end() {
                self.skip_line_end();
                continue;
            }
            if self.peek() == Some('#') {
                let line = self.line;
                self.bump();
                let col = self.col;
                let start = self.pos;
                while !self.at_line_end() {
                    self.bump();
                }
                let text = &self.s[start..self.pos];
                self.skip_line_end();
                return Ok(Item::Comment(text, line, col));
            }
            return self.record().map(Item::Record);
        }
    }

    fn record(&mut self) -> Result<Record, ParseError> {
        let line = self.line;
        let mut fields = Vec::new();
        loop {
            let (fline, fcol) = (self.line, self.col);
            let text = if self.peek() == Some('"') {
                self.bump();
                let mut text = String::new();
                loop {
                    match self.bump() {
                        None => {
                            return Err(ParseError::new(
                                fline,
                                fcol,
                                "unterminated quoted field: no closing \"",
                            ));
                        }
                        Some('"') if self.peek() == Some('"') => {
                            self.bump();
                            text.push('"');
                        }
                        Some('"') => break,
                        Some(c) => text.push(c),
                    }
                }
                if !(self.peek() == Some(',') || self.at_line_end()) {
                    return Err(ParseError::new(
                        self.line,
                        self.col,
                        "unexpected text after a closing quote (a field must be quoted whole)",
                    ));
                }
                text
            } else {
                let start = self.pos;
                while !(self.peek() == Some(',') || self.at_line_end()) {
                    if self.peek() == Some('"') {
                        return Err(ParseError::new(
                            self.line,
                            self.col,
                            "a quote inside an unquoted field (quote the whole field and double \
                             the quote: \"\")",
                        ));
                    }
                    self.bump();
                }
                self.s[start..self.pos].to_owned()
            };
            fields.push(Field {
                text,
                line: fline,
                col: fcol,
            });
            if self.peek() == Some(',') {
                self.bump();
                continue;
            }
            break;
        }
        let end_col = self.col;
        self.skip_line_end();
        Ok(Record {
            fields,
            line,
            end_col,
        })
    }
}

/// Reads a scale like `0-5`, `-1..1` or `-2-2`.
fn parse_scale(value: &str) -> Option<ScoreScale> {
    let v = value.trim();
    let (a, b) = if let Some((a, b)) = v.split_once("..") {
        (a, b)
    } else {
        // The separator is a '-' that follows a digit or a space.
        let bytes = v.as_bytes();
        let i = (1..bytes.len()).find(|&i| {
            bytes[i] == b'-' && (bytes[i - 1].is_ascii_digit() || bytes[i - 1] == b' ')
        })?;
        (&v[..i], &v[i + 1..])
    };
    let min = a.trim().parse::<i64>().ok()?;
    let max = b.trim().parse::<i64>().ok()?;
    (min <= max).then_some(ScoreScale { min, max })
}

/// Reads a CSV file of scored ballots (see the module doc and `docs/ballot-formats.md`).
pub fn parse_csv(text: &str) -> Result<ScoredElection, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut csv = Csv::new(text, 1, 1);
    let mut title = String::new();
    let mut seats = 1usize;
    let mut scale = None;
    let mut withdrawn_names: Option<(&str, usize, usize)> = None;

    // Directives and comments, then the header.
    let header = loop {
        match csv.next_item()? {
            Item::End => {
                return Err(ParseError::new(
                    csv.line,
                    csv.col,
                    "no header row: expected a line of candidate names",
                ));
            }
            Item::Comment(body, line, col) => {
                let Some((key, value)) = body.split_once(':') else {
                    continue;
                };
                let vcol = col + key.chars().count() + 1 + leading_ws(value);
                match key.trim().to_ascii_lowercase().as_str() {
                    "title" => title = normalize_name(value),
                    "seats" => {
                        seats = value
                            .trim()
                            .parse::<usize>()
                            .ok()
                            .filter(|&n| n >= 1)
                            .ok_or_else(|| {
                                ParseError::new(
                                    line,
                                    vcol,
                                    format!(
                                        "seats must be a whole number of at least 1, found {:?}",
                                        value.trim()
                                    ),
                                )
                            })?;
                    }
                    "scale" => {
                        scale = Some(parse_scale(value).ok_or_else(|| {
                            ParseError::new(
                                line,
                                vcol,
                                format!(
                                    "scale must look like 0-5 or -1..1 (min not above max), \
                                     found {:?}",
                                    value.trim()
                                ),
                            )
                        })?);
                    }
                    "withdrawn" => withdrawn_names = Some((value.trim(), line, vcol)),
                    _ => {}
                }
            }
            Item::Record(r) => break r,
        }
    };

    // The header: an optional weight column, then the names.
    let has_weight = header
        .fields
        .first()
        .is_some_and(|f| f.text.trim().eq_ignore_ascii_case("weight"));
    let name_fields = &header.fields[usize::from(has_weight)..];
    if name_fields.is_empty() {
        return Err(ParseError::new(
            header.line,
            header.end_col,
            "the header names no candidate",
        ));
    }
    let mut candidates: Vec<String> = Vec::with_capacity(name_fields.len());
    let mut index: HashMap<String, CandidateId> = HashMap::new();
    for f in name_fields {
        let name = normalize_name(&f.text);
        if name.is_empty() {
            return Err(ParseError::new(f.line, f.col, "empty candidate name"));
        }
        if index.insert(name.clone(), candidates.len()).is_some() {
            return Err(ParseError::new(
                f.line,
                f.col,
                format!("candidate {name:?} is named twice in the header"),
            ));
        }
        candidates.push(name);
    }

    let mut withdrawn = Vec::new();
    if let Some((value, line, col)) = withdrawn_names {
        let mut r = Csv::new(value, line, col);
        if let Item::Record(rec) = r.next_item()? {
            for f in rec.fields {
                let name = normalize_name(&f.text);
                if name.is_empty() {
                    continue;
                }
                let Some(&c) = index.get(&name) else {
                    return Err(ParseError::new(
                        f.line,
                        f.col,
                        format!("withdrawn candidate {name:?} is not in the header"),
                    ));
                };
                withdrawn.push(c);
            }
        }
    }
    withdrawn.sort_unstable();
    withdrawn.dedup();

    let width = header.fields.len();
    let mut ballots = Vec::new();
    let mut total: u64 = 0;
    loop {
        let rec = match csv.next_item()? {
            Item::End => break,
            Item::Comment(..) => continue,
            Item::Record(r) => r,
        };
        if rec.fields.len() < width {
            return Err(ParseError::new(
                rec.line,
                rec.end_col,
                format!(
                    "this ballot has {} fields, the header has {width}",
                    rec.fields.len()
                ),
            ));
        }
        if rec.fields.len() > width {
            let f = &rec.fields[width];
            return Err(ParseError::new(
                f.line,
                f.col,
                format!(
                    "this ballot has {} fields, the header has {width}",
                    rec.fields.len()
                ),
            ));
        }
        let mut weight = 1u64;
        if has_weight {
            let f = &rec.fields[0];
            weight = f
                .text
                .trim()
                .parse::<u64>()
                .ok()
                .filter(|&w| w > 0)
                .ok_or_else(|| {
                    ParseError::new(
                        f.line,
                        f.col,
                        format!(
                            "the weight must be a positive whole number, found {:?}",
                            f.text.trim()
                        ),
                    )
                })?;
        }
        total = total.checked_add(weight).ok_or_else(|| {
            ParseError::new(rec.line, 1, "the total weight of the ballots is too large")
        })?;
        let mut scores = Vec::with_capacity(candidates.len());
        for f in &rec.fields[usize::from(has_weight)..] {
            let t = f.text.trim();
            let v = match t {
                "" => None,
                "x" | "X" => Some(1),
                _ => Some(t.parse::<i64>().map_err(|_| {
                    ParseError::new(
                        f.line,
                        f.col,
                        format!("score {t:?} is not a whole number (or empty, or x)"),
                    )
                })?),
            };
            if let (Some(v), Some(s)) = (v, scale) {
                check_scale(v, s).map_err(|m| ParseError::new(f.line, f.col, m))?;
            }
            scores.push(v);
        }
        ballots.push(ScoredBallot { weight, scores });
    }

    Ok(ScoredElection {
        info: ElectionInfo {
            title,
            candidates,
            seats,
            withdrawn,
            tie_order: None,
        },
        ballots,
        scale,
    })
}

fn leading_ws(s: &str) -> usize {
    s.chars().take_while(|c| c.is_whitespace()).count()
}

fn check_scale(v: i64, s: ScoreScale) -> Result<(), String> {
    if v < s.min || v > s.max {
        Err(format!(
            "score {v} is outside the declared scale {}..{}",
            s.min, s.max
        ))
    } else {
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------

/// Reads a JSON file of scored ballots (see the module doc and `docs/ballot-formats.md`).
///
/// Two passes over the text: the first reads the candidate names and the scale, the second
/// reads everything, checking each ballot against them, so that every error carries the place
/// serde_json reports (converted to a column in characters).
pub fn parse_json(text: &str) -> Result<ScoredElection, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let head = {
        let mut de = serde_json::Deserializer::from_str(text);
        let head = de
            .deserialize_map(HeadVisitor)
            .map_err(|e| json_error(text, &e))?;
        de.end().map_err(|e| json_error(text, &e))?;
        head
    };
    let mut de = serde_json::Deserializer::from_str(text);
    let e = de
        .deserialize_map(FullVisitor { head: &head })
        .map_err(|e| json_error(text, &e))?;
    de.end().map_err(|e| json_error(text, &e))?;
    Ok(e)
}

/// A serde_json error as a [`ParseError`]; serde_json counts columns in bytes, we in characters.
pub(crate) fn json_error(text: &str, e: &serde_json::Error) -> ParseError {
    let line = e.line().max(1);
    let line_text = text.split('\n').nth(line - 1).unwrap_or("");
    let mut b = e.column().min(line_text.len());
    while !line_text.is_char_boundary(b) {
        b -= 1;
    }
    let column = line_text[..b].chars().count().max(1);
    let mut message = e.to_string();
    // serde_json appends " at line L column C"; we print our own place.
    if let Some(i) = message.rfind(" at line ") {
        message.truncate(i);
    }
    ParseError::new(line, column, message)
}

const FIELDS: &[&str] = &[
    "title",
    "seats",
    "scale",
    "candidates",
    "withdrawn",
    "ballots",
];

#[derive(Debug)]
struct Head {
    candidates: Vec<String>,
    index: HashMap<String, CandidateId>,
    scale: Option<ScoreScale>,
}

/// First pass: the candidates and the scale.
struct HeadVisitor;

impl<'de> Visitor<'de> for HeadVisitor {
    type Value = Head;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object with \"candidates\" and \"ballots\"")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Head, A::Error> {
        let mut candidates = None;
        let mut scale = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "candidates" if candidates.is_none() => {
                    candidates = Some(map.next_value_seed(NamesSeed)?);
                }
                "scale" if scale.is_none() => {
                    scale = Some(map.next_value_seed(ScaleSeed)?);
                }
                "candidates" | "scale" => {
                    return Err(de::Error::custom(format!("duplicate key {key:?}")));
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let candidates = candidates.ok_or_else(|| de::Error::missing_field("candidates"))?;
        let index = candidates
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), i))
            .collect();
        Ok(Head {
            candidates,
            index,
            scale,
        })
    }
}

/// The candidate names: a non-empty list of distinct, non-empty strings.
struct NamesSeed;

impl<'de> DeserializeSeed<'de> for NamesSeed {
    type Value = Vec<String>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Vec<String>, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for NamesSeed {
    type Value = Vec<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of candidate names")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
        let mut names: Vec<String> = Vec::new();
        while seq
            .next_element_seed(NameSeed { names: &mut names })?
            .is_some()
        {}
        if names.is_empty() {
            return Err(de::Error::custom("the list of candidates is empty"));
        }
        Ok(names)
    }
}

/// One candidate name, checked where it stands (so the error points at it).
struct NameSeed<'n> {
    names: &'n mut Vec<String>,
}

impl<'de> DeserializeSeed<'de> for NameSeed<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for NameSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a candidate name")
    }

    fn visit_str<E: de::Error>(self, raw: &str) -> Result<(), E> {
        let name = normalize_name(raw);
        if name.is_empty() {
            return Err(E::custom("empty candidate name"));
        }
        if self.names.contains(&name) {
            return Err(E::custom(format!("candidate {name:?} is named twice")));
        }
        self.names.push(name);
        Ok(())
    }
}

/// `{"min": a, "max": b}` with `a <= b`.
struct ScaleSeed;

impl<'de> DeserializeSeed<'de> for ScaleSeed {
    type Value = ScoreScale;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<ScoreScale, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ScaleSeed {
    type Value = ScoreScale;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a scale {\"min\": 0, \"max\": 5}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ScoreScale, A::Error> {
        let (mut min, mut max) = (None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "min" if min.is_none() => min = Some(map.next_value::<i64>()?),
                "max" if max.is_none() => max = Some(map.next_value::<i64>()?),
                "min" | "max" => return Err(de::Error::custom(format!("duplicate key {key:?}"))),
                other => return Err(de::Error::unknown_field(other, &["min", "max"])),
            }
        }
        let min = min.ok_or_else(|| de::Error::missing_field("min"))?;
        let max = max.ok_or_else(|| de::Error::missing_field("max"))?;
        if min > max {
            return Err(de::Error::custom(format!(
                "the scale's min {min} is above its max {max}"
            )));
        }
        Ok(ScoreScale { min, max })
    }
}

/// Second pass: everything.
struct FullVisitor<'h> {
    head: &'h Head,
}

impl<'de> Visitor<'de> for FullVisitor<'_> {
    type Value = ScoredElection;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object with \"candidates\" and \"ballots\"")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ScoredElection, A::Error> {
        let mut seen = [false; 6];
        let mut title = String::new();
        let mut seats = 1usize;
        let mut withdrawn = Vec::new();
        let mut ballots = None;
        while let Some(key) = map.next_key::<String>()? {
            let Some(k) = FIELDS.iter().position(|&f| f == key) else {
                return Err(de::Error::unknown_field(&key, FIELDS));
            };
            if seen[k] {
                return Err(de::Error::custom(format!("duplicate key {key:?}")));
            }
            seen[k] = true;
            match FIELDS[k] {
                "title" => title = normalize_name(&map.next_value::<String>()?),
                "seats" => {
                    let n = map.next_value::<u64>()?;
                    seats = usize::try_from(n).ok().filter(|&n| n >= 1).ok_or_else(|| {
                        de::Error::custom(format!("seats must be at least 1, found {n}"))
                    })?;
                }
                "withdrawn" => {
                    withdrawn = map.next_value_seed(WithdrawnSeed { head: self.head })?;
                }
                "ballots" => ballots = Some(map.next_value_seed(BallotsSeed { head: self.head })?),
                // Read in the first pass.
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let ballots = ballots.ok_or_else(|| de::Error::missing_field("ballots"))?;
        withdrawn.sort_unstable();
        withdrawn.dedup();
        Ok(ScoredElection {
            info: ElectionInfo {
                title,
                candidates: self.head.candidates.clone(),
                seats,
                withdrawn,
                tie_order: None,
            },
            ballots,
            scale: self.head.scale,
        })
    }
}

fn lookup<E: de::Error>(head: &Head, raw: &str) -> Result<CandidateId, E> {
    let name = normalize_name(raw);
    head.index
        .get(&name)
        .copied()
        .ok_or_else(|| E::custom(format!("{name:?} is not a candidate")))
}

struct WithdrawnSeed<'h> {
    head: &'h Head,
}

impl<'de> DeserializeSeed<'de> for WithdrawnSeed<'_> {
    type Value = Vec<CandidateId>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Vec<CandidateId>, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for WithdrawnSeed<'_> {
    type Value = Vec<CandidateId>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of candidate names")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<CandidateId>, A::Error> {
        let mut out = Vec::new();
        while let Some(c) = seq.next_element_seed(CandidateSeed { head: self.head })? {
            out.push(c);
        }
        Ok(out)
    }
}

/// A candidate named by its name.
struct CandidateSeed<'h> {
    head: &'h Head,
}

impl<'de> DeserializeSeed<'de> for CandidateSeed<'_> {
    type Value = CandidateId;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<CandidateId, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for CandidateSeed<'_> {
    type Value = CandidateId;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a candidate name")
    }

    fn visit_str<E: de::Error>(self, raw: &str) -> Result<CandidateId, E> {
        lookup(self.head, raw)
    }
}

struct BallotsSeed<'h> {
    head: &'h Head,
}

impl<'de> DeserializeSeed<'de> for BallotsSeed<'_> {
    type Value = Vec<ScoredBallot>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Vec<ScoredBallot>, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for BallotsSeed<'_> {
    type Value = Vec<ScoredBallot>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of ballots")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<ScoredBallot>, A::Error> {
        let mut out = Vec::new();
        let mut total: u64 = 0;
        while let Some(b) = seq.next_element_seed(BallotSeed { head: self.head })? {
            total = total
                .checked_add(b.weight)
                .ok_or_else(|| de::Error::custom("the total weight of the ballots is too large"))?;
            out.push(b);
        }
        Ok(out)
    }
}

/// A ballot: `{"weight": w, "scores": …}` (weight optional, default 1), or a bare list of
/// scores (weight 1).
struct BallotSeed<'h> {
    head: &'h Head,
}

impl<'de> DeserializeSeed<'de> for BallotSeed<'_> {
    type Value = ScoredBallot;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<ScoredBallot, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for BallotSeed<'_> {
    type Value = ScoredBallot;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a ballot: {\"weight\": 1, \"scores\": …} or a list of scores")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<ScoredBallot, A::Error> {
        let scores = ScoresSeed { head: self.head }.visit_seq(seq)?;
        Ok(ScoredBallot { weight: 1, scores })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ScoredBallot, A::Error> {
        let mut weight = None;
        let mut scores = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "weight" if weight.is_none() => {
                    let w = map.next_value::<u64>()?;
                    if w == 0 {
                        return Err(de::Error::custom(
                            "the weight must be a positive whole number, found 0",
                        ));
                    }
                    weight = Some(w);
                }
                "scores" if scores.is_none() => {
                    scores = Some(map.next_value_seed(ScoresSeed { head: self.head })?);
                }
                "weight" | "scores" => {
                    return Err(de::Error::custom(format!("duplicate key {key:?}")));
                }
                other => return Err(de::Error::unknown_field(other, &["weight", "scores"])),
            }
        }
        let scores = scores.ok_or_else(|| de::Error::missing_field("scores"))?;
        Ok(ScoredBallot {
            weight: weight.unwrap_or(1),
            scores,
        })
    }
}

/// Scores: a list with one entry (integer or null) per candidate, or an object from names to
/// integers or null (names left out are blank).
struct ScoresSeed<'h> {
    head: &'h Head,
}

impl<'de> DeserializeSeed<'de> for ScoresSeed<'_> {
    type Value = Vec<Option<i64>>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Vec<Option<i64>>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ScoresSeed<'_> {
    type Value = Vec<Option<i64>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("scores: a list with one score per candidate, or an object of name: score")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Option<i64>>, A::Error> {
        let n = self.head.candidates.len();
        let mut out = Vec::with_capacity(n);
        loop {
            let seed = ScoreSeed {
                head: self.head,
                surplus: out.len() == n,
            };
            match seq.next_element_seed(seed)? {
                Some(v) => out.push(v),
                None => break,
            }
        }
        if out.len() < n {
            return Err(de::Error::custom(format!(
                "{} scores for {n} candidates (write null for a blank)",
                out.len()
            )));
        }
        Ok(out)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<Option<i64>>, A::Error> {
        let n = self.head.candidates.len();
        let mut out = vec![None; n];
        let mut seen = vec![false; n];
        while let Some(c) = map.next_key_seed(CandidateSeed { head: self.head })? {
            if seen[c] {
                return Err(de::Error::custom(format!(
                    "{:?} is scored twice on this ballot",
                    self.head.candidates[c]
                )));
            }
            seen[c] = true;
            out[c] = map.next_value_seed(ScoreSeed {
                head: self.head,
                surplus: false,
            })?;
        }
        Ok(out)
    }
}

/// One score: an integer within the declared scale, or null (blank). Checked where it stands,
/// so that an error points at it.
struct ScoreSeed<'h> {
    head: &'h Head,
    /// The list already holds a score for every candidate: any element is one too many.
    surplus: bool,
}

impl ScoreSeed<'_> {
    fn check<E: de::Error>(&self, v: Option<i64>) -> Result<Option<i64>, E> {
        if self.surplus {
            return Err(E::custom(format!(
                "more scores than the {} candidates",
                self.head.candidates.len()
            )));
        }
        if let (Some(v), Some(s)) = (v, self.head.scale) {
            check_scale(v, s).map_err(E::custom)?;
        }
        Ok(v)
    }
}

impl<'de> DeserializeSeed<'de> for ScoreSeed<'_> {
    type Value = Option<i64>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Option<i64>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ScoreSeed<'_> {
    type Value = Option<i64>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a score: a whole number, or null for a blank")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Option<i64>, E> {
        self.check(Some(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Option<i64>, E> {
        let v = i64::try_from(v).map_err(|_| E::custom(format!("score {v} is too large")))?;
        self.check(Some(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<i64>, E> {
        self.check(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_reads_directives_weights_quotes_and_blanks() {
        let text = "\u{feff}# Board election ballots\n# title:  Board   2024 \n# seats: 2\n\
                    # scale: 0-5\n# withdrawn: \"Cy, Jr.\"\nweight,Ann,\"Bob \"\"B\"\"\",\"Cy, Jr.\"\r\n\
                    3,5,0,\r\n\n1, x ,,2\n# a comment between ballots\n2,\"4\",1,0\n";
        let e = parse_csv(text).unwrap();
        assert_eq!(e.info.title, "Board 2024");
        assert_eq!(e.info.seats, 2);
        assert_eq!(e.scale, Some(ScoreScale { min: 0, max: 5 }));
        assert_eq!(e.info.candidates, vec!["Ann", "Bob \"B\"", "Cy, Jr."]);
        assert_eq!(e.info.withdrawn, vec![2]);
        let got: Vec<(u64, Vec<Option<i64>>)> = e
            .ballots
            .iter()
            .map(|b| (b.weight, b.scores.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                (3, vec![Some(5), Some(0), None]),
                (1, vec![Some(1), None, Some(2)]),
                (2, vec![Some(4), Some(1), Some(0)]),
            ]
        );
    }

    #[test]
    fn csv_without_weight_column_and_with_negative_scale() {
        let e = parse_csv("# scale: -1..1\nA,B\n1,-1\n,0\n").unwrap();
        assert_eq!(e.info.seats, 1);
        assert_eq!(e.scale, Some(ScoreScale { min: -1, max: 1 }));
        assert_eq!(e.ballots.len(), 2);
        assert!(e.ballots.iter().all(|b| b.weight == 1));
        assert_eq!(e.ballots[0].scores, vec![Some(1), Some(-1)]);
        assert_eq!(parse_scale("-2-2"), Some(ScoreScale { min: -2, max: 2 }));
        assert_eq!(parse_scale("-5--1"), Some(ScoreScale { min: -5, max: -1 }));
        assert_eq!(parse_scale("5-0"), None);
    }

    #[test]
    fn csv_errors_name_line_and_column() {
        // (text, line, column, words in the message); columns count characters from 1, at the
        // start of the offending field.
        let cases: &[(&str, usize, usize, &str)] = &[
            ("", 1, 1, "no header"),
            ("# only a comment\n", 2, 1, "no header"),
            ("A,B\n1,y\n", 2, 3, "not a whole number"),
            ("A,B\n1,2.5\n", 2, 3, "not a whole number"),
            ("A,B\n1\n", 2, 2, "1 fields, the header has 2"),
            ("A,B\n1,2,3\n", 2, 5, "3 fields, the header has 2"),
            ("A,B,\"A\"\n", 1, 5, "named twice"),
            ("A, ,B\n", 1, 3, "empty candidate name"),
            ("weight,A\n0,1\n", 2, 1, "positive whole number"),
            ("weight,A\n-2,1\n", 2, 1, "positive whole number"),
            ("weight,A\n1.5,1\n", 2, 1, "positive whole number"),
            ("A,B\n1,\"2\n", 2, 3, "unterminated"),
            ("A,B\n1,\"2\"x\n", 2, 6, "after a closing quote"),
            ("A,B\n1,2\"\n", 2, 4, "quote inside an unquoted field"),
            ("# seats: zero\nA\n", 1, 10, "seats"),
            ("# scale: 5-1\nA\n", 1, 10, "scale"),
            (
                "# scale: 0-5\nA,B\n1,6\n",
                3,
                3,
                "outside the declared scale",
            ),
            ("# withdrawn: Bob\nAnn\n", 1, 14, "not in the header"),
            ("weight\n", 1, 7, "names no candidate"),
            ("Ünï,B\nü,1\n", 2, 1, "not a whole number"),
            ("Ünï,B\n1,ü\n", 2, 3, "not a whole number"),
        ];
        for &(text, line, column, needle) in cases {
            let err = parse_csv(text).expect_err(text);
            assert_eq!((err.line, err.column), (line, column), "{text:?}: {err}");
            assert!(err.message.contains(needle), "{text:?}: {err}");
        }
    }

    #[test]
    fn json_reads_both_ballot_forms() {
        let text = r#"{
  "title": "Board  2024",
  "seats": 2,
  "scale": {"min": 0, "max": 5},
  "candidates": ["Ann", "Bob", " Cy "],
  "withdrawn": ["Cy"],
  "ballots": [
    {"weight": 2, "scores": {"Ann": 5, "Bob": 0}},
    {"scores": [5, 0, null]},
    [1, null, 3]
  ]
}"#;
        let e = parse_json(text).unwrap();
        assert_eq!(e.info.title, "Board 2024");
        assert_eq!(e.info.seats, 2);
        assert_eq!(e.info.candidates, vec!["Ann", "Bob", "Cy"]);
        assert_eq!(e.info.withdrawn, vec![2]);
        assert_eq!(e.scale, Some(ScoreScale { min: 0, max: 5 }));
        let got: Vec<(u64, Vec<Option<i64>>)> = e
            .ballots
            .iter()
            .map(|b| (b.weight, b.scores.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                (2, vec![Some(5), Some(0), None]),
                (1, vec![Some(5), Some(0), None]),
                (1, vec![Some(1), None, Some(3)]),
            ]
        );
        // Keys in any order: ballots before candidates.
        let e =
            parse_json(r#"{"ballots": [{"scores": {"B": 1}}], "candidates": ["A", "B"]}"#).unwrap();
        assert_eq!(e.ballots[0].scores, vec![None, Some(1)]);
        assert_eq!(e.info.seats, 1);
    }

    #[test]
    fn json_errors_name_line_and_column() {
        // serde_json stops on the last character of the offending token: a key's closing
        // quote, a number's last digit, a name's closing quote, a list's closing bracket (for
        // a list that is too short); columns are converted from bytes to characters.
        let cases: &[(&str, usize, usize, &str)] = &[
            ("", 1, 1, "EOF"),
            (
                "{\"candidates\": [\"A\"],\n \"ballots\": [[1, 2]]}",
                2,
                18,
                "more scores",
            ),
            (
                "{\"candidates\": [\"A\", \"B\"],\n \"ballots\": [[1]]}",
                2,
                16,
                "1 scores for 2",
            ),
            (
                "{\"candidates\": [\"A\"],\n \"ballots\": [{\"scores\": {\"Z\": 1}}]}",
                2,
                28,
                "\"Z\" is not a candidate",
            ),
            (
                "{\"candidates\": [\"A\", \"A\"], \"ballots\": []}",
                1,
                24,
                "named twice",
            ),
            (
                "{\"candidates\": [\"A\"],\n \"ballots\": [{\"weight\": 0, \"scores\": [1]}]}",
                2,
                25,
                "positive",
            ),
            (
                "{\"candidates\": [\"A\"],\n \"ballots\": [[1.5]]}",
                2,
                17,
                "invalid type",
            ),
            (
                "{\"candidates\": [\"A\"],\n \"ballots\": [[\"x\"]]}",
                2,
                17,
                "invalid type",
            ),
            (
                "{\"candidates\": [\"A\"], \"ballot\": []}",
                1,
                30,
                "unknown field",
            ),
            (
                "{\"candidates\": [\"A\"]}",
                1,
                21,
                "missing field `ballots`",
            ),
            ("{\"ballots\": []}", 1, 15, "missing field `candidates`"),
            (
                "{\"candidates\": [\"A\"], \"seats\": 0, \"ballots\": []}",
                1,
                32,
                "at least 1",
            ),
            (
                "{\"candidates\": [\"A\"], \"withdrawn\": [\"B\"], \"ballots\": []}",
                1,
                39,
                "not a candidate",
            ),
            (
                "{\"scale\": {\"min\": 0, \"max\": 5}, \"candidates\": [\"A\"],\n\"ballots\": [[6]]}",
                2,
                14,
                "outside the declared scale",
            ),
            (
                "{\"candidates\": [\"Ünï\"],\n \"ballots\": [[\"é\"]]}",
                2,
                17,
                "invalid type",
            ),
            (
                "{\"candidates\": [\"A\"], \"ballots\": []} x",
                1,
                38,
                "trailing",
            ),
        ];
        let mut bad = Vec::new();
        for &(text, line, column, needle) in cases {
            let err = parse_json(text).expect_err(text);
            if (err.line, err.column) != (line, column) || !err.message.contains(needle) {
                bad.push(format!(
                    "{text:?}: {err} (expected {line}:{column} {needle:?})"
                ));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }
}
