//! The BLT ballot format (ERS/OpenSTV/Droop), read and written.
//!
//! ```text
//! 4 2              candidates, seats
//! -3               optional: candidate 3 withdrawn
//! [nick a b c d]   optional Droop/stv-rs lines: [nick …], [withdrawn …], [tie …]
//! 2 1 3=4 0        weight, preferences (numbers or nicks; `=` ranks equally), 0
//! 1 2 4            the closing 0 may be missing (ERS97 model file)
//! 0                end of ballots
//! "Ann"            one name per candidate: quoted ("" is a quote) or bare
//! "Bob"
//! …
//! "Title"
//! ```
//! `#` starts a comment anywhere outside quotes. Names are normalised: runs of white space
//! collapsed to one space, trimmed. Anything else is an error naming line and column.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::hash::{BuildHasherDefault, Hasher};

use crate::ballots::{CandidateId, ElectionInfo, RankedBallots, RankedElection, normalize_name};
use crate::error::ParseError;

/// Reads a BLT file.
pub fn parse(text: &str) -> Result<RankedElection, ParseError> {
    Parser::new(text).parse()
}

/// Writes an election as BLT. `parse(&write(e))` gives back `e`.
pub fn write(e: &RankedElection) -> String {
    let info = &e.info;
    let mut out = String::new();
    let _ = writeln!(out, "{} {}", info.candidates.len(), info.seats);
    if !info.withdrawn.is_empty() {
        let w: Vec<String> = info
            .withdrawn
            .iter()
            .map(|c| format!("-{}", c + 1))
            .collect();
        let _ = writeln!(out, "{}", w.join(" "));
    }
    if let Some(order) = &info.tie_order {
        let t: Vec<String> = order.iter().map(|c| (c + 1).to_string()).collect();
        let _ = writeln!(out, "[tie {}]", t.join(" "));
    }
    for b in e.ballots.iter() {
        let _ = write!(out, "{}", b.weight);
        for g in b.groups() {
            let names: Vec<String> = g.iter().map(|&c| (c as usize + 1).to_string()).collect();
            let _ = write!(out, " {}", names.join("="));
        }
        out.push_str(" 0\n");
    }
    out.push_str("0\n");
    for name in &info.candidates {
        let _ = writeln!(out, "{}", quote(name));
    }
    let _ = writeln!(out, "{}", quote(&info.title));
    out
}

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

struct Line<'a> {
    /// 1-based line number.
    number: usize,
    /// The text with any comment removed.
    text: &'a str,
    full: &'a str,
}

impl Line<'_> {
    fn column_of(&self, part: &str) -> usize {
        let offset = part.as_ptr() as usize - self.full.as_ptr() as usize;
        self.full[..offset].chars().count() + 1
    }

    fn error(&self, part: &str, message: impl Into<String>) -> ParseError {
        ParseError::new(self.number, self.column_of(part), message)
    }
}

/// Removes a `#` comment that is not inside quotes.
fn strip_comment(line: &str) -> &str {
    // Most lines have no '#': a memchr-backed search settles them without a character walk.
    if !line.contains('#') {
        return line;
    }
    let mut in_quotes = false;
    for (i, ch) in line.char_indices() {
        match ch {
            '"' => in_quotes = !in_quotes,
            '#' if !in_quotes => return &line[..i],
            _ => {}
        }
    }
    line
}

/// FNV-1a: nick lookups happen once per preference (tens of millions in a large file), where
/// SipHash's DoS resistance buys nothing: the map is built from the file's own `[nick]` line.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type NickMap<'a> = HashMap<&'a str, CandidateId, BuildHasherDefault<Fnv>>;

struct Parser<'a> {
    lines: Vec<Line<'a>>,
    pos: usize,
    ncand: usize,
    nicks: NickMap<'a>,
    withdrawn: Vec<CandidateId>,
    tie_order: Option<Vec<CandidateId>>,
}

