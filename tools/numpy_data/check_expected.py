#!/usr/bin/env python3
"""Diffs a run of a NumPy generator script against the answers kept in expected/.

    python3 tools/numpy_data/check_expected.py functions            # runs gen_functions.py (needs NumPy)
    python3 tools/numpy_data/check_expected.py sort out.txt         # checks a saved run of gen_sort.py
    python3 tools/numpy_data/check_expected.py --update functions   # after review: new run -> expected/

expected/gen_functions.txt and expected/gen_sort.txt are the outputs of NumPy 2.5.2 (see
expected/README.md). Lines whose first word is unique (gen_functions.py: the case name) are
compared by that name and reported as changed, missing or new; other outputs (gen_sort.py) get a
unified diff. Exits 1 when anything differs, 0 otherwise. No NumPy is needed to check a saved run.
"""
import argparse
import difflib
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def expected_path(name):
    return os.path.join(HERE, "expected", "gen_%s.txt" % name)


def run_generator(name):
    script = os.path.join(HERE, "gen_%s.py" % name)
    r = subprocess.run([sys.executable, script], capture_output=True, text=True)
    # A traceback is part of the output: it shows up as a difference.
    return r.stdout + r.stderr


def keyed(lines):
    keys = [line.split(" ", 1)[0] for line in lines]
    if len(set(keys)) != len(keys):
        return None
    return dict(zip(keys, lines))


def compare(expected, actual, label):
    exp, act = expected.splitlines(), actual.splitlines()
    ke, ka = keyed(exp), keyed(act)
    if ke is not None and ka is not None:
        bad = 0
        for k, line in ke.items():
            if k not in ka:
                print("missing  %s" % line)
                bad += 1
            elif ka[k] != line:
                print("changed  %s\n    now  %s" % (line, ka[k]))
                bad += 1
        for k, line in ka.items():
            if k not in ke:
                print("new      %s" % line)
                bad += 1
        return bad
    diff = list(difflib.unified_diff(exp, act, "expected/" + os.path.basename(label), "this run", lineterm=""))
    for line in diff:
        print(line)
    return len(diff)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("name", choices=["functions", "sort"])
    ap.add_argument("output", nargs="?", help="a saved run of gen_<name>.py (default: run it now)")
    ap.add_argument("--update", action="store_true", help="write the run to expected/ instead of comparing")
    args = ap.parse_args()
    if args.output:
        with open(args.output) as f:
            actual = f.read()
    else:
        actual = run_generator(args.name)
    path = expected_path(args.name)
    if args.update:
        with open(path, "w") as f:
            f.write(actual)
        print("wrote", path)
        return 0
    with open(path) as f:
        expected = f.read()
    bad = compare(expected, actual, path)
    print("%s: %s" % (os.path.relpath(path, HERE), "differs (%d)" % bad if bad else "same"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
