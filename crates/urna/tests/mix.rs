//! `urna trustee mix` as two mixers run it, files in and out: each output answers its input
//! with a valid proof, and two of three trustees decrypt the last output to the same multiset
//! of ranked ballots that went in. A malformed input is refused with one line naming it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use urna_crypto::ranked::{RankedBallot, RankedLayout};
use urna_crypto::shuffle::{
    CiphertextVectors, EncryptionKey, MixDecryption, MixInput, MixOutput, ShuffleSeed,
    combine_mixed_decryption, decrypt_mixed,
};
use urna_crypto::{
    ElectionId, ElectionSetup, TrusteeName, TrusteeSecret, combine_public, dkg_round1, dkg_round2,
    os_rng,
};

fn urna(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_urna"))
        .arg("trustee")
        .args(args)
        .output()
        .expect("urna runs")
}

fn fresh_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("urna-mix-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn write_json<T: serde::Serialize>(path: &Path, value: &T) {
    fs::write(path, serde_json::to_string(value).expect("serializable")).expect("writable");
}

fn read<T: serde::de::DeserializeOwned>(path: &Path) -> T {
    serde_json::from_str(&fs::read_to_string(path).expect("readable")).expect("valid JSON")
}

fn mix(input: &Path, output: &Path) {
    let o = urna(&[
        "mix",
        "--in",
        input.to_str().expect("UTF-8 path"),
        "--out",
        output.to_str().expect("UTF-8 path"),
    ]);
    assert!(
        o.status.success(),
        "urna failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn two_mixers_then_two_of_three_trustees_recover_the_ballots() {
    let dir = fresh_dir("two-mixers");
    let mut rng = os_rng();
    let mut secrets: Vec<TrusteeSecret> = ["alice", "bob", "carol"]
        .iter()
        .map(|n| TrusteeSecret::generate(TrusteeName::parse(n).unwrap(), &mut rng).unwrap())
        .collect();
    let setup = ElectionSetup::new(
        ElectionId::parse("mix-test").unwrap(),
        2,
        secrets.iter().map(|s| s.public.clone()).collect(),
    )
    .unwrap();
    let round1: Vec<_> = secrets
        .iter()
        .map(|s| dkg_round1(s, &setup, &mut rng).unwrap())
        .collect();
    let round2: Vec<_> = secrets
        .iter_mut()
        .map(|s| dkg_round2(s, &setup, &round1, &mut rng).unwrap())
        .collect();
    let key = combine_public(&setup, &round1, &round2).unwrap();

    // 30 candidates take two ciphertexts per ballot (26 per point, A.1).
    let layout = RankedLayout::new(30).unwrap();
    assert_eq!(layout.ciphertexts_per_ballot(), 2);
    let mut rankings: Vec<Vec<u8>> = (0..6u8)
        .map(|b| (0..30u8).map(|c| if c <= b { c + 1 } else { 0 }).collect())
        .collect();
    rankings.push(vec![0; 30]);
    let encryption_key = EncryptionKey::new(&key);
    let vectors = rankings
        .iter()
        .map(|r| {
            RankedBallot::new(&layout, r.clone())
                .unwrap()
                .encrypt(&layout, &encryption_key, &mut rng)
                .unwrap()
        })
        .collect();

    let first = MixInput {
        v: Default::default(),
        election_key: key.clone(),
        seed: ShuffleSeed::new(b"mix-test mixer 1".to_vec()).unwrap(),
        ciphertexts: CiphertextVectors::new(vectors).unwrap(),
    };
    write_json(&dir.join("mix1.in.json"), &first);
    mix(&dir.join("mix1.in.json"), &dir.join("mix1.out.json"));
    let first_out: MixOutput = read(&dir.join("mix1.out.json"));
    assert_eq!(first_out.verify(&first), Ok(()));

    let second = MixInput {
        seed: ShuffleSeed::new(b"mix-test mixer 2".to_vec()).unwrap(),
        ciphertexts: first_out.ciphertexts.clone(),
        ..first.clone()
    };
    write_json(&dir.join("mix2.in.json"), &second);
    mix(&dir.join("mix2.in.json"), &dir.join("mix2.out.json"));
    let second_out: MixOutput = read(&dir.join("mix2.out.json"));
    assert_eq!(second_out.verify(&second), Ok(()));
    // The second output does not answer the first input.
    assert!(second_out.verify(&first).is_err());

    // The independent verifier (urna-verify, written from the appendix) agrees, on the files.
    let json = |name: &str| -> serde_json::Value { read(&dir.join(name)) };
    let (in1, out1, in2, out2) = (
        json("mix1.in.json"),
        json("mix1.out.json"),
        json("mix2.in.json"),
        json("mix2.out.json"),
    );
    assert_eq!(urna_verify::shuffle::verify_mix(&in1, &out1), Ok(()));
    assert_eq!(urna_verify::shuffle::verify_mix(&in2, &out2), Ok(()));
    let refused = |output: &serde_json::Value| {
        urna_verify::shuffle::verify_mix(&in2, output)
            .expect_err("a tampered mix output is refused")
            .to_string()
    };
    // The first output answers another input (its seed and its ciphertexts).
    assert!(refused(&out1).contains("seed"), "{}", refused(&out1));
    // Changed outputs change every challenge (they are hashed into the statement), so the
    // first equation checked fails; what matters is that each is refused.
    // A ciphertext altered (replaced by another output's).
    let mut altered = out2.clone();
    altered["ciphertexts"][0][1] = out2["ciphertexts"][1][1].clone();
    assert!(
        refused(&altered).contains("equation"),
        "{}",
        refused(&altered)
    );
    // One vector duplicated over another.
    let mut duplicated = out2.clone();
    duplicated["ciphertexts"][2] = out2["ciphertexts"][3].clone();
    assert!(refused(&duplicated).contains("equation"));
    // The first components of two vectors swapped, the second components left: not one
    // permutation for the whole vector.
    let mut split = out2.clone();
    split["ciphertexts"][0][0] = out2["ciphertexts"][1][0].clone();
    split["ciphertexts"][1][0] = out2["ciphertexts"][0][0].clone();
    assert!(refused(&split).contains("equation"));
    // One vector dropped.
    let mut dropped = out2.clone();
    if let Some(list) = dropped["ciphertexts"].as_array_mut() {
        list.pop();
    }
    assert!(refused(&dropped).contains("output vectors"));
    // Another seed (so other generators): the proof no longer fits.
    let mut reseeded = in2.clone();
    reseeded["seed"] = serde_json::json!("00");
    let mut out_reseeded = out2.clone();
    out_reseeded["seed"] = serde_json::json!("00");
    assert!(urna_verify::shuffle::verify_mix(&reseeded, &out_reseeded).is_err());

    let mixed = &second_out.ciphertexts;
    let partials: Vec<MixDecryption> = [0, 2]
        .iter()
        .map(|&t| {
            let share = secrets[t].share_for(&setup.digest()).unwrap();
            decrypt_mixed(&key, share, mixed, &mut rng).unwrap()
        })
        .collect();
    let plain = combine_mixed_decryption(&key, mixed, &partials).unwrap();
    let mut decoded: Vec<Vec<u8>> = plain
        .vectors
        .iter()
        .map(|points| {
            RankedBallot::from_points(&layout, points)
                .unwrap()
                .ranks()
                .to_vec()
        })
        .collect();
    decoded.sort();
    rankings.sort();
    assert_eq!(decoded, rankings);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_ragged_input_is_refused_with_one_line() {
    let dir = fresh_dir("ragged");
    let path = dir.join("mix.in.json");
    // Vector 1 has one ciphertext where vector 0 has two; the points are valid (the generator).
    let g = "e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76";
    let c = format!(r#"{{"alpha":"{g}","beta":"{g}"}}"#);
    fs::write(
        &path,
        format!(r#"{{"v":1,"ciphertexts":[[{c},{c}],[{c}]],"seed":"01","election_key":{{}}}}"#),
    )
    .unwrap();
    let o = urna(&[
        "mix",
        "--in",
        path.to_str().unwrap(),
        "--out",
        dir.join("out.json").to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    assert!(o.stdout.is_empty());
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    // The ciphertexts come first in this file, so their error is the one reported.
    assert!(
        err.contains("ciphertext vector 1 has 1 components, vector 0 has 2"),
        "{err}"
    );
    assert!(!dir.join("out.json").exists());
    let _ = fs::remove_dir_all(&dir);
}
