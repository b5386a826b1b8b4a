#!/usr/bin/env python3
"""Differential test: Urna against independent implementations on random elections.

Oracles (installed by scripts/differential from PyPI and crates.io):
- pref_voting 1.18.2 for winners of every method it has (float arithmetic: winners only);
- stv-rs 0.5.1 (`--arithmetic fixed9 meek`) for Meek: winners and every stage's quota.

Only elections without ties are compared strictly: where the oracle returns several winners
(a tie it does not break) or Urna drew a lot, the case is counted as "tied" and checked for
consistency only (Urna's winner must be among the oracle's). Prints a summary line per method
and every disagreement, and exits non-zero if any untied case disagrees.
"""

import argparse
import signal
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict

from pref_voting.profiles import Profile
from pref_voting.profiles_with_ties import ProfileWithTies
from pref_voting.grade_profiles import GradeProfile
from pref_voting import margin_based_methods as mbm
from pref_voting import iterative_methods as itm
from pref_voting import scoring_methods as scm
from pref_voting import grade_methods as gm
from pref_voting import proportional_methods as pm

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
URNA = os.environ.get("URNA_BIN", os.path.join(ROOT, "target", "release", "urna"))
NAMES = ["Ann", "Bob", "Cy", "Dee", "Eve", "Fay", "Gus", "Hal", "Ida", "Jo"]


def run_urna(path, method, seats, extra=()):
    out = subprocess.run(
        [URNA, "tally", path, "--method", method, "--seats", str(seats), "--format", "json", *extra],
        capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"urna {method} failed on {path}: {out.stderr.strip()}")
    return json.loads(out.stdout)


def write_blt(path, ncand, seats, ballots, nicks=False):
    """BLT with candidate numbers, or with a [nick] line and nicks (stv-rs reads only those)."""
    ref = (lambda c: NAMES[c].lower()) if nicks else (lambda c: str(c + 1))
    with open(path, "w") as f:
        f.write(f"{ncand} {seats}\n")
        if nicks:
            f.write(f"[nick {' '.join(NAMES[c].lower() for c in range(ncand))}]\n")
        for weight, ranking in ballots:
            f.write(f"{weight} {' '.join(ref(c) for c in ranking)} 0\n")
        f.write("0\n")
        for c in range(ncand):
            f.write(f'"{NAMES[c]}"\n')
        f.write('"random election"\n')


def write_csv(path, ncand, ballots, header_lines=()):
    with open(path, "w") as f:
        for h in header_lines:
            f.write(h + "\n")
        f.write(",".join(NAMES[:ncand]) + "\n")
        for scores in ballots:
            f.write(",".join(str(s) for s in scores) + "\n")


def random_ranked(rng, full):
    ncand = rng.randint(3, 7)
    nballots = rng.randint(5, 80)
    ballots = []
    for _ in range(nballots):
        order = list(range(ncand))
        rng.shuffle(order)
        if not full:
            order = order[: rng.randint(1, ncand)]
        ballots.append((1, order))
    return ncand, ballots


class OracleTimeout(Exception):
    pass


def _alarm(signum, frame):
    raise OracleTimeout()


