//! urna-core's readers of outside data against hostile input (issue 8, Inputs), in CI: the
//! voter-list CSV an admin uploads and the election definition JSON the API and the admin
//! form accept. Arbitrary text and mutations of valid files: never a panic; every voter-list
//! problem names a line of the file, and a row broken on purpose is the line named; an
//! accepted election survives a trip through JSON unchanged. The same readers are fuzzed by
//! `fuzz/fuzz_targets/{voter_list,election_json}.rs`.

use proptest::prelude::*;
use urna_core::election::{Election, ElectionSpec};
use urna_core::voters::VoterList;

/// The module documentation's example list, with weights.
const VOTERS: &str = "voter,email,weight,action\n\
                      alice@example.org,,2,\n\
                      Bob,bob@example.org,,include\n\
                      carol@example.org,,,\n\
                      Mallory,,,exclude\n";

/// urna-core's documentation example: one ranked question, two candidates.
const ELECTION: &str = r#"{
  "id": "0123456789ABCDEFGHJKMNPQR0", "slug": "board-2026", "languages": ["en"],
  "title": {"default": "en", "texts": {"en": "Board election"}},
  "questions": [{
    "id": "chair", "title": {"default": "en", "texts": {"en": "Chair"}},
    "description": null, "ballot_type": {"type": "ranked", "max_ranks": null,
    "allow_equal": false}, "method": "irv", "seats": 1,
    "options": [{"id": "ann", "name": {"default": "en", "texts": {"en": "Ann"}}},
                {"id": "bob", "name": {"default": "en", "texts": {"en": "Bob"}}}]
  }]
}"#;

/// Lines as the CSV reader counts them: LF, CRLF and a lone CR each end one.
fn line_count(text: &str) -> u64 {
    text.replace("\r\n", "\n").matches(['\n', '\r']).count() as u64 + 1
}

fn check_voter_list(text: &str) -> Result<(), TestCaseError> {
    let lines = line_count(text);
    for allow_weights in [false, true] {
        if let Err(error) = VoterList::parse_csv(text, allow_weights) {
            prop_assert!(!error.problems.is_empty(), "an error without a problem");
            for problem in &error.problems {
                prop_assert!(
                    (1..=lines).contains(&problem.line),
                    "{problem} in a {lines}-line file"
                );
                prop_assert!(
                    problem
                        .to_string()
                        .starts_with(&format!("line {}", problem.line)),
                    "{problem}"
                );
            }
        }
    }
    Ok(())
}

/// A byte-level edit, as a fuzzer makes them.
fn mutate(text: &str, edits: &[(usize, Option<u8>)]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for &(at, byte) in edits {
        match byte {
            Some(b) => bytes.insert(at % (bytes.len() + 1), b),
            None if !bytes.is_empty() => {
                bytes.remove(at % bytes.len());
            }
            None => {}
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn edits() -> impl Strategy<Value = Vec<(usize, Option<u8>)>> {
    proptest::collection::vec(
        (
            any::<usize>(),
            prop_oneof![
                Just(None),
                any::<u8>().prop_map(Some),
                // The characters that matter to these formats.
                proptest::sample::select(b",;\t\n\r\"@{}[]:0123456789-".to_vec()).prop_map(Some),
            ],
        ),
        1..8,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text_as_a_voter_list_is_read_or_refused_at_a_line(text in any::<String>()) {
        check_voter_list(&text)?;
    }

    #[test]
    fn a_mutated_voter_list_is_read_or_refused_at_a_line(edits in edits()) {
        check_voter_list(&mutate(VOTERS, &edits))?;
    }

    /// Rows 2–4 of the example are voters (row 5 excludes one); a weight of 0, an action
    /// that is neither include nor exclude, or an address with two `@` is refused on its
    /// own line and column.
    #[test]
    fn a_broken_voter_row_is_the_line_and_column_named(
        row in 2usize..=4,
        (column, value, name) in prop_oneof![
            Just((2usize, "0", "weight")),
            Just((3usize, "maybe", "action")),
            Just((1usize, "a@b@example.org", "email")),
        ],
    ) {
        let mut lines: Vec<Vec<String>> = VOTERS
            .lines()
            .map(|l| l.split(',').map(str::to_owned).collect())
            .collect();
        lines[row - 1][column] = value.to_owned();
        let text: String = lines.iter().map(|l| l.join(",") + "\n").collect();
        let error = VoterList::parse_csv(&text, true).expect_err("a broken row");
        prop_assert_eq!(error.problems.len(), 1, "{}", error);
        let problem = &error.problems[0];
        prop_assert_eq!(problem.line, row as u64, "{}", problem);
        prop_assert_eq!(problem.column.clone(), Some((column + 1, name.to_owned())));
    }

    #[test]
    fn any_bytes_as_an_election_definition_never_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..300),
    ) {
        if let Ok(spec) = serde_json::from_slice::<ElectionSpec>(&bytes) {
            let _ = Election::try_from(spec);
        }
    }

    #[test]
    fn a_mutated_election_definition_is_refused_or_survives_json_unchanged(edits in edits()) {
        let text = mutate(ELECTION, &edits);
        let Ok(spec) = serde_json::from_str::<ElectionSpec>(&text) else { return Ok(()) };
        let Ok(election) = Election::try_from(spec) else { return Ok(()) };
        let json = serde_json::to_string(&election).expect("an election serialises");
        let again: Election = serde_json::from_str(&json).expect("what was written reads back");
        prop_assert_eq!(serde_json::to_string(&again).expect("serialises"), json);
    }
}

#[test]
fn the_unmutated_inputs_are_valid() {
    // So that the mutation tests start from files that are accepted.
    let list = VoterList::parse_csv(VOTERS, true).expect("the example list");
    // alice, Bob and carol; Mallory is excluded.
    assert_eq!(list.len(), 3);
    let election: Election = serde_json::from_str(ELECTION).expect("the example election");
    assert_eq!(election.questions().len(), 1);
}

/// The inputs `scripts/fuzz` kept (`fuzz/corpus/<target>/`), replayed with the fuzz targets'
/// checks, so that what fuzzing once reached stays covered in CI.
fn fuzz_corpus(target: &str) -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/corpus")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} is empty", dir.display());
    files
        .iter()
        .map(|path| std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        .collect()
}

#[test]
fn the_voter_list_fuzz_corpus_is_read_or_refused_at_a_line() {
    for bytes in fuzz_corpus("voter_list") {
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        if let Err(e) = check_voter_list(text) {
            panic!("{text:?}: {e}");
        }
    }
}

#[test]
fn the_election_json_fuzz_corpus_is_refused_or_survives_json_unchanged() {
    for bytes in fuzz_corpus("election_json") {
        let Ok(spec) = serde_json::from_slice::<ElectionSpec>(&bytes) else {
            continue;
        };
        let Ok(election) = Election::try_from(spec) else {
            continue;
        };
        let json = serde_json::to_string(&election).expect("an election serialises");
        let again: Election = serde_json::from_str(&json).expect("what was written reads back");
        assert_eq!(serde_json::to_string(&again).expect("serialises"), json);
    }
}