/// One item of a ballot line: a candidate, or an `=` joining its neighbours.
enum Item<'a> {
    Candidate(CandidateId, &'a str),
    Equals(&'a str),
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let lines = text
            .lines()
            .enumerate()
            .map(|(i, full)| Line {
                number: i + 1,
                text: strip_comment(full),
                full,
            })
            .collect();
        Parser {
            lines,
            pos: 0,
            ncand: 0,
            nicks: NickMap::default(),
            withdrawn: Vec::new(),
            tie_order: None,
        }
    }

    /// The next line with content, skipping blank and comment-only lines.
    fn next_line(&mut self) -> Option<&Line<'a>> {
        while self.pos < self.lines.len() {
            self.pos += 1;
            if !self.lines[self.pos - 1].text.trim().is_empty() {
                return Some(&self.lines[self.pos - 1]);
            }
        }
        None
    }

    fn end_error(&self, message: impl Into<String>) -> ParseError {
        let line = self.lines.len().max(1);
        let column = self.lines.last().map_or(1, |l| l.full.chars().count() + 1);
        ParseError::new(line, column, message)
    }

    fn parse(mut self) -> Result<RankedElection, ParseError> {
        let (ncand, seats) = self.header()?;
        self.ncand = ncand;
        let ballots = self.ballots()?;
        let (candidates, title) = self.names_and_title()?;
        self.trailer()?;
        let mut withdrawn = std::mem::take(&mut self.withdrawn);
        withdrawn.sort_unstable();
        withdrawn.dedup();
        Ok(RankedElection {
            info: ElectionInfo {
                title,
                candidates,
                seats,
                withdrawn,
                tie_order: self.tie_order,
            },
            ballots,
        })
    }

    fn header(&mut self) -> Result<(usize, usize), ParseError> {
        let Some(line) = self.next_line() else {
            return Err(ParseError::new(
                1,
                1,
                "empty file: expected a line 'candidates seats'",
            ));
        };
        let mut tokens = line.text.split_whitespace();
        let (Some(c), Some(s), None) = (tokens.next(), tokens.next(), tokens.next()) else {
            return Err(line.error(
                line.text.trim_start(),
                "expected the header 'candidates seats', two whole numbers",
            ));
        };
        let ncand: usize = c.parse().map_err(|_| {
            line.error(
                c,
                format!("number of candidates {c:?} is not a whole number"),
            )
        })?;
        let seats: usize = s
            .parse()
            .map_err(|_| line.error(s, format!("number of seats {s:?} is not a whole number")))?;
        if ncand == 0 || ncand > u16::MAX as usize {
            return Err(line.error(c, format!("number of candidates must be 1 to {}", u16::MAX)));
        }
        if seats == 0 {
            return Err(line.error(s, "number of seats must be at least 1"));
        }
        Ok((ncand, seats))
    }

    /// A candidate reference: a nick, or a 1-based number.
    fn candidate(&self, line: &Line<'a>, token: &'a str) -> Result<CandidateId, ParseError> {
        if !self.nicks.is_empty()
            && let Some(&c) = self.nicks.get(token)
        {
            return Ok(c);
        }
        match token.parse::<usize>() {
            Ok(n) if (1..=self.ncand).contains(&n) => Ok(n - 1),
            Ok(n) => Err(line.error(
                token,
                format!(
                    "candidate {n} does not exist: there are {} candidates",
                    self.ncand
                ),
            )),
            Err(_) if self.nicks.is_empty() => Err(line.error(
                token,
                format!("expected a candidate number, found {token:?}"),
            )),
            Err(_) => Err(line.error(token, format!("unknown candidate {token:?}"))),
        }
    }

    fn option_line(&mut self, idx: usize) -> Result<(), ParseError> {
        let line = &self.lines[idx];
        let body = line.text.trim();
        let Some(inner) = body.strip_prefix('[').and_then(|b| b.strip_suffix(']')) else {
            return Err(line.error(body, "an option line must look like [name …]"));
        };
        let mut tokens = inner.split_whitespace();
        let Some(keyword) = tokens.next() else {
            return Err(line.error(body, "empty option line []"));
        };
        let args: Vec<&'a str> = tokens.collect();
        match keyword {
            "nick" => {
                if args.len() != self.ncand {
                    return Err(line.error(
                        keyword,
                        format!(
                            "[nick] names {} candidates, the header says {}",
                            args.len(),
                            self.ncand
                        ),
                    ));
                }
                let mut nicks = NickMap::default();
                for (i, &a) in args.iter().enumerate() {
                    if nicks.insert(a, i).is_some() {
                        return Err(line.error(a, format!("nick {a:?} is given twice")));
                    }
                }
                self.nicks = nicks;
            }
            "withdrawn" => {
                for &a in &args {
                    let c = self.candidate(line, a)?;
                    self.withdrawn.push(c);
                }
            }
            "tie" => {
                let mut order = Vec::with_capacity(self.ncand);
                let mut listed = vec![false; self.ncand];
                for &a in &args {
                    let c = self.candidate(line, a)?;
                    if std::mem::replace(&mut listed[c], true) {
                        return Err(line.error(a, format!("{a:?} appears twice in [tie]")));
                    }
                    order.push(c);
                }
                // Candidates the line leaves out come after, in file order.
                order.extend((0..self.ncand).filter(|&c| !listed[c]));
                self.tie_order = Some(order);
            }
            other => {
                return Err(line.error(
                    other,
                    format!("unknown option [{other}]; known: [nick], [withdrawn], [tie]"),
                ));
            }
        }
        Ok(())
    }

    fn ballots(&mut self) -> Result<RankedBallots, ParseError> {
        let mut ballots = RankedBallots::new();
        let mut total: u64 = 0;
        let mut seen = vec![false; self.ncand];
        let mut items = Vec::new();
        loop {
            if self.next_line().is_none() {
                return Err(
                    self.end_error("the file ends before the '0' line that closes the ballots")
                );
            }
            let idx = self.pos - 1;
            let line = &self.lines[idx];
            let body = line.text.trim();
            if body.starts_with('[') {
                self.option_line(idx)?;
                continue;
            }
            if body == "0" {
                return Ok(ballots);
            }
            if body.starts_with('-') {
                let line = &self.lines[idx];
                for t in body.split_whitespace() {
                    let n = t
                        .strip_prefix('-')
                        .and_then(|n| n.parse::<usize>().ok())
                        .filter(|n| (1..=self.ncand).contains(n))
                        .ok_or_else(|| {
                            line.error(
                                t,
                                format!("expected a withdrawn candidate like -2, found {t:?}"),
                            )
                        })?;
                    self.withdrawn.push(n - 1);
                }
                continue;
            }
            let weight = self.ballot_line(idx, &mut ballots, &mut seen, &mut items)?;
            let line = &self.lines[idx];
            total = total
                .checked_add(weight)
                .ok_or_else(|| line.error(body, "the total weight of the ballots is too large"))?;
        }
    }

    /// Reads one ballot line into `ballots` and returns its weight.
    fn ballot_line(
        &self,
        idx: usize,
        ballots: &mut RankedBallots,
        seen: &mut [bool],
        items: &mut Vec<Item<'a>>,
    ) -> Result<u64, ParseError> {
        let line = &self.lines[idx];
        let mut tokens = line.text.split_ascii_whitespace().peekable();
        // An optional ballot id in parentheses, as some exports write: "(17) 1 2 3 0".
        if tokens
            .peek()
            .is_some_and(|t| t.starts_with('(') && t.ends_with(')'))
        {
            tokens.next();
        }
        let Some(w) = tokens.next() else {
            return Err(line.error(line.text, "empty ballot line"));
        };
        let weight: u64 = w.parse().map_err(|_| {
            line.error(
                w,
                format!("a ballot line starts with its weight, a whole number; found {w:?}"),
            )
        })?;
        let items = &mut *items;
        items.clear();
        let mut closed = false;
        for t in tokens {
            if closed {
                return Err(line.error(t, format!("unexpected {t:?} after the closing 0")));
            }
            if t == "0" {
                closed = true;
                continue;
            }
            // Split "a=b", "a=", "=b" and "=" into candidates and equals signs.
            let mut rest = t;
            while !rest.is_empty() {
                if let Some(r) = rest.strip_prefix('=') {
                    items.push(Item::Equals(&rest[..1]));
                    rest = r;
                    continue;
                }
                let end = rest.find('=').unwrap_or(rest.len());
                let part = &rest[..end];
                items.push(Item::Candidate(self.candidate(line, part)?, part));
                rest = &rest[end..];
            }
        }
        for s in seen.iter_mut() {
            *s = false;
        }
        let mut join_next = false;
        let mut last_was_candidate = false;
        for item in items.iter() {
            match *item {
                Item::Equals(at) => {
                    if !last_was_candidate || join_next {
                        return Err(line.error(at, "'=' must stand between two candidates"));
                    }
                    join_next = true;
                }
                Item::Candidate(c, at) => {
                    if seen[c] {
                        return Err(line
                            .error(at, format!("candidate {at} is ranked twice on this ballot")));
                    }
                    seen[c] = true;
                    ballots.push_pref(c, join_next);
                    join_next = false;
                    last_was_candidate = true;
                }
            }
        }
        if join_next {
            let at = line.text.trim_end();
            return Err(line.error(&at[at.len() - 1..], "'=' must stand between two candidates"));
        }
        ballots.close_ballot(weight);
        Ok(weight)
    }

    /// Reads the candidate names and the optional title: quoted strings (several may share a
    /// line) or bare lines, until `ncand + 1` are read or the file ends.
    fn names_and_title(&mut self) -> Result<(Vec<String>, String), ParseError> {
        let want = self.ncand + 1;
        let mut out = Vec::with_capacity(want);
        while out.len() < want {
            if self.next_line().is_none() {
                break;
            }
            let idx = self.pos - 1;
            let line = &self.lines[idx];
            let body = line.text.trim();
            if body.starts_with('[') {
                self.option_line(idx)?;
                continue;
            }
            if !body.starts_with('"') {
                out.push(normalize_name(body));
                continue;
            }
            let mut rest = body;
            while !rest.is_empty() {
                if out.len() == want {
                    return Err(line.error(rest, "unexpected text after the title"));
                }
                let (s, r) = unquote(line, rest)?;
                out.push(normalize_name(&s));
                rest = r.trim_start();
            }
        }
        if out.len() < self.ncand {
            return Err(self.end_error(format!(
                "the file ends after {} of {} candidate names",
                out.len(),
                self.ncand
            )));
        }
        let title = if out.len() == want {
            out.pop().unwrap_or_default()
        } else {
            String::new()
        };
        Ok((out, title))
    }

    fn trailer(&mut self) -> Result<(), ParseError> {
        while self.next_line().is_some() {
            let idx = self.pos - 1;
            let line = &self.lines[idx];
            let body = line.text.trim();
            if body.starts_with('[') {
                self.option_line(idx)?;
            } else {
                return Err(line.error(body, "unexpected text after the title"));
            }
        }
        Ok(())
    }
}

