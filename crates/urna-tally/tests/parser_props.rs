//! The ballot-file readers against hostile input (issue 8, Inputs), in CI: arbitrary bytes and
//! mutations of the example files (`examples/`) into every reader `urna tally` picks by file
//! name. None panics; every error names a line that exists in the file; and a ballot line
//! broken on purpose is the line the error names.

use proptest::prelude::*;
use urna_tally::{ParseError, parse_ballots};

const BLT: &str = include_str!("../../../examples/board-2021.blt");
const CSV: &str = include_str!("../../../examples/arbcom.csv");
const JSON: &str = include_str!("../../../examples/star.json");

/// The readers `urna tally` chooses between, by the file name's extension.
const NAMES: [&str; 3] = ["ballots.blt", "ballots.csv", "ballots.json"];

/// The number of lines as an editor shows them: line ends are LF, CRLF or a lone CR, and a
/// last line without an end still counts (so does the one empty line of an empty file).
fn line_count(text: &str) -> usize {
    text.replace("\r\n", "\n").matches(['\n', '\r']).count() + 1
}

/// Reads `text` with every reader: never a panic, and any error points inside the file.
fn check_every_reader(text: &str) -> Result<(), TestCaseError> {
    let lines = line_count(text);
    for name in NAMES {
        if let Err(ParseError { line, column, .. }) = parse_ballots(name, text) {
            prop_assert!(
                (1..=lines).contains(&line),
                "{name}: line {line} of a {lines}-line file"
            );
            prop_assert!(column >= 1, "{name}: column {column}");
        }
    }
    Ok(())
}

/// One edit of a valid file, as a fuzzer would make it.
#[derive(Debug, Clone)]
enum Mutation {
    /// Drop the byte at this position (modulo the length).
    Delete(usize),
    /// Insert a byte at a position.
    Insert(usize, u8),
    /// Replace a whole line by other text.
    ReplaceLine(usize, String),
    /// Repeat a line.
    DuplicateLine(usize),
    /// Cut the file at a position.
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Delete),
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Mutation::Insert(at, b)),
        (any::<usize>(), "[0-9 =\\-\",.#:{}\\[\\]a-z\r]{0,12}")
            .prop_map(|(at, s)| Mutation::ReplaceLine(at, s)),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(text: &str, mutations: &[Mutation]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for m in mutations {
        match m {
            Mutation::Delete(at) if !bytes.is_empty() => {
                bytes.remove(at % bytes.len());
            }
            Mutation::Insert(at, b) => bytes.insert(at % (bytes.len() + 1), *b),
            Mutation::ReplaceLine(at, _) | Mutation::DuplicateLine(at)
                if std::str::from_utf8(&bytes).is_ok() =>
            {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
                let i = at % lines.len();
                match m {
                    Mutation::ReplaceLine(_, with) => lines[i] = with.clone(),
                    _ => lines.insert(i, lines[i].clone()),
                }
                bytes = lines.join("\n").into_bytes();
            }
            Mutation::Truncate(at) => bytes.truncate(at % (bytes.len() + 1)),
            _ => {}
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_bytes_are_read_or_refused_at_a_line_of_the_file(
        bytes in proptest::collection::vec(any::<u8>(), 0..400),
    ) {
        check_every_reader(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn mutated_example_files_are_read_or_refused_at_a_line_of_the_file(
        which in 0usize..3,
        mutations in proptest::collection::vec(mutation(), 1..6),
    ) {
        let text = apply([BLT, CSV, JSON][which], &mutations);
        check_every_reader(&text)?;
    }

    /// The BLT example's ballot lines are lines 4–9 (after two comments and `4 2`); a
    /// preference for candidate 9 of 4, or a weight that is not a number, is refused on
    /// exactly the line that holds it.
    #[test]
    fn a_broken_blt_ballot_line_is_the_line_named(
        index in 0usize..6,
        broken in prop_oneof![Just("3 9 0"), Just("x 1 0"), Just("2 1 1 0"), Just("-1 1 0")],
    ) {
        let mut lines: Vec<&str> = BLT.lines().collect();
        let line = 4 + index;
        lines[line - 1] = broken;
        let text = lines.join("\n");
        let error = parse_ballots("ballots.blt", &text)
            .expect_err("a candidate out of range, a bad weight or a repeated candidate");
        prop_assert_eq!(error.line, line, "{}", error);
    }

    /// The CSV example's ballots start on line 8 (seven lines of comments and the header);
    /// a support value outside -1..=1 is refused on its line.
    #[test]
    fn a_broken_csv_ballot_line_is_the_line_named(
        index in 0usize..3,
        value in prop_oneof![Just("7"), Just("yes"), Just("-2")],
    ) {
        let lines: Vec<&str> = CSV.lines().collect();
        let header = lines.iter().position(|l| !l.starts_with('#')).expect("a header line");
        let line = header + 2 + index;
        prop_assume!(line <= lines.len());
        let mut fields: Vec<String> = lines[line - 1].split(',').map(str::to_owned).collect();
        let last = fields.len() - 1;
        fields[last] = value.to_owned();
        let mut edited: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
        edited[line - 1] = fields.join(",");
        let text = edited.join("\n");
        let error = parse_ballots("ballots.csv", &text).expect_err("a value out of range");
        prop_assert_eq!(error.line, line, "{}", error);
    }
}
