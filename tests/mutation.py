#!/usr/bin/env python3
"""mutation.py - do the tests notice a wrong comparison, a negated
condition or a lost error return?  For each source file named, a sample of
mutants (one change each: a comparison flipped, an `if` condition negated,
a `return -1;` deleted) is built and the named tests run against it; a
mutant is killed when a test fails (or it times out).  Prints one line per
mutant and the score.  The source file is always restored.

  tests/mutation.py --build .build --per-file 8 --seed 1 \
      --tests "tests/test_store tests/test_faults" src/store/store_open.c ...

Run by `make mutation` (not part of `make check`: it rebuilds per mutant).
A surviving mutant is either a missing test or equivalent (the change
cannot alter behaviour); the line printed lets a person judge which.
"""
import argparse, os, random, re, subprocess, sys

FLIPS = [("==", "!="), ("!=", "=="), ("<=", ">"), (">=", "<"),
         (" < ", " >= "), (" > ", " <= ")]

def candidates(lines):
    """(line number, kind, new line) for every mutant of the file."""
    out = []
    in_comment = False
    for i, line in enumerate(lines):
        s = line.strip()
        if in_comment:
            in_comment = "*/" not in s
            continue
        if s.startswith("/*"):
            in_comment = "*/" not in s
            continue
        if s.startswith(("#", "//", "*")) or '"' in s and s.count('"') >= 2 and "if" not in s:
            continue
        if s == "return -1;":
            out.append((i, "delete error return", line.replace("return -1;", ";")))
        m = re.match(r"^(\s*)(if|while) \((.*)\)( \{)?$", line.rstrip("\n"))
        if m and m.group(3).count("(") == m.group(3).count(")"):
            new = "%s%s (!(%s))%s\n" % (m.group(1), m.group(2), m.group(3), m.group(4) or "")
            out.append((i, "negate condition", new))
        code = re.sub(r'"[^"]*"', lambda q: "\0" * len(q.group(0)), line)
        for a, b in FLIPS:
            for m in re.finditer(re.escape(a), code):
                if a in ("<=", ">=") or code[m.start():m.start() + 2] not in ("<<", ">>", "->"):
                    if a.strip() in ("<", ">") and (code[m.start() + 1:m.start() + 3] in ("<=", ">=", "<<", ">>")):
                        continue
                    new = line[:m.start()] + b + line[m.end():]
                    if "#include" not in line:
                        out.append((i, "%s -> %s" % (a.strip(), b.strip()), new))
    return out

def run(cmd, cwd, timeout):
    try:
        return subprocess.run(cmd, cwd=cwd, shell=True, timeout=timeout,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    except subprocess.TimeoutExpired:
        return "timeout"

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--per-file", type=int, default=8)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--tests", required=True, help="test programs/scripts, build-relative")
    ap.add_argument("--timeout", type=int, default=300)
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    tests = a.tests.split()
    progs = " ".join(t for t in tests if not t.endswith(".sh"))
    check = "make -s check TESTS='%s' >/dev/null 2>&1" % " ".join(tests)
    if run("make -s %s src/iotscope" % progs, a.build, a.timeout) != 0 or run(check, a.build, a.timeout) != 0:
        sys.exit("mutation.py: the tests do not pass on the unmutated tree")
    killed = built = 0
    for path in a.files:
        with open(path) as f:
            orig = f.readlines()
        muts = candidates(orig)
        rnd.shuffle(muts)
        for lineno, kind, new in muts[:a.per_file]:
            mutated = orig[:lineno] + [new] + orig[lineno + 1:]
            try:
                with open(path, "w") as f:
                    f.writelines(mutated)
                if run("make -s %s src/iotscope" % progs, a.build, a.timeout) != 0:
                    verdict = "did not build"
                else:
                    built += 1
                    rc = run(check, a.build, a.timeout)
                    verdict = "killed" if rc != 0 else "SURVIVED"
                    killed += rc != 0
            finally:
                with open(path, "w") as f:
                    f.writelines(orig)
                os.utime(path)
            print("%-9s %s:%d %s: %s" % (verdict.split()[0], path, lineno + 1, kind,
                                          orig[lineno].strip()), flush=True)
    run("make -s %s src/iotscope" % progs, a.build, a.timeout)
    pct = 100.0 * killed / built if built else 0.0
    print("mutation: %d killed of %d that built (%.0f %%)" % (killed, built, pct))

if __name__ == "__main__":
    main()