/// Reads a quoted string at the start of `s`; returns it unescaped and the text after it.
fn unquote<'a>(line: &Line<'_>, s: &'a str) -> Result<(String, &'a str), ParseError> {
    let Some(inner) = s.strip_prefix('"') else {
        return Err(line.error(s, "expected a quoted name"));
    };
    let mut out = String::new();
    let mut chars = inner.char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        if ch == '"' {
            if chars.peek().is_some_and(|&(_, c)| c == '"') {
                chars.next();
                out.push('"');
                continue;
            }
            return Ok((out, &inner[i + 1..]));
        }
        out.push(ch);
    }
    Err(line.error(s, "unterminated quoted name: no closing \""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(e: &RankedElection, i: usize) -> Vec<Vec<u16>> {
        e.ballots.get(i).groups().map(|g| g.to_vec()).collect()
    }

    #[test]
    fn reads_the_common_dialects() {
        let text = "# comment\n3 2\n-2\n2 1 3 0\n1 2=3\n  1 3 = 1 # trailing comment\n0\n\"Ann  \"\"A\"\" Lee \"\nBob   Bee \n\"Cy\" \"Title\"";
        let e = parse(text).unwrap();
        assert_eq!(e.info.candidates, vec!["Ann \"A\" Lee", "Bob Bee", "Cy"]);
        assert_eq!(e.info.title, "Title");
        assert_eq!(e.info.seats, 2);
        assert_eq!(e.info.withdrawn, vec![1]);
        assert_eq!(e.ballots.len(), 3);
        assert_eq!(groups(&e, 0), vec![vec![0], vec![2]]);
        assert_eq!(groups(&e, 1), vec![vec![1, 2]]);
        assert_eq!(groups(&e, 2), vec![vec![2, 0]]);
        assert_eq!(e.ballots.total_weight(), 4);
    }

    #[test]
    fn reads_nick_withdrawn_and_tie_lines() {
        let text = "3 2\n[nick apple banana cherry]\n[withdrawn banana]\n[tie cherry apple]\n3 apple=banana cherry 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n";
        let e = parse(text).unwrap();
        assert_eq!(e.info.withdrawn, vec![1]);
        assert_eq!(e.info.tie_order, Some(vec![2, 0, 1]));
        assert_eq!(groups(&e, 0), vec![vec![0, 1], vec![2]]);
    }

    #[test]
    fn errors_name_line_and_column() {
        let cases: &[(&str, usize, usize, &str)] = &[
            ("", 1, 1, "empty file"),
            ("3\n", 1, 1, "header"),
            ("3 x\n", 1, 3, "seats"),
            ("2 1\n1 1 3 0\n0\n", 2, 5, "does not exist"),
            ("2 1\n1 1 1 0\n0\n", 2, 5, "twice"),
            ("2 1\nx 1 0\n0\n", 2, 1, "weight"),
            ("2 1\n1 1 0 2\n0\n", 2, 7, "after the closing 0"),
            ("2 1\n1 =1 0\n", 2, 3, "'='"),
            ("2 1\n1 1 0\n", 2, 6, "ends before"),
            ("2 1\n1 1 0\n0\n\"A\"\n", 4, 4, "1 of 2"),
            ("2 1\n1 1 0\n0\n\"A\n", 4, 1, "unterminated"),
            ("2 1\n[foo]\n0\n", 2, 2, "unknown option"),
            ("2 1\n1 1 0\n0\nA\nB\nT\nextra\n", 7, 1, "after the title"),
        ];
        for &(text, line, column, needle) in cases {
            let err = parse(text).expect_err(text);
            assert_eq!((err.line, err.column), (line, column), "{text:?}: {err}");
            assert!(err.message.contains(needle), "{text:?}: {err}");
        }
    }

    #[test]
    fn write_then_parse_round_trips() {
        let text = "3 2\n-2\n[tie 3 1 2]\n2 1 3 0\n1 2=3 0\n0\n\"Ann \"\"A\"\"\"\n\"Bob\"\n\"Cy\"\n\"T\"\n";
        let e = parse(text).unwrap();
        assert_eq!(parse(&write(&e)).unwrap(), e);
    }
}
