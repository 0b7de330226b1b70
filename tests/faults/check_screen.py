#!/usr/bin/env python3
"""The verdict of screen_link.sh (docs/testing-faults.md): what the screens did through the link
faults, against what the service recorded.

usage: check_screen.py EXPECT_JSON EVENTS_JSONL BOARD_LOG WAV_DIR

EXPECT_JSON (written by the test):
  head_seq     the service's last event seq when the board was up (it shows calls after it)
  max_age_s    the board's voice.max_age_s
  clock_base, local0
               the service's test clock ticks with the machine's: service time (epoch seconds)
               = clock_base + (machine time - local0)
  taps         [{"category": "VX", "outcome": "issued"|"failed"|"pending", "number": "C001"}]
  ratings      {"A001": 5, ...}: ticket number -> level given on a screen

Checks:
  board   every ticket_called / ticket_recalled after head_seq is logged as shown exactly once,
          and nothing else is;
  voice   no call is announced twice (log lines and WAV files); a call that was older than
          max_age_s when the board got it (its "shown" line's time on the service's clock minus
          the event's time) is not announced; one that was recent is announced once (3 s of
          tolerance either way for the clock's one-second steps);
  tickets every tap gave at most one ticket in its category, exactly the one on screen when the
          kiosk showed a number;
  ratings every rating given is stored exactly once with its level; no other rating is.
Prints one line per finding; exit 1 when any check fails.
"""
import datetime
import glob
import json
import os
import re
import sys

TOLERANCE_S = 3

SHOWN = re.compile(r"^(\S+ \S+) .*board: call #(\d+) (\S+) at counter (\d+) shown")
SAID = re.compile(r"board: announcing (\S+) at counter (\d+) \(call #(\d+)\)")
WAV = re.compile(r"^(\d+)-(\S+)-counter(\d+)\.wav$")


def epoch(rfc3339):
    return datetime.datetime.fromisoformat(rfc3339).timestamp()


def log_time(text):
    # spdlog's "%Y-%m-%d %H:%M:%S.%e" in the kiosk's zone; the test runs it with TZ=UTC.
    t = datetime.datetime.strptime(text, "%Y-%m-%d %H:%M:%S.%f")
    return t.replace(tzinfo=datetime.timezone.utc).timestamp()


