#!/usr/bin/env python3
"""Crash consistency: SIGKILL writing commands at random moments and check that nothing is lost.

On a generated collection (Benchmarks/gen_corpus.py, Kazakh left out, with the XLIFF that
brings it) this runs `captions import`, `captions fmt`, `captions export signage` and the
editor's save (`captions serve` on a free port, a session with its CSRF token, one save after
another of a title on many exhibits, as a browser posts them) uninterrupted once each (the
reference), then again and again, each time killed with SIGKILL. After every kill it checks:

1. every file is byte-identical to its old or its new version (a file only in the old state
   may be gone; a file only in the new state may be missing); the only other files allowed are
   the writer's temporaries (.captions-PID-XXXXXX.tmp) and the lock file (.captions.lock);
2. `captions check` reads every caption file (exit 0 or 1, no `invalid-yaml` finding);
3. running the command again, uninterrupted, gives exactly the reference result, with no
   temporary left (for the editor: start it again and post the same saves).

Where the kills land. Half the kills of `import`, `fmt` and `export signage` come after a
random delay spread over a whole uninterrupted run ("spread": reading, typesetting, writing
temporaries, renaming). The other half are aimed at the renames: the script watches the
folders with inotify (no hook in `captions`), and when the first temporary is renamed over its
target it waits a random part of how long the renames took in the uninterrupted run, then
kills ("renames"). The editor is killed after a random delay spread over its run of saves.
After each kill the files tell where it landed: no new file (before any rename), some new and
some old (during the renames), every file new (after the renames), or the command had finished.

    python3 Tests/crash/kill_test.py [--captions BIN] [--count N] [--kills K] [--seed S] [--work DIR]
                                     [--commands import,fmt,signage,editor] [--saves N] [--jobs J]

The editor needs `swift build --product captions-editor` (beside the captions binary).
Exit 0 when every check passed; 1 with the first failures listed; 2 when something is missing.
"""

from __future__ import annotations

import argparse
import ctypes
import http.client
import json
import os
import random
import re
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PHASES = ("before", "mixed", "after", "between", "in-save", "finished")
PHASE_NAMES = {
    "before": "killed before any rename",
    "mixed": "during the renames",
    "after": "after the renames",
    "between": "between saves or before a save's rename",
    "in-save": "after a save's rename, before its answer",
    "finished": "finished before the kill",
}


def log(message: str) -> None:
    print(f"kill-test: {message}", file=sys.stderr, flush=True)


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


class RenameWatch:
    """Renames into the folders below a folder, seen through inotify (IN_MOVED_TO): a writer's
    renames of its temporaries over their targets. Standard library only (ctypes)."""

    IN_MOVED_TO = 0x80
    IN_NONBLOCK = 0o4000
    IN_CLOEXEC = 0o2000000
    _libc = None

    def __init__(self, folder: str):
        if RenameWatch._libc is None:
            RenameWatch._libc = ctypes.CDLL(None, use_errno=True)
        libc = RenameWatch._libc
        self.fd = libc.inotify_init1(self.IN_NONBLOCK | self.IN_CLOEXEC)
        if self.fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1")
        for dirpath, _, _ in os.walk(folder):
            if libc.inotify_add_watch(self.fd, os.fsencode(dirpath), self.IN_MOVED_TO) < 0:
                raise OSError(ctypes.get_errno(), f"inotify_add_watch {dirpath}")

    def drain(self) -> int:
        """Reads the events waiting; returns how many there were."""
        count = 0
        while True:
            try:
                data = os.read(self.fd, 1 << 16)
            except BlockingIOError:
                return count
            offset = 0
            while offset < len(data):
                _, _, _, length = struct.unpack_from("iIII", data, offset)
                offset += 16 + length
                count += 1

    def wait(self, timeout: float) -> bool:
        """Whether an event came within timeout seconds (the events are left unread)."""
        return bool(select.select([self.fd], [], [], max(0.0, timeout))[0])

    def close(self) -> None:
        os.close(self.fd)


class Scenario:
    """One writing command: its old state, its reference new state, how to run it."""

    def __init__(self, name: str, old: str, arguments: list[str], watched: str, new: dict[str, bytes]):
        self.name = name
        self.old = old  # a folder holding the state before the command
        self.arguments = arguments
        self.watched = watched  # the folder (relative to the state) whose files are compared
        self.old_files = snapshot(os.path.join(old, watched))
        self.new_files = new
        self.seconds = 1.0  # an uninterrupted run
        self.renames_start = 0.0  # seconds from the start to the first rename seen
        self.renames_seconds = 0.0  # from the first rename seen to the last


