#include "store/audit.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <deque>

namespace motcua::store {

const std::string kAuditGenesis(64, '0');

namespace {

constexpr std::array<std::string_view, 5> kActorKinds{"officer", "device", "system", "public",
                                                      "cli"};

std::optional<ActorKind> parse_actor_kind(std::string_view text) {
    for (std::size_t i = 0; i < kActorKinds.size(); ++i)
        if (kActorKinds[i] == text) return static_cast<ActorKind>(i);
    return std::nullopt;
}

/// SHA-256 (OpenSSL: its SHA extensions make it several times faster than a portable one on
/// the ward's hot path) over typed, length-prefixed fields: no two different field lists hash
/// alike ("ab","c" is not "a","bc"; NULL is not "").
class Digest {
public:
    explicit Digest(std::string_view domain) : ctx_(EVP_MD_CTX_new()) {
        if (ctx_ == nullptr || EVP_DigestInit_ex(ctx_, sha256(), nullptr) != 1)
            throw SqliteError("SHA-256 is not available");
        text(domain);
    }
    ~Digest() { EVP_MD_CTX_free(ctx_); }
    Digest(const Digest&) = delete;
    Digest& operator=(const Digest&) = delete;

    Digest& text(std::string_view v) {
        tag('t', v.size());
        EVP_DigestUpdate(ctx_, v.data(), v.size());
        return *this;
    }
    Digest& text(const std::string& v) { return text(std::string_view(v)); }
    Digest& text(const std::optional<std::string>& v) {
        return v ? text(std::string_view(*v)) : null();
    }
    Digest& integer(std::int64_t v) {
        tag('i', static_cast<std::uint64_t>(v));
        return *this;
    }
    Digest& integer(const std::optional<std::int64_t>& v) { return v ? integer(*v) : null(); }
    Digest& null() {
        tag('n', 0);
        return *this;
    }
    std::string hex() {
        std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
        unsigned int size = 0;
        EVP_DigestFinal_ex(ctx_, out.data(), &size);
        static constexpr char kHex[] = "0123456789abcdef";
        std::string text(size * 2, '0');
        for (unsigned int i = 0; i < size; ++i) {
            text[2 * i] = kHex[out[i] >> 4];
            text[2 * i + 1] = kHex[out[i] & 0xf];
        }
        return text;
    }

private:
    static const EVP_MD* sha256() {
        // Fetched once: an implicit fetch per digest costs more than hashing a small row.
        static EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
        return md;
    }
    void tag(char kind, std::uint64_t n) {
        std::array<unsigned char, 9> b{};
        b[0] = static_cast<unsigned char>(kind);
        for (int i = 0; i < 8; ++i) b[static_cast<std::size_t>(1 + i)] = (n >> (8 * i)) & 0xff;
        EVP_DigestUpdate(ctx_, b.data(), b.size());
    }
    EVP_MD_CTX* ctx_;
};

std::string os_user() {
    const uid_t uid = getuid();
    if (const passwd* pw = getpwuid(uid); pw != nullptr && pw->pw_name != nullptr)
        return pw->pw_name;
    return fmt::format("uid {}", uid);
}

constexpr const char* kEntryColumns =
    "id, at, who_kind, who, who_detail, action, subject, event_seq, event_digest, prev_hash, hash";

AuditEntry entry_of(const Statement& st) {
    AuditEntry e;
    e.id = st.int64(0);
    e.at = from_epoch_ms(st.int64(1));
    // A kind this build does not know (an edited row) reads as a system entry: its hash fails.
    e.who.kind = parse_actor_kind(st.text_view(2)).value_or(ActorKind::system);
    e.who.name = st.text(3);
    e.who.detail = st.text(4);
    e.action = st.text(5);
    e.subject = st.text(6);
    e.event_seq = st.opt_int64(7);
    e.event_digest = st.opt_text(8);
    e.prev_hash = st.text(9);
    e.hash = st.text(10);
    return e;
}

/// The hash as stored: a row whose kind was edited to an unknown word must not verify.
std::string stored_hash(const Statement& st, const AuditEntry& e) {
    if (!parse_actor_kind(st.text_view(2))) return "(unknown kind)";
    return audit_hash(e);
}

}  // namespace

std::string_view to_string(ActorKind kind) {
    return kActorKinds[static_cast<std::size_t>(kind)];
}

Actor Actor::device(std::int64_t id, std::string name, std::string_view role) {
    return {ActorKind::device, std::move(name), fmt::format("#{} {}", id, role)};
}

Actor Actor::cli(std::string command) {
    return {ActorKind::cli, os_user(), std::move(command)};
}

std::string Actor::display() const {
    switch (kind) {
        case ActorKind::officer:
            return fmt::format("officer {}", name);
        case ActorKind::device:
            return fmt::format("device {} ({})", name, detail);
        case ActorKind::cli:
            return fmt::format("cli:{} ({})", detail, name);
        case ActorKind::system:
        case ActorKind::public_page:
            break;
    }
    return std::string(to_string(kind));
}

std::string audit_hash(const AuditEntry& e) {
    // The id is left out: the chain itself orders the entries (docs/decisions.md).
    return Digest("motcua-audit-1")
        .text(e.prev_hash)
        .integer(to_epoch_ms(e.at))
        .text(to_string(e.who.kind))
        .text(e.who.name)
        .text(e.who.detail)
        .text(e.action)
        .text(e.subject)
        .integer(e.event_seq)
        .text(e.event_digest)
        .hex();
}

std::string event_digest(const EventColumns& e) {
    return Digest("motcua-event-1")
        .integer(e.seq)
        .text(e.type)
        .integer(e.at)
        .text(e.day)
        .text(e.ticket_id)
        .integer(e.counter)
        .text(e.payload)
        .text(e.officer)
        .text(e.detail)
        .hex();
}

std::string event_subject(const DomainEvent& e) {
    std::string s;
    const auto add = [&s](const std::string& part) {
        if (!s.empty()) s += ' ';
        s += part;
    };
    if (e.rating) {
        add(fmt::format("rating {} of ticket {}", e.rating->level, e.rating->ticket_number));
    } else if (e.ticket) {
        add(fmt::format("ticket {}", e.ticket->number));
        if (e.ticket->counter) add(fmt::format("counter {}", *e.ticket->counter));
    } else if (e.counter) {
        add(fmt::format("counter {}", e.counter->number));
    }
    if (e.dossier) add(fmt::format("dossier {}", e.dossier->code));
    if (e.appointment) add(fmt::format("appointment {}", e.appointment->code));
    add(fmt::format("(event {})", e.seq));
    return s;
}

// ---- writing ----------------------------------------------------------------------------------

AuditWriter::AuditWriter(Database& db)
    : last_(db.prepare("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1")),
      insert_(db.prepare(fmt::format("INSERT INTO audit ({}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                                     "?8, ?9, ?10, ?11)",
                                     kEntryColumns))),
      head_(db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('audit_head', ?1)")) {}

void AuditWriter::append(AuditEntry e) {
    // Read inside the transaction: a command on the server may have appended since.
    if (last_.step()) {
        e.id = last_.int64(0) + 1;
        e.prev_hash = last_.text(1);
    } else {
        e.id = 1;
        e.prev_hash = kAuditGenesis;
    }
    last_.reset();
    e.hash = audit_hash(e);
    insert_.bind(1, e.id)
        .bind(2, to_epoch_ms(e.at))
        .bind(3, to_string(e.who.kind))
        .bind(4, e.who.name)
        .bind(5, e.who.detail)
        .bind(6, e.action)
        .bind(7, e.subject)
        .bind(8, e.event_seq)
        .bind(9, e.event_digest)
        .bind(10, e.prev_hash)
        .bind(11, e.hash)
        .run();
    // The head, kept apart from the rows: deleting or appending the last entries shows.
    head_.bind(1, fmt::format("{} {}", e.id, e.hash)).run();
}

// ---- reading ----------------------------------------------------------------------------------

std::vector<AuditEntry> audit_entries(Database& db, TimePoint from, TimePoint to,
                                      std::string_view who) {
    auto st = db.prepare(
        fmt::format("SELECT {} FROM audit WHERE at >= ?1 AND at < ?2 ORDER BY id", kEntryColumns));
    st.bind(1, to_epoch_ms(from)).bind(2, to_epoch_ms(to));
    std::vector<AuditEntry> out;
    while (st.step()) {
        AuditEntry e = entry_of(st);
        if (!who.empty() && e.who.name != who && to_string(e.who.kind) != who &&
            e.who.display() != who)
            continue;
        out.push_back(std::move(e));
    }
    return out;
}

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
    auto rows = db.prepare(fmt::format("SELECT {} FROM audit ORDER BY id", kEntryColumns));
    struct Row {
        AuditEntry e;
        bool sealed = false;
    };
    std::deque<Row> window;
    const auto fetch = [&] {
        if (!rows.step()) return false;
        Row r{entry_of(rows), false};
        r.sealed = stored_hash(rows, r.e) == r.e.hash;
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
