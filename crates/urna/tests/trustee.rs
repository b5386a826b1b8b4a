//! `urna trustee` as trustees run it: three trustees create a 2-of-3 key through files, the
//! server side (the library) combines the public parts and seals ballots, and two trustees'
//! decryption shares open them.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use urna_crypto::{
    DecryptionShares, DkgRound1, DkgRound2, ElectionId, ElectionSetup, FrozenSet, TrusteePublic,
    combine_decryption, combine_public, os_rng, seal,
};

fn urna(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_urna"))
        .arg("trustee")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("urna runs")
}

fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "urna failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).expect("UTF-8 stdout")
}

/// A failure prints nothing on stdout and one line on stderr containing `needle`.
fn fails_with(o: &Output, needle: &str) {
    assert!(!o.status.success(), "expected failure");
    assert!(o.stdout.is_empty());
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(needle), "{err:?} lacks {needle:?}");
}

fn read<T: serde::de::DeserializeOwned>(path: &Path) -> T {
    serde_json::from_str(&fs::read_to_string(path).expect("readable")).expect("valid JSON")
}

fn fresh_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("urna-trustee-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("round1")).expect("temp dir");
    dir
}

const NAMES: [&str; 3] = ["alice", "bob", "carol"];

#[test]
fn three_trustees_make_a_key_and_two_decrypt() {
    let dir = fresh_dir("round-trip");

    // Each trustee creates a key pair.
    for name in NAMES {
        let out = ok(&urna(
            &dir,
            &[
                "init",
                "--name",
                name,
                "--out",
                &format!("{name}.secret.json"),
            ],
        ));
        let public_file = fs::read_to_string(dir.join(format!("{name}.public.json"))).unwrap();
        assert_eq!(out, public_file);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(dir.join(format!("{name}.secret.json")))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
    // A second init must not destroy the first key.
    fails_with(
        &urna(
            &dir,
            &["init", "--name", "alice", "--out", "alice.secret.json"],
        ),
        "must not exist yet",
    );

    // The server writes the set-up: 2 of the 3 trustees decrypt.
    let publics: Vec<TrusteePublic> = NAMES
        .iter()
        .map(|n| read(&dir.join(format!("{n}.public.json"))))
        .collect();
    let setup = ElectionSetup::new(ElectionId::parse("board-2026").unwrap(), 2, publics).unwrap();
    fs::write(
        dir.join("setup.json"),
        serde_json::to_string_pretty(&setup).unwrap(),
    )
    .unwrap();

    for name in NAMES {
        ok(&urna(
            &dir,
            &[
                "dkg-round1",
                "--secret",
                &format!("{name}.secret.json"),
                "--setup",
                "setup.json",
                "--out",
                &format!("round1/{name}.round1.json"),
            ],
        ));
    }
    // alice reads the round 1 directory; bob and carol name the files.
    let files: Vec<String> = NAMES
        .iter()
        .map(|n| format!("round1/{n}.round1.json"))
        .collect();
    for name in NAMES {
        let mut args = vec![
            "dkg-round2".to_owned(),
            "--secret".to_owned(),
            format!("{name}.secret.json"),
            "--setup".to_owned(),
            "setup.json".to_owned(),
            "--out".to_owned(),
            format!("{name}.round2.json"),
            "--round1".to_owned(),
        ];
        if name == "alice" {
            args.push("round1".to_owned());
        } else {
            args.extend(files.iter().cloned());
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        ok(&urna(&dir, &args));
    }

    // The server combines the public messages.
    let round1s: Vec<DkgRound1> = files.iter().map(|f| read(&dir.join(f))).collect();
    let round2s: Vec<DkgRound2> = NAMES
        .iter()
        .map(|n| read(&dir.join(format!("{n}.round2.json"))))
        .collect();
    let key = combine_public(&setup, &round1s, &round2s).unwrap();

    // It seals three ballots and freezes them.
    let plaintexts: [&[u8]; 3] = [b"1 2 3 0", b"3 0", b"2 1 0"];
    let context = b"board-2026/q1".to_vec();
    let ballots = plaintexts
        .iter()
        .map(|p| seal(&key, p, &context, 32, &mut os_rng()).unwrap())
        .collect();
    let set = FrozenSet::new(&key, context, ballots);
    fs::write(
        dir.join("frozen.json"),
        serde_json::to_string(&set).unwrap(),
    )
    .unwrap();

    // alice and carol decrypt.
    for name in ["alice", "carol"] {
        ok(&urna(
            &dir,
            &[
                "decrypt",
                "--secret",
                &format!("{name}.secret.json"),
                "--setup",
                "setup.json",
                "--ballots",
                "frozen.json",
                "--out",
                &format!("{name}.shares.json"),
            ],
        ));
    }
    let shares: Vec<DecryptionShares> = ["alice", "carol"]
        .iter()
        .map(|n| read(&dir.join(format!("{n}.shares.json"))))
        .collect();
    assert_eq!(shares[0].trustee, 1);
    assert_eq!(shares[1].trustee, 3);
    let opened = combine_decryption(&key, &set, &shares).unwrap();
    let expected: Vec<Vec<u8>> = plaintexts.iter().map(|p| p.to_vec()).collect();
    assert_eq!(opened.plaintexts, expected);
    assert!(opened.rejected.is_empty());

    // One trustee alone cannot.
    assert!(combine_decryption(&key, &set, &shares[..1]).is_err());

    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn tampered_round1_and_loose_secret_files_are_refused() {
    let dir = fresh_dir("tamper");
    for name in NAMES {
        ok(&urna(
            &dir,
            &[
                "init",
                "--name",
                name,
                "--out",
                &format!("{name}.secret.json"),
            ],
        ));
    }
    let publics: Vec<TrusteePublic> = NAMES
        .iter()
        .map(|n| read(&dir.join(format!("{n}.public.json"))))
        .collect();
    let setup = ElectionSetup::new(ElectionId::parse("e").unwrap(), 2, publics).unwrap();
    fs::write(
        dir.join("setup.json"),
        serde_json::to_string(&setup).unwrap(),
    )
    .unwrap();
    for name in NAMES {
        ok(&urna(
            &dir,
            &[
                "dkg-round1",
                "--secret",
                &format!("{name}.secret.json"),
                "--setup",
                "setup.json",
                "--out",
                &format!("round1/{name}.round1.json"),
            ],
        ));
    }
    // Someone on the way swaps bob's first commitment for carol's.
    let mut bob: DkgRound1 = read(&dir.join("round1/bob.round1.json"));
    let carol: DkgRound1 = read(&dir.join("round1/carol.round1.json"));
    bob.commitments[1] = carol.commitments[1];
    fs::write(
        dir.join("round1/bob.round1.json"),
        serde_json::to_string(&bob).unwrap(),
    )
    .unwrap();
    let round2 = [
        "dkg-round2",
        "--secret",
        "alice.secret.json",
        "--setup",
        "setup.json",
        "--round1",
        "round1",
        "--out",
        "alice.round2.json",
    ];
    fails_with(
        &urna(&dir, &round2),
        "trustee 2 (bob) is not signed by that trustee's key",
    );
    assert!(!dir.join("alice.round2.json").exists());

    // A corrupt JSON file is named with its line.
    fs::write(
        dir.join("round1/bob.round1.json"),
        "{\n  \"v\": 1,\n  oops\n}",
    )
    .unwrap();
    fails_with(&urna(&dir, &round2), "line 3");

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(
            dir.join("alice.secret.json"),
            fs::Permissions::from_mode(0o644),
        )
        .unwrap();
        fails_with(&urna(&dir, &round2), "readable by other users");
    }
    let _ = fs::remove_dir_all(&dir);
}