def run(binary: str, arguments: list[str], cwd: str) -> subprocess.CompletedProcess:
    return subprocess.run([binary] + arguments, cwd=cwd, capture_output=True, text=True, check=False)


def measure(binary: str, scenario: Scenario, trial: str) -> None:
    """Runs the command uninterrupted on a copy of its old state, timing the run and its renames."""
    shutil.rmtree(trial, ignore_errors=True)
    shutil.copytree(scenario.old, trial)
    watch = RenameWatch(os.path.join(trial, scenario.watched))
    started = time.monotonic()
    process = subprocess.Popen([binary] + scenario.arguments, cwd=trial, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    first = last = None
    events = 0
    while True:
        exited = process.poll() is not None
        if watch.wait(0.0005 if not exited else 0):
            now = time.monotonic()
            count = watch.drain()
            if count:
                events += count
                first = first if first is not None else now
                last = now
        elif exited:
            break
    scenario.seconds = time.monotonic() - started
    watch.close()
    if first is not None:
        scenario.renames_start = first - started
        scenario.renames_seconds = last - first
    log(f"{scenario.name}: an uninterrupted run takes {scenario.seconds:.2f} s; {events} renames seen, "
        f"from {scenario.renames_start:.3f} s for {scenario.renames_seconds * 1000:.1f} ms")


# The editor.

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Editor:
    """`captions serve` on a collection, and a curator's session in it (cookie and CSRF token)."""

    def __init__(self, binary: str, state: str):
        self.port = free_port()
        self.process = subprocess.Popen(
            [binary, "serve", os.path.join(state, "Captions"), "--port", str(self.port)], cwd=state,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.cookie = ""
        self.token = ""

    def request(self, method: str, path: str, body: dict[str, str] | None = None,
                timeout: float = 120) -> tuple[int, str, dict[str, str]]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        headers = {"Origin": f"http://127.0.0.1:{self.port}"}
        if self.cookie:
            headers["Cookie"] = f"captions_session={self.cookie}"
        data = None
        if body is not None:
            data = urllib.parse.urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=data, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            return response.status, text, {k.lower(): v for k, v in response.getheaders()}
        finally:
            connection.close()

    def start_session(self, exhibit: str, timeout: float) -> None:
        """Waits for the editor to serve `exhibit`; that page's cookie and form token are the
        session (as in Benchmarks/editor.sh)."""
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"the editor exited with {self.process.returncode} before serving")
            try:
                status, page, headers = self.request("GET", f"/exhibits/{exhibit}", timeout=5)
                if status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the editor did not serve an exhibit page in time")
            time.sleep(0.05)
        cookie = re.search(r"captions_session=([^;]+)", headers.get("set-cookie", ""))
        token = re.search(r'name="csrf-token" content="([0-9a-f]+)"', page)
        if not cookie or not token:
            raise RuntimeError("the editor's page has no session cookie or CSRF token")
        # The token is signed for this cookie (nothing of the session is kept without a
        # password): the two are the session, with no further request.
        self.cookie, self.token = cookie.group(1), token.group(1)

    def save(self, exhibit: str, field: str, text: str) -> None:
        """Reads the exhibit's page for the file's digest, then posts the save; raises unless 303."""
        status, page, _ = self.request("GET", f"/exhibits/{exhibit}")
        digest = re.search(r'name="_digest" value="([0-9a-f]+)"', page)
        if status != 200 or not digest:
            raise RuntimeError(f"GET /exhibits/{exhibit}: {status}")
        status, _, _ = self.request("POST", f"/exhibits/{exhibit}", {
            "_csrf": self.token, "_digest": digest.group(1), "_action": "save", field: text})
        if status != 303:
            raise RuntimeError(f"save of {exhibit}: {status}, not 303")

    def stop(self) -> None:
        """Stops an editor that has no save in flight (SIGTERM, then SIGKILL after 20 s)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class EditorScenario(Scenario):
    """The editor's save: one title edited on each of `saves` exhibits, one save after another."""

    def __init__(self, binary: str, old: str, saves: int, work: str):
        self.binary = binary
        files = sorted(os.path.join(dirpath, name) for dirpath, _, names in os.walk(os.path.join(old, "Captions"))
                       for name in names if name.endswith(".yml") and name not in ("captions.yml", "glossary.yml"))
        step = max(1, len(files) // saves)
        self.edits = []
        for index, path in enumerate(files[::step][:saves]):
            with open(path, encoding="utf-8") as handle:
                exhibit = re.search(r"^id: (\S+)", handle.read(), re.M).group(1)
            self.edits.append((exhibit, "title.en", f"Title saved by the kill test, {index + 1} (Өлке)"))
        reference = os.path.join(work, "edited")
        shutil.copytree(old, reference)
        started = time.monotonic()
        _, _, saves_started = self.run_saves(reference)
        saves_seconds = time.monotonic() - saves_started
        startup_seconds = saves_started - started
        super().__init__("editor save", old, [], "Captions", snapshot(os.path.join(reference, "Captions")))
        self.seconds = saves_seconds
        self.startup_seconds = startup_seconds
        log(f"editor save: {len(self.edits)} saves take {self.seconds:.2f} s after a start-up of "
            f"{self.startup_seconds:.2f} s")

    def run_saves(self, state: str, kill_after: float | None = None) -> tuple[int, bool, float]:
        """Starts the editor on state and posts every save; with kill_after, SIGKILLs the editor
        that many seconds after the first save was sent. Returns how many saves were answered,
        whether a save was in flight when the editor was killed, and when the first was sent."""
        editor = Editor(self.binary, state)
        try:
            editor.start_session(self.edits[0][0], timeout=600)
        except Exception:
            editor.process.kill()
            editor.process.wait()
            raise
        answered = 0
        errors: list[str] = []

        def post_all() -> None:
            nonlocal answered
            for exhibit, field, text in self.edits:
                try:
                    editor.save(exhibit, field, text)
                except (OSError, RuntimeError, http.client.HTTPException) as error:
                    errors.append(str(error))
                    return
                answered += 1

        saves_started = time.monotonic()
        poster = threading.Thread(target=post_all)
        poster.start()
        if kill_after is None:
            poster.join()
            editor.stop()
            if errors:
                raise RuntimeError(f"an uninterrupted editor run failed: {errors[0]}")
            return answered, False, saves_started
        poster.join(timeout=kill_after)
        editor.process.send_signal(signal.SIGKILL)
        editor.process.wait()
        poster.join()
        return answered, bool(errors), saves_started


# Checks after a kill.

def compare(scenario: Scenario, trial: str, label: str, failures: list[str]) -> tuple[int, int, int]:
    """Old or new, byte for byte: (files new, files old, leftovers)."""
    now = snapshot(os.path.join(trial, scenario.watched))
    olds = news = leftovers = 0
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
    return news, olds, leftovers


def check_reads_everything(binary: str, trial: str, label: str, failures: list[str]) -> None:
    check = run(binary, ["check", "--format", "json"], trial)
    if check.returncode not in (0, 1):
        failures.append(f"{label}: captions check exited {check.returncode}: {check.stderr.strip()}")
        return
    unreadable = [d for d in json.loads(check.stdout)["diagnostics"] if d["check"] == "invalid-yaml"]
    if unreadable:
        failures.append(f"{label}: captions check cannot read {len(unreadable)} files, e.g. {unreadable[0]}")


def check_rerun(scenario: Scenario, trial: str, label: str, failures: list[str]) -> None:
    final = snapshot(os.path.join(trial, scenario.watched))
    # A lock file left by the killed writer stays when the rerun has nothing to write.
    extra = sorted(path for path in final if path not in scenario.new_files
                   and os.path.basename(path) != ".captions.lock")
    if extra:
        failures.append(f"{label}: after the rerun these are left: {extra[:5]}")
    if {p: d for p, d in final.items() if p in scenario.new_files} != scenario.new_files:
        wrong = [p for p in scenario.new_files if final.get(p) != scenario.new_files[p]]
        failures.append(f"{label}: the rerun differs from an uninterrupted run in {len(wrong)} files, e.g. {wrong[:3]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--captions", default=os.path.join(ROOT, ".build/debug/captions"))
    parser.add_argument("--count", type=int, default=3000, help="exhibits in the generated collection")
    parser.add_argument("--kills", type=int, default=120, help="kills in all, spread over the commands")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--commands", default="import,fmt,signage,editor",
                        help="which writers to kill, comma-separated (import, fmt, signage, editor)")
    parser.add_argument("--saves", type=int, default=60, help="saves in one run of the editor")
    parser.add_argument("--jobs", type=int, default=1,
                        help="kills run side by side, each in its own copy (timings are measured alone)")
    parser.add_argument("--work", default="/dev/shm/captions-kill-test" if os.path.isdir("/dev/shm") else "/tmp/captions-kill-test")
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.captions)
    commands = [c.strip() for c in arguments.commands.split(",") if c.strip()]
    unknown = set(commands) - {"import", "fmt", "signage", "editor"}
    if unknown or not commands:
        print(f"kill-test: unknown commands {sorted(unknown)} (import, fmt, signage, editor)", file=sys.stderr)
        return 2
    if not os.access(binary, os.X_OK):
        print(f"kill-test: no captions binary at {binary} (swift build --product captions)", file=sys.stderr)
        return 2
    editor_binary = os.path.join(os.path.dirname(binary), "captions-editor")
    if "editor" in commands and not os.access(editor_binary, os.X_OK):
        print(f"kill-test: no editor at {editor_binary} (swift build --product captions-editor), "
              "or leave it out with --commands import,fmt,signage", file=sys.stderr)
        return 2
    random.seed(arguments.seed)
    work = arguments.work
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    os.environ["CAPTIONS_LOCK_TIMEOUT"] = "30"
    run_started = time.monotonic()

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
    scenarios: list[Scenario] = []
    if "import" in commands:
        scenarios.append(Scenario("import", base, ["import", "xliff/ru-kk.xlf"], "Captions",
                                  snapshot(os.path.join(imported, "Captions"))))
    if "fmt" in commands:
        unformatted = os.path.join(work, "unformatted")
        shutil.copytree(imported, unformatted)
        reindent(os.path.join(unformatted, "Captions"))
        formatted = os.path.join(work, "formatted")
        shutil.copytree(unformatted, formatted)
        done = run(binary, ["fmt"], formatted)
        assert done.returncode == 0, done.stderr
        scenarios.append(Scenario("fmt", unformatted, ["fmt"], "Captions", snapshot(os.path.join(formatted, "Captions"))))
    if "signage" in commands:
        # The old state holds an export made before the import (incomplete labels allowed).
        exported_before = os.path.join(work, "exported-before")
        shutil.copytree(imported, exported_before)
        shutil.rmtree(os.path.join(exported_before, "Captions"))
        shutil.copytree(os.path.join(base, "Captions"), os.path.join(exported_before, "Captions"))
        # Labels with check errors are written too (--allow-check-errors): this test is about how
        # the files are written, so it keeps every label the collection has.
        done = run(binary, ["export", "signage", "--allow-incomplete", "--allow-check-errors", "--out", "Out"],
                   exported_before)
        assert done.returncode in (0, 1), done.stderr
        shutil.rmtree(os.path.join(exported_before, "Captions"))
        shutil.copytree(os.path.join(imported, "Captions"), os.path.join(exported_before, "Captions"))
        exported = os.path.join(work, "exported")
        shutil.copytree(exported_before, exported)
        export = ["export", "signage", "--allow-check-errors", "--out", "Out"]
        done = run(binary, export, exported)
        assert done.returncode in (0, 1), done.stderr
        scenarios.append(Scenario("export signage", exported_before, export, "Out",
                                  snapshot(os.path.join(exported, "Out"))))
    for scenario in scenarios:
        measure(binary, scenario, os.path.join(work, "trial"))
    if "editor" in commands:
        scenarios.append(EditorScenario(binary, imported, arguments.saves, work))
    for scenario in scenarios:
        changed = sum(1 for path, data in scenario.new_files.items() if scenario.old_files.get(path) != data)
        log(f"{scenario.name}: {changed} files change")

    failures: list[str] = []
    tally = {(s.name, aim): dict.fromkeys(PHASES, 0) for s in scenarios for aim in ("spread", "renames")}
    totals = {"leftovers": 0, "kills": 0}
    lock = threading.Lock()
    # The plan, drawn before any kill so that a seed gives the same kills with any --jobs: the
    # command, the aim and a number in [0, 1) that places the kill.
    plan = []
    for kill in range(arguments.kills):
        scenario = scenarios[kill % len(scenarios)]
        # Every other kill of a command line aims at the renames.
        renames = not isinstance(scenario, EditorScenario) and (kill // len(scenarios)) % 2 == 1
        plan.append((kill, scenario, "renames" if renames else "spread", random.random()))

    def one_kill(kill: int, scenario: Scenario, aim: str, place: float, trial: str) -> None:
        shutil.rmtree(trial, ignore_errors=True)
        shutil.copytree(scenario.old, trial)
        note = ""
        answered = 0
        if isinstance(scenario, EditorScenario):
            delay = place * scenario.seconds * 1.05
            try:
                answered, in_flight, _ = scenario.run_saves(trial, kill_after=delay)
            except RuntimeError as error:
                failures.append(f"kill {kill + 1} (editor): {error}")
                return
            finished = answered == len(scenario.edits) and not in_flight
            note = f", {answered} saves answered"
        else:
            watch = RenameWatch(os.path.join(trial, scenario.watched)) if aim == "renames" else None
            process = subprocess.Popen([binary] + scenario.arguments, cwd=trial, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
            started = time.monotonic()
            if watch is None:
                delay = place * scenario.seconds * 1.05
                try:
                    process.wait(timeout=delay)
                except subprocess.TimeoutExpired:
                    pass
            else:
                # Wait for the first rename (or the end), then a part of the renames' time.
                while process.poll() is None and not watch.wait(0.002):
                    pass
                seen = time.monotonic()
                time.sleep(place * scenario.renames_seconds)
                delay = seen - started + place * scenario.renames_seconds
                watch.close()
            finished = process.poll() is not None
            if not finished:
                process.send_signal(signal.SIGKILL)
            process.wait()
        label = f"kill {kill + 1} ({scenario.name}, {aim}, {delay:.3f} s)"

        news, olds, left = compare(scenario, trial, label, failures)
        if isinstance(scenario, EditorScenario) and not finished:
            # An answered save is on disk; at most the one in flight is on disk unanswered.
            phase = "before" if news == 0 else "between" if news == answered else "in-save"
            if news not in (answered, answered + 1):
                failures.append(f"{label}: {answered} saves were answered but {news} files are new")
        else:
            phase = "finished" if finished else "mixed" if news and olds else "after" if news else "before"
        with lock:
            totals["leftovers"] += left
            totals["kills"] += 1
            tally[(scenario.name, aim)][phase] += 1
        log(f"{label}: {news} new, {olds} old, {PHASE_NAMES[phase]}{note}; failures so far {len(failures)}")

        check_reads_everything(binary, trial, label, failures)

        if isinstance(scenario, EditorScenario):
            try:
                scenario.run_saves(trial)
            except RuntimeError as error:
                failures.append(f"{label}: the rerun failed: {error}")
        else:
            again = run(binary, scenario.arguments, trial)
            if again.returncode not in (0, 1):
                failures.append(f"{label}: the rerun exited {again.returncode}: {again.stderr.strip()}")
        check_rerun(scenario, trial, label, failures)

    def worker(number: int) -> None:
        trial = os.path.join(work, f"trial-{number}")
        while len(failures) <= 20:
            with lock:
                if not plan:
                    return
                item = plan.pop(0)
            try:
                one_kill(*item, trial)
            except Exception as error:  # a broken harness is a failure too, not a hang
                failures.append(f"kill {item[0] + 1} ({item[1].name}): the test itself failed: {error!r}")

    workers = [threading.Thread(target=worker, args=(number,)) for number in range(max(1, arguments.jobs))]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    kills = totals["kills"]
    leftovers = totals["leftovers"]

    minutes = (time.monotonic() - run_started) / 60
    print(f"kill-test: {kills} kills on {arguments.count} exhibits (seed {arguments.seed}), {minutes:.1f} minutes")
    for scenario in scenarios:
        for aim in ("spread", "renames"):
            counts = tally[(scenario.name, aim)]
            if sum(counts.values()) == 0:
                continue
            print(f"kill-test:   {scenario.name} ({aim}): "
                  + ", ".join(f"{PHASE_NAMES[phase]} {counts[phase]}" for phase in PHASES))
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
