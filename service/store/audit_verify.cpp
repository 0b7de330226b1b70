// `audit verify`: the chain walked, and the events it records read back (docs/decisions.md,
// "Audit trail": what it names and what it cannot detect).
#include <fmt/format.h>

#include <algorithm>
#include <deque>

#include "store/audit.hpp"

namespace motcua::store {

namespace {

std::string range_text(std::int64_t first, std::int64_t last) {
    return first == last ? fmt::format("entry {} is", first)
                         : fmt::format("entries {}–{} are", first, last);
}

/// The event row `seq` as its digest reads it; nullopt when there is none, "changed" when a
/// column holds a value of a type the service never writes there.
struct EventRead {
    bool found = false;
    std::string digest;
};

EventRead read_event(Statement& st, std::int64_t seq) {
    st.bind(1, seq);
    EventRead out;
    if (st.step()) {
        out.found = true;
        bool typed = true;
        EventColumns c;
        const auto want = [&](int col, int sqlite_type, bool nullable) {
            const bool null = st.is_null(col);
            if (null) {
                if (!nullable) typed = false;
                return false;
            }
            if (st.column_type(col) != sqlite_type) typed = false;
            return true;
        };
        want(0, SQLITE_INTEGER, false);
        c.seq = st.int64(0);
        want(1, SQLITE_TEXT, false);
        c.type = st.text(1);
        want(2, SQLITE_INTEGER, false);
        c.at = st.int64(2);
        want(3, SQLITE_TEXT, false);
        c.day = st.text(3);
        if (want(4, SQLITE_TEXT, true)) c.ticket_id = st.text(4);
        if (want(5, SQLITE_INTEGER, true)) c.counter = st.int64(5);
        want(6, SQLITE_TEXT, false);
        c.payload = st.text(6);
        if (want(7, SQLITE_TEXT, true)) c.officer = st.text(7);
        if (want(8, SQLITE_TEXT, true)) c.detail = st.text(8);
        out.digest = typed ? event_digest(c) : "(a column of an unexpected type)";
    }
    st.reset();
    return out;
}

}  // namespace

AuditCheck verify_audit(Database& db) {
    AuditCheck check;
    auto& problems = check.problems;

    // The head as recorded beside the chain.
    std::optional<std::pair<std::int64_t, std::string>> head;
    {
        auto st = db.prepare("SELECT value FROM meta WHERE key = 'audit_head'");
        if (st.step()) {
            const std::string v = st.text(0);
            const auto space = v.find(' ');
            try {
                if (space != std::string::npos)
                    head = std::pair{std::stoll(v.substr(0, space)), v.substr(space + 1)};
            } catch (const std::exception&) {
            }
            if (!head)
                problems.push_back(fmt::format("the chain's head record '{}' is damaged", v));
        }
    }
    std::int64_t after_seq = -1;  // events after this one must each have an entry
    {
        auto st = db.prepare("SELECT value FROM meta WHERE key = 'audit_after_seq'");
        if (st.step()) {
            try {
                after_seq = std::stoll(st.text(0));
            } catch (const std::exception&) {
            }
        }
    }

    auto event = db.prepare(
        "SELECT seq, type, at, day, ticket_id, counter, payload, officer, detail FROM events "
        "WHERE seq = ?1");
    std::vector<std::pair<std::int64_t, std::int64_t>> covered;  // (event seq, entry id)

    // The rows in id order with one of lookahead: an entry the chain skips over was inserted.
    auto rows = db.prepare(fmt::format("SELECT {} FROM audit ORDER BY id", kAuditColumns));
    struct Row {
        AuditEntry e;
        bool sealed = false;
    };
    std::deque<Row> window;
    const auto fetch = [&] {
        if (!rows.step()) return false;
        Row r{audit_entry_of(rows), false};
        r.sealed = audit_row_hash(rows, r.e) == r.e.hash;
        window.push_back(std::move(r));
        return true;
    };
    std::int64_t prev_id = 0;                // the row read before (0: none)
    std::string chain_hash = kAuditGenesis;  // the last entry accepted into the chain
    std::int64_t chain_id = 0;
    const std::int64_t head_id = head ? head->first : -1;
    std::optional<std::int64_t> head_at;   // the row whose stored hash is the recorded head
    std::vector<std::int64_t> after_head;  // rows after it: appended outside motcua
    fetch();
    while (!window.empty()) {
        if (window.size() < 2) fetch();
        Row cur = std::move(window.front());
        window.pop_front();
        const Row* next = window.empty() ? nullptr : &window.front();
        const AuditEntry& e = cur.e;
        ++check.entries;
        const std::int64_t gap_from = prev_id + 1;
        prev_id = e.id;

        if (head_at) {  // the chain ended before this row
            after_head.push_back(e.id);
            continue;
        }
        bool accept = true;
        const bool linked = e.prev_hash == chain_hash;
        // The next row links to this one's predecessor: the chain passes this row by.
        const bool passed_by = next != nullptr && next->e.prev_hash == chain_hash;
        if (e.id > gap_from) {
            problems.push_back(fmt::format("{} missing (deleted)", range_text(gap_from, e.id - 1)));
            if (!cur.sealed) problems.push_back(fmt::format("audit entry {} was changed", e.id));
        } else if (passed_by && !(linked && cur.sealed)) {
            problems.push_back(
                fmt::format("entry {} was inserted after {}", e.id,
                            chain_id == 0 ? std::string("the start") : std::to_string(chain_id)));
            accept = false;
        } else if (!linked && cur.sealed) {
            problems.push_back(
                fmt::format("the chain breaks between entries {} and {}: entry {} was rewritten, "
                            "or entries between them were deleted",
                            chain_id, e.id, chain_id));
        } else if (!cur.sealed) {
            problems.push_back(fmt::format("audit entry {} was changed", e.id));
        }
        if (!accept) continue;
        // By hash, not id: entries renumbered after an insertion still end where they did.
        if (head && e.hash == head->second) head_at = e.id;
        chain_hash = e.hash;
        chain_id = e.id;

        if (e.event_seq) {
            const std::int64_t seq = *e.event_seq;
            covered.emplace_back(seq, e.id);
            const EventRead found = read_event(event, seq);
            if (!found.found)
                problems.push_back(
                    fmt::format("event {} is missing (deleted); audit entry {} "
                                "records it",
                                seq, e.id));
            else if (cur.sealed && found.digest != e.event_digest.value_or(""))
                problems.push_back(
                    fmt::format("event {} was changed (audit entry {} records it)", seq, e.id));
        }
    }
    if (!after_head.empty())
        problems.push_back(
            after_head.size() == 1
                ? fmt::format("entry {} was inserted after {} (the chain ended at {})",
                              after_head.front(), *head_at, *head_at)
                : fmt::format("entries {}–{} were inserted after {} (the chain ended at {})",
                              after_head.front(), after_head.back(), *head_at, *head_at));
    if (head && !head_at) {
        if (prev_id < head_id)
            problems.push_back(
                fmt::format("{} missing at the end (deleted)", range_text(prev_id + 1, head_id)));
        else
            problems.push_back(fmt::format(
                "the chain does not end at its recorded head (entry {}): the last entries were "
                "rewritten, or deleted and replaced",
                head_id));
    }
    if (!head && check.entries > 0)
        problems.push_back(
            "the chain's head record (meta 'audit_head') is missing: the last entries were "
            "deleted or replaced");
    if (head) {
        check.head_id = head->first;
        check.head_hash = head->second;
    }

    // Every event since the trail began has exactly one entry.
    std::sort(covered.begin(), covered.end());
    for (std::size_t i = 1; i < covered.size(); ++i)
        if (covered[i].first == covered[i - 1].first)
            problems.push_back(fmt::format("audit entries {} and {} both record event {}",
                                           covered[i - 1].second, covered[i].second,
                                           covered[i].first));
    if (!covered.empty()) {
        check.first_event = covered.front().first;
        check.last_event = covered.back().first;
        after_seq =
            after_seq < 0 ? check.first_event - 1 : std::min(after_seq, check.first_event - 1);
    }
    if (after_seq >= 0) {
        auto st = db.prepare("SELECT seq FROM events WHERE seq > ?1 ORDER BY seq");
        st.bind(1, after_seq);
        std::size_t i = 0;
        while (st.step()) {
            const std::int64_t seq = st.int64(0);
            while (i < covered.size() && covered[i].first < seq) ++i;
            if (i < covered.size() && covered[i].first == seq) continue;
            problems.push_back(fmt::format(
                "event {} has no audit entry (inserted, or its entry was deleted)", seq));
        }
        if (check.first_event == 0) check.first_event = after_seq + 1;
    }
    return check;
}

}  // namespace motcua::store