def with_timeout(fn, *args, seconds=20):
    """Some oracle functions are exponential on ties (pref_voting's ranked_pairs tries every
    tie order): give each call a time limit and count the case as unresolved when it passes."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    try:
        return fn(*args)
    finally:
        signal.alarm(0)


class Tally:
    def __init__(self):
        self.stats = defaultdict(lambda: defaultdict(int))
        self.disagreements = []

    def compare(self, method, case, ours, theirs, urna_tied):
        """ours: list of names elected; theirs: list of winner sets or a set."""
        s = self.stats[method]
        s["compared"] += 1
        if urna_tied or len(theirs) != len(set(ours)) and len(theirs) > len(ours):
            s["tied"] += 1
            if not set(ours) <= set(theirs):
                # A tie the two sides broke differently, so the committees differ.
                s["tied, other choice"] += 1
                self.disagreements.append(f"{method} {case}: urna {sorted(ours)} not within oracle's tied set {sorted(theirs)}")
            return
        if sorted(ours) == sorted(theirs):
            s["agree"] += 1
        else:
            s["disagree"] += 1
            self.disagreements.append(f"{method} {case}: urna {sorted(ours)} oracle {sorted(theirs)}")


def lot_drawn(report):
    """Whether a tie decided anything: a lot, or a rule's own tie-break (predeclared order,
    backwards, forwards). Oracles break ties their own way, so such cases are only checked
    for consistency."""
    return report["seed"] is not None or any(r["tie_break"] for r in report["rounds"])


def names(ids):
    return [NAMES[c] for c in ids]


def ranked_cases(rng, n, tmp, t):
    for i in range(n):
        # Condorcet family on truncated ballots: unranked below ranked (Debian A.6), which is
        # pref_voting's "extended strict preference".
        ncand, ballots = random_ranked(rng, full=False)
        path = os.path.join(tmp, f"r{i}.blt")
        write_blt(path, ncand, 1, ballots)
        prof = ProfileWithTies([{c: r for r, c in enumerate(b)} for _, b in ballots],
                               candidates=list(range(ncand)))
        prof.use_extended_strict_preference()
        for method, oracle in [
            ("schulze", lambda p: mbm.beat_path(p, strength_function=p.support)),
            ("ranked-pairs", lambda p: mbm.ranked_pairs(p, strength_function=p.support)),
            ("minimax", lambda p: mbm.minimax(p, strength_function=p.support)),
            ("plurality", lambda p: scm.plurality(p)),
        ]:
            rep = run_urna(path, method, 1)
            try:
                theirs = with_timeout(oracle, prof)
            except OracleTimeout:
                t.stats[method]["oracle timed out"] += 1
                continue
            t.compare(method, path, rep["elected"], names(theirs), lot_drawn(rep))

        # STV and IRV on complete rankings.
        ncand, ballots = random_ranked(rng, full=True)
        seats = rng.randint(1, max(1, ncand - 2))
        path = os.path.join(tmp, f"s{i}.blt")
        write_blt(path, ncand, seats, ballots)
        prof = Profile([b for _, b in ballots])
        rep = run_urna(path, "irv", 1)
        t.compare("irv", path, rep["elected"], names(itm.instant_runoff(prof)), lot_drawn(rep))
        for method, oracle in [
            ("scottish-stv", lambda p, k: pm.stv_scottish(p, num_seats=k)),
            ("meek", lambda p, k: pm.stv_meek(p, num_seats=k)),
            ("ers97", lambda p, k: pm.stv_nb(p, num_seats=k, ers_rounding=True)),
        ]:
            rep = run_urna(path, method, seats)
            try:
                theirs = with_timeout(oracle, prof, seats)
            except OracleTimeout:
                t.stats[method]["oracle timed out"] += 1
                continue
            # Multi-winner oracles return one committee (a list), or a list of tied committees.
            if theirs and isinstance(theirs[0], (list, tuple)):
                committees = [sorted(names(c)) for c in theirs]
                ours = sorted(rep["elected"])
                t.stats[method]["compared"] += 1
                if len(committees) == 1 and not lot_drawn(rep):
                    if committees[0] == ours:
                        t.stats[method]["agree"] += 1
                    else:
                        t.stats[method]["disagree"] += 1
                        t.disagreements.append(f"{method} {path} seats={seats}: urna {ours} oracle {committees[0]}")
                else:
                    t.stats[method]["tied"] += 1
            else:
                t.compare(method, f"{path} seats={seats}", rep["elected"], names(theirs), lot_drawn(rep))


def scored_cases(rng, n, tmp, t):
    for i in range(n):
        ncand = rng.randint(2, 6)
        nballots = rng.randint(3, 60)
        # Approval
        ballots = [[rng.randint(0, 1) for _ in range(ncand)] for _ in range(nballots)]
        path = os.path.join(tmp, f"a{i}.csv")
        write_csv(path, ncand, ballots)
        gp = GradeProfile([{c: b[c] for c in range(ncand)} for b in ballots], [0, 1])
        rep = run_urna(path, "approval", 1)
        t.compare("approval", path, rep["elected"], names(gm.approval(gp)), lot_drawn(rep))
        # Score, STAR and majority judgment on 0..5
        ballots = [[rng.randint(0, 5) for _ in range(ncand)] for _ in range(nballots)]
        path = os.path.join(tmp, f"g{i}.csv")
        write_csv(path, ncand, ballots, header_lines=["# scale: 0-5"])
        gp = GradeProfile([{c: b[c] for c in range(ncand)} for b in ballots], list(range(6)))
        for method, oracle in [
            ("score", gm.score_voting),
            ("star", gm.star),
            ("mj", gm.majority_judgement),
        ]:
            rep = run_urna(path, method, 1)
            t.compare(method, path, rep["elected"], names(oracle(gp)), lot_drawn(rep))


QUOTA = re.compile(r"^\tQuota: ([0-9.]+)$")
STATUS = re.compile(r"^\t(?:Elected|Hopeful|Defeated):\s+(.+) \(([0-9.]+)\)$")


def transcript_blocks(lines):
    """Each "Action:" block of an stv-rs transcript: its quota and the votes it lists."""
    blocks = []
    for l in lines:
        if l.startswith("Action:"):
            blocks.append({"action": l[len("Action: "):], "votes": {}, "quota": None})
        elif blocks and (m := STATUS.match(l)):
            blocks[-1]["votes"][m.group(1)] = m.group(2)
        elif blocks and (m := QUOTA.match(l)):
            blocks[-1]["quota"] = m.group(1)
    return blocks
ELECTED = re.compile(r"^\tElected:\s+(.+) \(")


def stv_rs_cases(rng, n, tmp, t):
    exe = shutil.which("stv-rs") or os.path.expanduser("~/.cargo/bin/stv-rs")
    if not os.path.exists(exe):
        print("stv-rs not installed: Meek transcript comparison skipped", file=sys.stderr)
        return
    for i in range(n):
        ncand, ballots = random_ranked(rng, full=False)
        seats = rng.randint(1, max(1, ncand - 2))
        path = os.path.join(tmp, f"m{i}.blt")
        write_blt(path, ncand, seats, ballots, nicks=True)
        with open(path) as f:
            out = subprocess.run([exe, "--arithmetic", "fixed9", "meek", "--parallel", "no"],
                                 stdin=f, capture_output=True, text=True)
        s = t.stats["meek vs stv-rs"]
        s["compared"] += 1
        if out.returncode != 0:
            s["oracle failed"] += 1
            continue
        lines = out.stdout.splitlines()
        quotas = [m.group(1) for l in lines if (m := QUOTA.match(l))]
        # The transcript's last block lists the final state of every candidate.
        last = max(i for i, l in enumerate(lines) if l.startswith("Action:"))
        final = [m.group(1) for l in lines[last:] if (m := ELECTED.match(l))]
        rep = run_urna(path, "meek", seats)
        # Every action block: same action, quota, and vote of every candidate it lists (a
        # candidate defeated at an earlier block is listed by stv-rs with 0 and absent in
        # Urna's report).
        blocks = transcript_blocks(lines)
        ok = sorted(final) == sorted(rep["elected"]) and len(blocks) == len(rep["rounds"])
        for block, rnd in zip(blocks, rep["rounds"]):
            if block["quota"] != rnd["quota"] or block["action"] != rnd["action"]:
                ok = False
            for name, v in block["votes"].items():
                if rnd["votes"].get(name, "0.000000000") != v:
                    ok = False
        s["stages compared"] += len(blocks)
        if ok:
            s["agree"] += 1
        else:
            s["disagree"] += 1
            t.disagreements.append(f"meek vs stv-rs {path}: urna {sorted(rep['elected'])} stv-rs {sorted(final)}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--elections", type=int, default=200, help="random elections per family")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--keep", action="store_true", help="keep the generated files")
    ap.add_argument("--only", choices=["ranked", "scored", "stv-rs"], help="one family only")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="urna-diff-")
    t = Tally()
    families = {"ranked": ranked_cases, "scored": scored_cases, "stv-rs": stv_rs_cases}
    for name, run in families.items():
        # Each family draws from its own generator, so --only reproduces the same elections.
        if args.only in (None, name):
            run(random.Random(f"{args.seed}-{name}"), args.elections, tmp, t)
    print(f"{'method':<16} {'compared':>8} {'agree':>6} {'tied':>5} {'tie, other':>10} {'disagree':>8}")
    for method, s in sorted(t.stats.items()):
        print(f"{method:<16} {s['compared']:>8} {s['agree']:>6} {s['tied']:>5} {s['tied, other choice']:>10} {s['disagree']:>8}"
              + (f"  (oracle failed {s['oracle failed']})" if s.get('oracle failed') else "")
              + (f"  (oracle timed out {s['oracle timed out']})" if s.get('oracle timed out') else "")
              + (f"  ({s['stages compared']} stages compared)" if s.get('stages compared') else ""))
    for d in t.disagreements:
        print("DISAGREE", d)
    if not args.keep:
        shutil.rmtree(tmp)
    else:
        print("files kept in", tmp)
    # pref_voting's stv_nb is the Newland–Britton surplus rule, not ERS97: it lacks ERS97's
    # last-parcel surplus transfer (5.3.2), deferred surpluses (5.2.2) and bulk exclusion
    # (5.2.5), so ERS97 disagreements are reported but do not fail the run.
    failing = [m for m, s in t.stats.items() if s["disagree"] and m != "ers97"]
    sys.exit(1 if failing else 0)


if __name__ == "__main__":
    main()
