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

}  // namespace

const char* const kAuditColumns =
    "id, at, who_kind, who, who_detail, action, subject, event_seq, event_digest, prev_hash, hash";

AuditEntry audit_entry_of(const Statement& st) {
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

std::string audit_row_hash(const Statement& st, const AuditEntry& e) {
    if (!parse_actor_kind(st.text_view(2))) return "(unknown kind)";
    return audit_hash(e);
}

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
                                     kAuditColumns))),
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
        fmt::format("SELECT {} FROM audit WHERE at >= ?1 AND at < ?2 ORDER BY id", kAuditColumns));
    st.bind(1, to_epoch_ms(from)).bind(2, to_epoch_ms(to));
    std::vector<AuditEntry> out;
    while (st.step()) {
        AuditEntry e = audit_entry_of(st);
        if (!who.empty() && e.who.name != who && to_string(e.who.kind) != who &&
            e.who.display() != who)
            continue;
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace motcua::store
