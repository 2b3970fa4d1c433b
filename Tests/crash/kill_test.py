#!/usr/bin/env python3
"""Crash consistency: SIGKILL writing commands at random moments and check that nothing is lost.

On a generated collection (Benchmarks/gen_corpus.py, Kazakh left out, with the XLIFF that
brings it) this runs `captions import`, `captions fmt` and `captions export signage`
uninterrupted once each (the reference), then again and again, each time killed with SIGKILL
after a random delay spread over the whole run (reading, writing temporaries, renaming). After
every kill it checks:

1. every file is byte-identical to its old or its new version (a file only in the old state
   may be gone; a file only in the new state may be missing); the only other files allowed are
   the writer's temporaries (.captions-PID-XXXXXX.tmp) and the lock file (.captions.lock);
2. `captions check` reads every caption file (exit 0 or 1, no `invalid-yaml` finding);
3. running the command again, uninterrupted, gives exactly the reference result, with no
   temporary left.

Kills that land part way through the renames are counted separately ("mixed": some files old,
some new). The editor's save is not driven here (see Documentation/Hardening.md).

    python3 Tests/crash/kill_test.py [--captions BIN] [--count N] [--kills K] [--seed S] [--work DIR]

Exit 0 when every check passed; 1 with the first failures listed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def snapshot(folder: str) -> dict[str, bytes]:
    """Every file below folder: relative path -> bytes."""
    result = {}
    for dirpath, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(dirpath, name)
            with open(path, "rb") as handle:
                result[os.path.relpath(path, folder)] = handle.read()
    return result


def is_leftover(relative: str) -> bool:
    name = os.path.basename(relative)
    return name == ".captions.lock" or (name.startswith(".captions-") and name.endswith(".tmp") and len(name) >= 20)


def reindent(folder: str) -> None:
    """Makes every exhibit file non-canonical (4-space indentation), so `fmt` rewrites each."""
    for dirpath, _, files in os.walk(folder):
        for name in files:
            if not name.endswith(".yml") or name == "captions.yml":
                continue
            path = os.path.join(dirpath, name)
            with open(path, encoding="utf-8") as handle:
                lines = handle.read().split("\n")
            with open(path, "w", encoding="utf-8") as handle:
                handle.write("\n".join(("  " + line) if line.startswith("  ") else line for line in lines))


class Scenario:
    """One writing command: its old state, its reference new state, how to run it."""

    def __init__(self, name: str, old: str, arguments: list[str], watched: str, new: dict[str, bytes]):
        self.name = name
        self.old = old  # a folder holding the state before the command
        self.arguments = arguments
        self.watched = watched  # the folder (relative to the state) whose files are compared
        self.old_files = snapshot(os.path.join(old, watched))
        self.new_files = new
        self.seconds = 1.0


def run(binary: str, arguments: list[str], cwd: str) -> subprocess.CompletedProcess:
    return subprocess.run([binary] + arguments, cwd=cwd, capture_output=True, text=True, check=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--captions", default=os.path.join(ROOT, ".build/debug/captions"))
    parser.add_argument("--count", type=int, default=3000, help="exhibits in the generated collection")
    parser.add_argument("--kills", type=int, default=120, help="kills in all, spread over the commands")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", default="/dev/shm/captions-kill-test" if os.path.isdir("/dev/shm") else "/tmp/captions-kill-test")
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.captions)
    if not os.access(binary, os.X_OK):
        print(f"kill-test: no captions binary at {binary} (swift build --product captions)", file=sys.stderr)
        return 2
    random.seed(arguments.seed)
    work = arguments.work
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    env = dict(os.environ, CAPTIONS_LOCK_TIMEOUT="30")
    os.environ.update(env)

    # The states: base (no Kazakh), imported (after import), unformatted (re-indented).
    base = os.path.join(work, "base")
    # The XLIFF of the full collection (with Kazakh targets) goes with the collection generated
    # without Kazakh: the generator gives both the same texts.
    for out, options in ((base + "-full", ["--xliff"]), (base, ["--omit", "kk"])):
        subprocess.run(
            [sys.executable, os.path.join(ROOT, "Benchmarks/gen_corpus.py"), "--out", out, "--count",
             str(arguments.count), "--missing-rate", "0", "--no-po", "--quiet"] + options, check=True)
    shutil.move(os.path.join(base + "-full", "xliff"), os.path.join(base, "xliff"))
    shutil.rmtree(base + "-full")
    imported = os.path.join(work, "imported")
    shutil.copytree(base, imported)
    done = run(binary, ["import", "xliff/ru-kk.xlf"], imported)
    assert done.returncode == 0, done.stderr
    unformatted = os.path.join(work, "unformatted")
    shutil.copytree(imported, unformatted)
    reindent(os.path.join(unformatted, "Captions"))
    formatted = os.path.join(work, "formatted")
    shutil.copytree(unformatted, formatted)
    done = run(binary, ["fmt"], formatted)
    assert done.returncode == 0, done.stderr
    # Signage: the old state holds an export made before the import (incomplete labels allowed).
    exported_before = os.path.join(work, "exported-before")
    shutil.copytree(imported, exported_before)
    shutil.rmtree(os.path.join(exported_before, "Captions"))
    shutil.copytree(os.path.join(base, "Captions"), os.path.join(exported_before, "Captions"))
    done = run(binary, ["export", "signage", "--allow-incomplete", "--out", "Out"], exported_before)
    assert done.returncode in (0, 1), done.stderr
    shutil.rmtree(os.path.join(exported_before, "Captions"))
    shutil.copytree(os.path.join(imported, "Captions"), os.path.join(exported_before, "Captions"))
    exported = os.path.join(work, "exported")
    shutil.copytree(exported_before, exported)
    done = run(binary, ["export", "signage", "--out", "Out"], exported)
    assert done.returncode in (0, 1), done.stderr

    scenarios = [
        Scenario("import", base, ["import", "xliff/ru-kk.xlf"], "Captions", snapshot(os.path.join(imported, "Captions"))),
        Scenario("fmt", unformatted, ["fmt"], "Captions", snapshot(os.path.join(formatted, "Captions"))),
        Scenario("export signage", exported_before, ["export", "signage", "--out", "Out"], "Out",
                 snapshot(os.path.join(exported, "Out"))),
    ]
    for scenario in scenarios:
        changed = sum(1 for path, data in scenario.new_files.items() if scenario.old_files.get(path) != data)
        trial = os.path.join(work, "trial")
        shutil.rmtree(trial, ignore_errors=True)
        shutil.copytree(scenario.old, trial)
        started = time.monotonic()
        run(binary, scenario.arguments, trial)
        scenario.seconds = time.monotonic() - started
        print(f"kill-test: {scenario.name}: {changed} files change, an uninterrupted run takes {scenario.seconds:.2f} s",
              file=sys.stderr)

    failures: list[str] = []
    tally = {scenario.name: {"before": 0, "mixed": 0, "after": 0, "finished": 0} for scenario in scenarios}
    leftovers = 0
    trial = os.path.join(work, "trial")
    for kill in range(arguments.kills):
        scenario = scenarios[kill % len(scenarios)]
        shutil.rmtree(trial, ignore_errors=True)
        shutil.copytree(scenario.old, trial)
        delay = random.uniform(0, scenario.seconds * 1.05)
        process = subprocess.Popen([binary] + scenario.arguments, cwd=trial, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        try:
            process.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            pass
        finished = process.poll() is not None
        if not finished:
            process.send_signal(signal.SIGKILL)
        process.wait()
        label = f"kill {kill + 1} ({scenario.name}, {delay:.3f} s)"

        # 1. Old or new, byte for byte.
        now = snapshot(os.path.join(trial, scenario.watched))
        olds = news = 0
        for path, data in now.items():
            if is_leftover(path):
                leftovers += 1
                continue
            old, new = scenario.old_files.get(path), scenario.new_files.get(path)
            if data == new and new != old:
                news += 1
            elif data == old and new != old:
                olds += 1
            elif data not in (old, new):
                failures.append(f"{label}: {scenario.watched}/{path} is neither its old nor its new version")
        for path in scenario.old_files.keys() & scenario.new_files.keys():
            if path not in now:
                failures.append(f"{label}: {scenario.watched}/{path} is missing")
        if finished:
            tally[scenario.name]["finished"] += 1
        elif news and olds:
            tally[scenario.name]["mixed"] += 1
        elif news:
            tally[scenario.name]["after"] += 1
        else:
            tally[scenario.name]["before"] += 1

        print(f"kill-test: {label}: {news} new, {olds} old, {'finished' if finished else 'killed'}; "
              f"failures so far {len(failures)}", file=sys.stderr, flush=True)

        # 2. Every caption file reads.
        check = run(binary, ["check", "--format", "json"], trial)
        if check.returncode not in (0, 1):
            failures.append(f"{label}: captions check exited {check.returncode}: {check.stderr.strip()}")
        else:
            unreadable = [d for d in json.loads(check.stdout)["diagnostics"] if d["check"] == "invalid-yaml"]
            if unreadable:
                failures.append(f"{label}: captions check cannot read {len(unreadable)} files, e.g. {unreadable[0]}")

        # 3. Running again gives the uninterrupted result, with no temporary left.
        again = run(binary, scenario.arguments, trial)
        if again.returncode not in (0, 1):
            failures.append(f"{label}: the rerun exited {again.returncode}: {again.stderr.strip()}")
        final = {path: data for path, data in snapshot(os.path.join(trial, scenario.watched)).items()}
        # A lock file left by the killed writer stays when the rerun has nothing to write.
        extra = sorted(path for path in final if path not in scenario.new_files
                       and os.path.basename(path) != ".captions.lock")
        if extra:
            failures.append(f"{label}: after the rerun these are left: {extra[:5]}")
        if {p: d for p, d in final.items() if p in scenario.new_files} != scenario.new_files:
            wrong = [p for p in scenario.new_files if final.get(p) != scenario.new_files[p]]
            failures.append(f"{label}: the rerun differs from an uninterrupted run in {len(wrong)} files, e.g. {wrong[:3]}")
        if failures and len(failures) > 20:
            break

    print(f"kill-test: {min(kill + 1, arguments.kills)} kills on {arguments.count} exhibits (seed {arguments.seed})")
    for name, counts in tally.items():
        print(f"kill-test:   {name}: killed before any rename {counts['before']}, during the renames {counts['mixed']}, "
              f"after the renames {counts['after']}, finished before the kill {counts['finished']}")
    print(f"kill-test: temporaries or lock files found after a kill (removed or reused by the rerun): {leftovers}")
    if failures:
        print(f"kill-test: FAILED ({len(failures)}):")
        for failure in failures[:20]:
            print("  " + failure)
        return 1
    print("kill-test: every file old or new, every file readable, every rerun equal to an uninterrupted run")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
