#!/usr/bin/env python3
"""Writes the hand-made seeds of fuzz_router (tests/fuzz/corpus/router/seed-*): short scripts of
requests in the byte layout that fuzz_router.cpp reads (Reader: one byte per choice, from the
front). Keep the indexes below in step with its lists and with the route table's order
(service/api/route_table.cpp). Usage: tests/fuzz/router_seeds.py OUT_DIR"""
import pathlib
import sys

ROUTES = {  # index in the route table
    "metrics": 0, "phone_page": 1, "healthz": 2, "openapi": 3, "login": 4, "categories": 5,
    "procedures": 6, "due_date": 7, "counters": 8, "tickets": 9, "ticket": 10, "queue": 11,
    "ratings": 12, "events": 13, "open": 14, "close": 15, "pause": 16, "call_next": 17,
    "recall": 18, "start": 19, "no_show": 20, "reinstate": 21, "transfer": 22, "finish": 23,
    "slots": 24, "book": 25, "booking": 26, "cancel": 27, "check_in": 28, "page": 29,
    "page_post": 30, "page_booking": 31, "page_cancel": 32, "appointments": 33, "dossier": 34,
    "dossier_status": 35, "apology": 36, "form": 37, "turnaround": 38, "ratings_report": 39,
    "waits": 40, "appointments_report": 41, "estimates": 42, "dossier_report": 43,
    "register": 44, "clock": 45,
}
CALLERS = {"anonymous": 0, "kiosk": 1, "rating": 2, "board": 3, "officer": 4, "supervisor": 5,
           "admin": 6, "garbage": 7, "malformed": 8}
FIELDS = ["category", "priority", "priority_reason", "idempotency_key", "ticket", "level",
          "reasons", "comment", "outcome", "procedure", "dossier", "applicant", "name", "phone",
          "id_number", "address", "status", "note", "new_due", "reason", "username", "password",
          "now", "date", "start", "code", "from", "to", "group_by", "format", "kind", "lang",
          "token"]
VALUES = ["HT", "DC", "VX", "TK", "XX", "elderly", "disability", "pregnant", "merit", "resolved",
          "dossier_received", "supplement_requested", "refused", "guidance", "result_returned",
          "received", "in_process", "ready", "returned", "attitude", "long_wait",
          "unclear_guidance", "several_trips", "other", "HT-KS", "HT-KH", "DC-XPXD", "VX-TCXH",
          "2026-11-23", "2026-11-24", "2026-12-31", "2026-02-30", "0001-01-01", "9999-12-31",
          "2026-11-23T08:30:00+07:00", "2026-11-24T14:00:00+07:00", "2126-11-24T14:00:00+07:00",
          "08:00", "08:15", "25:61", "0912345678", "+84912345678", "Nguyễn Văn An", "lan", "en"]
QUERY_VALUES = ["category", "counter", "officer", "day", "hour", "procedure", "json", "csv",
                "xlsx", "pdf", "appointment", "walk_in"]
VALID = 2  # a param_value / field_value choice that gives a valid-looking value


def field(key, value=None):
    """A JSON field: key from FIELDS, then its valid-looking value."""
    out = [1, FIELDS.index(key), 8]
    if key in ("ticket", "dossier", "code"):
        out.append(value or 0)  # index in the pool of ids the ward gave out
    elif key == "level":
        out.append(value)
    elif key == "priority":
        out.append(1 if value else 0)
    elif key == "reasons":
        out += [len(value)] + [VALUES.index(v) for v in value]
    elif key == "applicant":
        out += [1, 1]
    else:
        out.append(VALUES.index(value))
    return out


def request(route, caller, params=(), query=(), body=None):
    out = [ROUTES[route]]
    out += params
    out += [1, 0, CALLERS[caller]]  # no extra segment, the route's method, who calls
    if caller in ("garbage", "malformed"):
        out.append(0)  # "not-a-token"; "Bearer" alone
    out.append(1)  # the token in the header
    out.append(len(query))
    for key, value in query:
        out += [1, FIELDS.index(key)]
        if value in QUERY_VALUES:
            out += [0, QUERY_VALUES.index(value)]
        else:
            out += [3, VALUES.index(value)]
    out.append(0)  # application/json
    if body is None:
        out.append(0)
    else:
        out += [2, len(body)] + [b for f in body for b in f]
    out.append(0)  # from 127.0.0.1
    return out