def main():
    expect_path, events_path, log_path, wav_dir = sys.argv[1:5]
    with open(expect_path) as f:
        expect = json.load(f)
    with open(events_path) as f:
        events = [json.loads(line) for line in f if line.strip()]
    with open(log_path, errors="replace") as f:
        log = f.read().splitlines()
    failures = []

    def fail(msg):
        failures.append(msg)
        print("FAIL: " + msg)

    def ok(msg, since=None):
        # A section's summary: said only when the section found nothing wrong.
        if since is None or len(failures) == since:
            print("ok: " + msg)

    # ---- board: each call after the board came up, shown exactly once --------------------------
    start = len(failures)
    calls = {
        e["seq"]: e
        for e in events
        if e["type"] in ("ticket_called", "ticket_recalled") and e["seq"] > expect["head_seq"]
    }
    shown = {}
    for line in log:
        m = SHOWN.match(line)
        if m:
            seq = int(m.group(2))
            shown.setdefault(seq, []).append((log_time(m.group(1)), m.group(3), int(m.group(4))))
    for seq, e in sorted(calls.items()):
        n = len(shown.get(seq, []))
        number = e["ticket"]["number"]
        if n != 1:
            fail(f"call #{seq} ({number} at counter {e['counter']}) was shown {n} times")
        elif shown[seq][0][1:] != (number, e["counter"]):
            fail(f"call #{seq} was shown as {shown[seq][0][1:]}, the service says {number}")
    for seq in shown:
        if seq not in calls:
            fail(f"the board showed call #{seq}, which the service never made after it came up")
    if len(calls) < 8:
        fail(f"only {len(calls)} calls were made while the board watched: not a real test")
    ok(f"board: {len(calls)} calls, each shown once", start)

    # ---- voice ------------------------------------------------------------------------------------
    start = len(failures)
    said = {}
    for line in log:
        m = SAID.search(line)
        if m:
            said.setdefault(int(m.group(3)), []).append(m.group(1))
    wavs = {}
    for path in glob.glob(os.path.join(wav_dir, "*.wav")):
        m = WAV.match(os.path.basename(path))
        if not m:
            fail(f"unexpected file in the board's audio folder: {path}")
            continue
        wavs.setdefault(int(m.group(1)), []).append(m.group(2))
    for seq, names in sorted(said.items()):
        if len(names) != 1:
            fail(f"call #{seq} ({names[0]}) was announced {len(names)} times")
    for seq in set(said) | set(wavs):
        if seq not in calls:
            fail(f"call #{seq} was announced but is not a call made while the board watched")
        if seq in said and seq not in wavs:
            fail(f"call #{seq} was announced but no WAV was written")
        if seq in wavs and seq not in said:
            fail(f"call #{seq} has a WAV but no announcement in the log")
    recent = old = grey = 0
    max_age = expect["max_age_s"]
    for seq, e in sorted(calls.items()):
        if seq not in shown:
            continue
        arrived_local = shown[seq][0][0]
        service_then = expect["clock_base"] + (arrived_local - expect["local0"])
        age = service_then - epoch(e["at"])
        label = f"call #{seq} ({e['ticket']['number']}, {e['type']}, {age:.1f} s old on arrival)"
        n = len(said.get(seq, []))
        if age <= max_age - TOLERANCE_S:
            recent += 1
            if n != 1:
                fail(f"{label} is recent but was announced {n} times")
        elif age >= max_age + TOLERANCE_S:
            old += 1
            if n != 0:
                fail(f"{label} is older than {max_age} s but was announced")
        else:
            grey += 1
            if n > 1:
                fail(f"{label} was announced {n} times")
    if old == 0:
        fail("no call arrived older than max_age_s: the cut did not test the voice's age rule")
    if recent == 0:
        fail("no call arrived recent: the voice was not tested")
    ok(f"voice: {recent} recent calls said once each, {old} old ones not said, {grey} on the edge",
       start)

    # ---- tickets ----------------------------------------------------------------------------------
    issued = {}
    for e in events:
        if e["type"] == "ticket_issued":
            t = e["ticket"]
            issued.setdefault(t["category"], []).append(t["number"])
    by_category = {}
    for tap in expect["taps"]:
        by_category.setdefault(tap["category"], []).append(tap)
    for category, taps in by_category.items():
        got = issued.get(category, [])
        said = ", ".join(
            f"{t['phase']}: {t['outcome']}" + (f" {t['number']}" if t.get("number") else "")
            for t in taps
        )
        what = f"{category} ({said})"
        last = taps[-1]
        if any(t["outcome"] == "pending" for t in taps):
            fail(f"{what}: a tap got no word on screen")
        elif len(got) > 1:
            fail(f"{what}: the service issued {len(got)} tickets {got} to one citizen")
        elif last["outcome"] == "issued" and got != [last["number"]]:
            fail(f"{what}: the service issued {got}")
        else:
            ok(f"tickets: {what}: the service holds {got or 'none'}")

    # ---- ratings ----------------------------------------------------------------------------------
    start = len(failures)
    numbers = {}
    for e in events:
        if "ticket" in e and isinstance(e["ticket"], dict):
            numbers[e["ticket"]["id"]] = e["ticket"]["number"]
    stored = {}
    for e in events:
        if e["type"] == "rating_submitted":
            r = e["rating"]
            number = r.get("number") or numbers.get(r["ticket"], r["ticket"])
            stored.setdefault(number, []).append(r["level"])
    for number, level in expect["ratings"].items():
        got = stored.get(number, [])
        if got != [level]:
            fail(f"the rating of {number} (level {level}) is stored as {got}")
    for number in stored:
        if number not in expect["ratings"]:
            fail(f"a rating of {number} is stored that nobody gave: {stored[number]}")
    if len(expect["ratings"]) < 4:
        fail("fewer than four ratings were given: not a real test")
    ok(f"ratings: {len(expect['ratings'])} given, each stored once with its level", start)

    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
