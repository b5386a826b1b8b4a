// The ballot encryption benchmark, shared by Node (bench.mjs) and headless Chromium
// (bench.html, run by scripts/bench-browser): the time to encrypt and prove one ballot
// (encryptBallot: ciphertexts, bit proofs, sum proofs, ballot digest, signature).

const OPTIONS = Array.from({ length: 20 }, (_, i) => `option-${i + 1}`);
// 3·G (RFC 9496 A.1) as the election key: any valid point costs the same.
const KEY = '94741f5d5d52755ece4f23f044ee27d5d1ea1e2bd196b462166b16152a9d0259';

function params(max) {
  return {
    election_id: 'bench',
    setup: '00'.repeat(32),
    public_key: KEY,
    questions: [{ id: 'q', ballot_type: 'approval', min: 0, max, options: OPTIONS }],
  };
}

export const CASES = [
  // Sums {0..20}: 20 bit proofs, no sum proof.
  { name: 'approval, 20 options, any number', params: () => params(20), approve: OPTIONS.slice(0, 7) },
  // Sums {0, 1, 2, 3}: 20 bit proofs and a 4-branch sum proof.
  { name: 'approval, 20 options, at most 3', params: () => params(3), approve: OPTIONS.slice(0, 3) },
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Runs every case `runs` times (after 3 warm-up ballots); times in milliseconds. */
export function runBench(e2e, { runs = 50, now = () => performance.now() } = {}) {
  return CASES.map((c) => {
    let t = now();
    const p = e2e.parseParams(c.params());
    const setupMs = now() - t; // includes the election key's precomputed table
    const bits = e2e.bitsFromAnswers(p, [{ approve: c.approve }]);
    const { secret } = e2e.generateCredential();
    for (let i = 0; i < 3; i++) e2e.encryptBallot(p, bits, { credentialSecret: secret });
    const times = [];
    for (let i = 0; i < runs; i++) {
      t = now();
      e2e.encryptBallot(p, bits, { credentialSecret: secret });
      times.push(now() - t);
    }
    return {
      case: c.name,
      runs,
      setup_ms: +setupMs.toFixed(1),
      median_ms: +median(times).toFixed(1),
      mean_ms: +(times.reduce((a, b) => a + b, 0) / runs).toFixed(1),
      min_ms: +Math.min(...times).toFixed(1),
    };
  });
}

export function format(where, results) {
  return results
    .map((r) => `${where}: ${r.case}: ${r.median_ms} ms per ballot (median of ${r.runs}; mean ${r.mean_ms}, min ${r.min_ms}; first parse with key table ${r.setup_ms} ms)`)
    .join('\n');
}