def counter(n):
    return [VALID, n]


def pool(k=0):
    return [VALID, k]


def dossier_code(k=0):
    return [VALID, 0, k]


def booking_code(k=0):
    return [VALID, 1, k]


def script(*requests):
    out = [len(requests) - 1]
    for r in requests:
        out += r
    assert len(requests) <= 8
    return bytes(out)


SEEDS = {
    "seed-served-and-rated": script(
        request("open", "officer", counter(1)),
        request("tickets", "kiosk", body=[field("category", "HT"), field("priority", False)]),
        request("call_next", "officer", counter(1)),
        request("start", "officer", counter(1)),
        request("finish", "officer", counter(1),
                body=[field("outcome", "dossier_received"), field("procedure", "HT-KS"),
                      field("applicant")]),
        request("ratings", "rating", body=[field("ticket"), field("level", 2),
                                           field("reasons", ["long_wait", "attitude"])]),
        request("dossier", "anonymous", dossier_code()),
        request("turnaround", "supervisor",
                query=[("from", "2026-11-23"), ("to", "2026-11-23"), ("group_by", "officer")]),
    ),
    "seed-dossier-life": script(
        request("open", "officer", counter(1)),
        request("tickets", "kiosk", body=[field("category", "HT")]),
        request("call_next", "officer", counter(1)),
        request("finish", "officer", counter(1),
                body=[field("outcome", "dossier_received"), field("procedure", "HT-KH"),
                      field("applicant")]),
        request("dossier_status", "officer", dossier_code(), body=[field("status", "in_process")]),
        request("apology", "officer", dossier_code(),
                body=[field("new_due", "2026-12-31"), field("reason", "Nguyễn Văn An")]),
        request("form", "officer", dossier_code() + [VALID, 0]),
        request("dossier_report", "admin",
                query=[("from", "2026-11-23"), ("to", "2026-11-24"), ("format", "csv")]),
    ),
    "seed-appointments": script(
        request("slots", "anonymous", query=[("category", "HT"), ("date", "2026-11-24")]),
        request("book", "anonymous",
                body=[field("category", "HT"), field("date", "2026-11-24"),
                      field("start", "08:00"), field("phone", "0912345678")]),
        request("booking", "anonymous", booking_code()),
        request("clock", "anonymous", body=[field("now", "2026-11-24T14:00:00+07:00")]),
        request("check_in", "kiosk", booking_code()),
        request("appointments", "officer", query=[("date", "2026-11-24")]),
        request("page", "anonymous", query=[("lang", "en")]),
        request("cancel", "anonymous", booking_code()),
    ),
    "seed-counter-moves": script(
        request("open", "supervisor", counter(2)),
        request("tickets", "kiosk", body=[field("category", "VX")]),
        request("tickets", "kiosk", body=[field("category", "HT"), field("priority", True),
                                          field("priority_reason", "elderly")]),
        request("call_next", "supervisor", counter(2)),
        request("transfer", "supervisor", counter(2), body=[field("category", "HT")]),
        request("call_next", "supervisor", counter(2)),
        request("no_show", "supervisor", counter(2)),
        request("reinstate", "supervisor", counter(2), body=[field("ticket")]),
    ),
    "seed-reads": script(
        request("healthz", "anonymous"),
        request("categories", "board"),
        request("counters", "kiosk"),
        request("queue", "anonymous"),
        request("due_date", "officer", [VALID, 2, 0]),
        request("ticket", "anonymous", pool()),
        request("estimates", "officer", query=[("from", "2026-11-23"), ("to", "2026-11-23")]),
        request("metrics", "anonymous"),
    ),
    "seed-bad-callers": script(
        request("categories", "garbage"),
        request("tickets", "board", body=[field("category", "HT")]),
        request("open", "kiosk", counter(1)),
        request("login", "anonymous", body=[field("username", "lan"), field("password", "lan")]),
    ),
}

if __name__ == "__main__":
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for name, data in SEEDS.items():
        (out / name).write_bytes(data)
        print(f"{out / name}: {len(data)} bytes")
