// The load generator of `urna bench` (`src/bench.rs`) and every module it dispatches to, at the
// crate root of a test that drives real servers with it (`include!`d there; the paths are
// relative to this file).

#[path = "../../src/bench.rs"]
#[allow(dead_code)]
mod bench;
#[path = "../../src/bench_count.rs"]
#[allow(dead_code)]
mod bench_count;
#[path = "../../src/bench_crash.rs"]
#[allow(dead_code)]
mod bench_crash;
#[path = "../../src/bench_shuffle.rs"]
#[allow(dead_code)]
mod bench_shuffle;
#[path = "../../src/bench_verify.rs"]
#[allow(dead_code)]
mod bench_verify;
#[path = "../../src/progress.rs"]
#[allow(dead_code)]
mod progress;
#[path = "../../src/record_synth.rs"]
#[allow(dead_code)]
mod record_synth;
#[path = "../../src/trustee.rs"]
#[allow(dead_code)]
mod trustee;
// --- notify: urna bench mail ---
#[path = "../../src/bench_mail.rs"]
#[allow(dead_code)]
mod bench_mail;
// --- end notify ---
