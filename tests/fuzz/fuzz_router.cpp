// Fuzz target: HTTP requests built from the ward's route table, sent through the in-process router
// of a real Ward (SQLite on /dev/shm, the test clock). Each input is a short script of requests:
// a route of the table (or a path of none), the right or a wrong method, its {parameters} filled
// with valid-looking or hostile values (ids and codes the ward answered earlier among them), a
// caller (every device and officer role, nobody, a garbage token, a malformed header, a token in
// the query), a query string, a content type and a body (JSON built from the API's field names,
// or raw bytes). Every reply is checked against the contract (DESIGN.md §4, §7):
//   - it comes, exactly once, within 30 s;
//   - its status is one the API uses, and never 5xx;
//   - a 4xx is {"error":{"code","message"}} with a known code whose status is the reply's (the
//     booking page alone answers its own refusals as HTML);
//   - a 2xx comes only from a route of the table whose access column lets the caller in (read
//     here independently of ward_allows), never for a bad token nor for a token in the query
//     of any route but the event stream, and a JSON 2xx parses.
// State is bounded: a fresh ward on a fresh database every kInputsPerWard inputs (environment
// MOTCUA_FUZZ_ROUTER_INPUTS_PER_WARD overrides it; 1 makes every input start on a new ward, which
// is how a crash that needs an earlier input's state is reproduced: docs/fuzzing.md).
#include <fmt/format.h>
#include <openssl/crypto.h>
#include <signal.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <array>
#include <boost/json.hpp>
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "../service/test_callers.hpp"
#include "api/ward.hpp"
#include "auth/crypto.hpp"

using namespace motcua;

namespace {

constexpr int kInputsPerWard = 500;
constexpr std::size_t kMaxRequests = 8;  // requests per input
constexpr std::size_t kPoolSize = 8;     // ids and codes remembered from answers

// Who calls: the roles of DESIGN.md §4, nobody, and callers whose credentials are bad.
enum class Caller {
    anonymous,
    kiosk,
    rating,
    board,
    officer,
    supervisor,
    admin,
    garbage,
    malformed
};
constexpr int kCallers = 9;

[[noreturn]] void fail(const std::string& what) {
    std::fprintf(stderr, "fuzz_router: %s\n", what.c_str());
    std::fflush(stderr);
    std::abort();
}

/// Reads choices from the front of the input; zeros and empty strings once it runs out, so every
/// prefix of an input is itself a valid (shorter) script.
class Reader {
public:
    Reader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
    [[nodiscard]] bool empty() const { return pos_ >= size_; }
    std::uint8_t byte() { return pos_ < size_ ? data_[pos_++] : 0; }
    std::size_t pick(std::size_t n) { return n == 0 ? 0 : byte() % n; }
    /// A length byte, then that many bytes (raw: any value).
    std::string bytes(std::size_t max) {
        const std::size_t n = std::min<std::size_t>(byte(), max);
        std::string out;
        while (out.size() < n && pos_ < size_) out.push_back(static_cast<char>(data_[pos_++]));
        return out;
    }
    /// Everything that is left.
    std::string rest() {
        std::string out(reinterpret_cast<const char*>(data_) + std::min(pos_, size_),
                        size_ - std::min(pos_, size_));
        pos_ = size_;
        return out;
    }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t pos_ = 0;
};

template <std::size_t N>
std::string from(Reader& in, const std::array<std::string_view, N>& list) {
    return std::string(list[in.pick(N)]);
}

// Values that are wrong for any parameter or field: empty, huge, traversal, escapes, numbers at
// the edges of int, invalid UTF-8, control characters, look-alikes of real codes.
constexpr std::array<std::string_view, 24> kHostile{
    "",
    "0",
    "-1",
    "2147483647",
    "2147483648",
    "-2147483649",
    "99999999999999999999",
    "1e9",
    "0x10",
    " 1",
    "..",
    "../../etc/passwd",
    "%00",
    "%",
    "\xC0\xAF",
    "\xff\xfe",
    "\xe1\xbb",
    "a\nb",
    "null",
    "{}",
    "Ậ",
    "000.17.22.H56-991399-9999",
    "000.17.22.H56-000000-0000",
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "A"};

constexpr std::array<std::string_view, 10> kMethods{"GET",     "POST", "PUT", "DELETE", "PATCH",
                                                    "OPTIONS", "HEAD", "get", "",       "POST "};
constexpr std::array<std::string_view, 8> kContentTypes{
    "application/json",  "application/json; charset=utf-8",   "APPLICATION/JSON",
    "text/plain",        "application/x-www-form-urlencoded", "",
    "application/jsonx", "multipart/form-data; boundary=x"};
constexpr std::array<std::string_view, 4> kRemotes{"127.0.0.1", "192.168.1.20", "::1", ""};

// The API's field and query names (shared/include/motcua/api.hpp, DESIGN.md §4, §10).
constexpr std::array<std::string_view, 33> kFields{"category",
                                                   "priority",
                                                   "priority_reason",
                                                   "idempotency_key",
                                                   "ticket",
                                                   "level",
                                                   "reasons",
                                                   "comment",
                                                   "outcome",
                                                   "procedure",
                                                   "dossier",
                                                   "applicant",
                                                   "name",
                                                   "phone",
                                                   "id_number",
                                                   "address",
                                                   "status",
                                                   "note",
                                                   "new_due",
                                                   "reason",
                                                   "username",
                                                   "password",
                                                   "now",
                                                   "date",
                                                   "start",
                                                   "code",
                                                   "from",
                                                   "to",
                                                   "group_by",
                                                   "format",
                                                   "kind",
                                                   "lang",
                                                   "token"};
constexpr std::array<std::string_view, 45> kValues{"HT",
                                                   "DC",
                                                   "VX",
                                                   "TK",
                                                   "XX",
                                                   "elderly",
                                                   "disability",
                                                   "pregnant",
                                                   "merit",
                                                   "resolved",
                                                   "dossier_received",
                                                   "supplement_requested",
                                                   "refused",
                                                   "guidance",
                                                   "result_returned",
                                                   "received",
                                                   "in_process",
                                                   "ready",
                                                   "returned",
                                                   "attitude",
                                                   "long_wait",
                                                   "unclear_guidance",
                                                   "several_trips",
                                                   "other",
                                                   "HT-KS",
                                                   "HT-KH",
                                                   "DC-XPXD",
                                                   "VX-TCXH",
                                                   "2026-11-23",
                                                   "2026-11-24",
                                                   "2026-12-31",
                                                   "2026-02-30",
                                                   "0001-01-01",
                                                   "9999-12-31",
                                                   "2026-11-23T08:30:00+07:00",
                                                   "2026-11-24T14:00:00+07:00",
                                                   "2126-11-24T14:00:00+07:00",
                                                   "08:00",
                                                   "08:15",
                                                   "25:61",
                                                   "0912345678",
                                                   "+84912345678",
                                                   "Nguyễn Văn An",
                                                   "lan",
                                                   "en"};
constexpr std::array<std::string_view, 12> kQueryValues{
    "category", "counter", "officer", "day", "hour",        "procedure",
    "json",     "csv",     "xlsx",    "pdf", "appointment", "walk_in"};

/// What the route table's access column lets a caller do, read from DESIGN.md §4 and written
/// here apart from ward_allows, so a slip in either shows.
bool may_call(api::WardAccess access, Caller c) {
    switch (access) {
        case api::WardAccess::anyone:
            return c != Caller::garbage && c != Caller::malformed;
        case api::WardAccess::device_or_officer:
            return c == Caller::kiosk || c == Caller::rating || c == Caller::board ||
                   c == Caller::officer || c == Caller::supervisor || c == Caller::admin;
        case api::WardAccess::kiosk:
            return c == Caller::kiosk;
        case api::WardAccess::citizen_device:
            return c == Caller::kiosk || c == Caller::rating;
        case api::WardAccess::officer:
            return c == Caller::officer || c == Caller::supervisor || c == Caller::admin;
    }
    return false;
}

std::filesystem::path scratch_dir() {
    // /dev/shm makes SQLite's fsync (synchronous=FULL) nearly free; elsewhere it still works.
    std::error_code ec;
    const std::filesystem::path shm = "/dev/shm";
    const auto base = std::filesystem::is_directory(shm, ec) && ::access("/dev/shm", W_OK) == 0
                          ? shm
                          : std::filesystem::temp_directory_path();
    // libFuzzer ends the process without running destructors: the directories of runs that
    // have ended are removed here, by the next run.
    constexpr std::string_view kPrefix = "motcua-fuzz-router-";
    for (const auto& entry : std::filesystem::directory_iterator(base, ec)) {
        const std::string name = entry.path().filename().string();
        if (!name.starts_with(kPrefix)) continue;
        const int pid = std::atoi(name.c_str() + kPrefix.size());
        if (pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH)
            std::filesystem::remove_all(entry.path(), ec);
    }
    return base / fmt::format("{}{}", kPrefix, ::getpid());
}

/// A ward on a fresh database with one token per role, and what its answers revealed.
struct Rig {
    std::filesystem::path dir = scratch_dir();
    WardConfig config;
    OfficeZone zone;
    TestClock clock{*parse_rfc3339("2026-11-23T08:00:00+07:00")};
    std::unique_ptr<store::Store> store;
    std::unique_ptr<api::Ward> ward;
    std::map<Caller, std::string> tokens;
    // Ids and codes from earlier answers: tickets, dossiers, bookings.
    std::vector<std::string> tickets, dossiers, bookings;

    Rig(const WardConfig& cfg, const OfficeZone& z) : config(cfg), zone(z) {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        auto opened = store::Store::open((dir / "ward.db").string());
        if (!opened) fail("cannot open the store: " + opened.error().message);
        store = std::move(*opened);
        // Password hashes that match nothing: login is exercised, never succeeds, stays fast.
        auto written = store->write([&](store::WriteTx& tx) {
            const auto t = harness::add_test_callers(tx, clock.now(), std::chrono::hours(24));
            tokens = {{Caller::kiosk, t.kiosk},           {Caller::rating, t.rating},
                      {Caller::board, t.board},           {Caller::officer, t.officer},
                      {Caller::supervisor, t.supervisor}, {Caller::admin, t.admin}};
        });
        if (!written) fail("cannot set up the ward: " + written.error().message);
        ward = std::make_unique<api::Ward>(config, zone, clock, &clock, *store);
    }
    ~Rig() {
        ward->quiesce();
        ward.reset();
        store.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    Rig(const Rig&) = delete;
    Rig& operator=(const Rig&) = delete;

    static void remember(std::vector<std::string>& pool, std::string value) {
        if (value.empty()) return;
        if (pool.size() >= kPoolSize) pool.erase(pool.begin());
        pool.push_back(std::move(value));
    }
};

/// One of the ids the ward gave out, or `fallback` before it gave any. Takes its byte either way,
/// so that what follows in the input means the same thing.
std::string pooled(Reader& in, const std::vector<std::string>& pool, std::string fallback) {
    const std::uint8_t k = in.byte();
    if (pool.empty()) return fallback;
    return pool[k % pool.size()];
}

/// A value for path parameter `name`: valid-looking (often one the ward gave out), or hostile.
std::string param_value(Reader& in, Rig& rig, std::string_view name) {
    switch (in.pick(4)) {
        case 0:
            return from(in, kHostile);
        case 1:
            return in.bytes(40);
        default:
            break;
    }
    if (name == "n") return std::to_string(static_cast<int>(in.pick(7)));  // counters 1..5, 0, 6
    if (name == "id") return pooled(in, rig.tickets, "AbCdEfGh12345678");
    if (name == "form") {
        constexpr std::array<std::string_view, 5> forms{"01", "02", "04", "07", "1"};
        return from(in, forms);
    }
    // {code}: a dossier's or a booking's, or a procedure's (due-date preview).
    switch (in.pick(4)) {
        case 0:
            return pooled(in, rig.dossiers, "000.17.22.H56-261123-0001");
        case 1:
            return pooled(in, rig.bookings, "K7PM3QX9");
        case 2: {
            constexpr std::array<std::string_view, 4> procedures{"HT-KS", "HT-KH", "DC-XPXD",
                                                                 "VX-TCXH"};
            return from(in, procedures);
        }
        default:
            return "000.17.22.H56-261123-0001";
    }
}

/// A JSON value for field `key`, as the API expects it or not.
boost::json::value field_value(Reader& in, Rig& rig, std::string_view key, int depth);

boost::json::value json_object(Reader& in, Rig& rig, int depth) {
    boost::json::object o;
    const std::size_t n = in.pick(7);
    for (std::size_t i = 0; i < n; ++i) {
        const std::string key = in.pick(8) == 0 ? in.bytes(12) : from(in, kFields);
        o[key] = field_value(in, rig, key, depth + 1);
    }
    return o;
}

boost::json::value field_value(Reader& in, Rig& rig, std::string_view key, int depth) {
    switch (in.pick(12)) {
        case 0:
            return nullptr;
        case 1:
            return in.pick(2) == 1;
        case 2: {
            constexpr std::array<std::int64_t, 8> ints{
                0, 1, 3, 5, 6, -1, 2147483648LL, -9223372036854775807LL};
            return ints[in.pick(ints.size())];
        }
        case 3:
            return 1e300 * (in.pick(2) == 1 ? 1 : -1) + static_cast<double>(in.byte()) / 7.0;
        case 4:
            return boost::json::string(from(in, kHostile));
        case 5:
            return boost::json::string(in.bytes(64));
        case 6: {
            if (depth > 3) return nullptr;
            boost::json::array a;
            const std::size_t n = in.pick(4);
            for (std::size_t i = 0; i < n; ++i) a.push_back(field_value(in, rig, key, depth + 1));
            return a;
        }
        case 7:
            if (depth > 3) return boost::json::object{};
            return json_object(in, rig, depth);
        default:
            break;
    }
    // Valid-looking: what the field holds in a good request.
    if (key == "ticket") return boost::json::string(pooled(in, rig.tickets, "AbCdEfGh12345678"));
    if (key == "dossier" || key == "code")
        return boost::json::string(pooled(in, rig.dossiers, "000.17.22.H56-261123-0001"));
    if (key == "level") return static_cast<std::int64_t>(in.pick(7));
    if (key == "priority") return in.pick(2) == 1;
    if (key == "reasons") {
        boost::json::array a;
        const std::size_t n = in.pick(4);
        for (std::size_t i = 0; i < n; ++i) a.push_back(boost::json::string(from(in, kValues)));
        return a;
    }
    if (key == "applicant" && depth <= 3) {
        boost::json::object o{{"name", "Nguyễn Văn An"}};
        if (in.pick(2) == 1) o["phone"] = "0912345678";
        if (in.pick(2) == 1) o["id_number"] = "001099012345";
        return o;
    }
    return boost::json::string(from(in, kValues));
}

/// One reply, checked against the contract.
void check(const api::Request& r, const api::Reply& reply, Caller caller, Rig& rig) {
    const auto where = [&] {
        return fmt::format("{} {} (caller {}, status {}, content type '{}', body '{}')", r.method,
                           r.path, static_cast<int>(caller), reply.status, reply.content_type,
                           reply.body.substr(0, 300));
    };
    const int s = reply.status;
    const bool known = s == 200 || s == 201 || s == 204 || s == 400 || s == 401 || s == 403 ||
                       s == 404 || s == 405 || s == 409 || s == 413 || s == 415 || s == 422 ||
                       s == 429;
    if (!known) fail("a status the API does not use: " + where());
    const api::WardRouter::Route* route = rig.ward->router().find(r.method, r.path);
    const bool json = api::is_json_media(reply.content_type);
    if (s >= 400) {
        const bool page = route != nullptr && (route->pattern.text().starts_with("/dat-lich") ||
                                               route->pattern.text().starts_with("/t/"));
        if (!json) {
            // The booking page and the phone page answer a person: a page of HTML, not JSON.
            if (page && reply.content_type.starts_with("text/html") && !reply.body.empty()) return;
            fail("an error that is not JSON: " + where());
        }
        boost::system::error_code ec;
        const auto v = boost::json::parse(reply.body, ec);
        if (ec || !v.is_object()) fail("an error body that is not a JSON object: " + where());
        const auto& o = v.as_object();
        const auto* error = o.if_contains("error");
        if (o.size() != 1 || error == nullptr || !error->is_object())
            fail("an error body without {\"error\":{...}}: " + where());
        const auto* code = error->as_object().if_contains("code");
        const auto* message = error->as_object().if_contains("message");
        if (code == nullptr || !code->is_string() || message == nullptr || !message->is_string() ||
            message->as_string().empty())
            fail("an error without a code and a message: " + where());
        const auto known_code = error_code_from_wire(code->as_string());
        if (!known_code) fail("an error code that is not in error_codes.def: " + where());
        if (http_status(*known_code) != s) fail("an error code with another status: " + where());
        return;
    }
    if (route == nullptr) fail("a 2xx from no route of the table: " + where());
    if (!may_call(route->access, caller))
        fail("a 2xx for a caller the route table does not let in: " + where());
    if (s == 204 && !reply.body.empty()) fail("a 204 with a body: " + where());
    if (json && s != 204) {
        boost::system::error_code ec;
        const auto v = boost::json::parse(reply.body, ec);
        if (ec) fail("a 2xx JSON body that does not parse: " + where());
        // Remember what the ward gave out, for later requests of this ward.
        if (const auto* o = v.if_object()) {
            if (const auto* id = o->if_contains("id"); id != nullptr && id->is_string())
                Rig::remember(rig.tickets, std::string(id->as_string()));
            const auto* code = o->if_contains("code");
            if (code != nullptr && code->is_string()) {
                const std::string c(code->as_string());
                Rig::remember(c.size() == 8 ? rig.bookings : rig.dossiers, c);
            }
            if (const auto* d = o->if_contains("dossier"); d != nullptr && d->is_object())
                if (const auto* dc = d->as_object().if_contains("code");
                    dc != nullptr && dc->is_string())
                    Rig::remember(rig.dossiers, std::string(dc->as_string()));
        }
    }
}

/// Builds one request from the input, sends it, waits for the answer and checks it.
void one_request(Reader& in, Rig& rig) {
    const auto& routes = rig.ward->router().routes();
    api::Request r;
    const std::size_t choice = in.pick(routes.size() + 2);
    const api::WardRouter::Route* route = choice < routes.size() ? &routes[choice] : nullptr;
    if (route != nullptr) {
        // The pattern with its {parameters} filled; now and then one segment too many.
        for (auto part : api::split_path(route->pattern.text())) {
            r.path += '/';
            if (part.size() >= 2 && part.front() == '{' && part.back() == '}')
                r.path += param_value(in, rig, part.substr(1, part.size() - 2));
            else
                r.path += part;
        }
        if (in.pick(16) == 0) r.path += "/" + in.bytes(8);
    } else if (choice == routes.size()) {
        r.path = "/api/v1/" + in.bytes(40);  // a path of no route, or a surprising spelling
    } else {
        r.path = in.bytes(60);
    }
    // The right method mostly; any other, or one no server knows, now and then.
    const std::uint8_t m = in.byte();
    r.method = route != nullptr && m < 160 ? route->method : from(in, kMethods);

    const auto caller = static_cast<Caller>(in.pick(kCallers));
    std::string token;
    switch (caller) {
        case Caller::anonymous:
            break;
        case Caller::garbage:
            token = in.pick(2) == 0 ? "not-a-token" : in.bytes(40);
            break;
        case Caller::malformed: {
            constexpr std::array<std::string_view, 5> headers{
                "Bearer", "Bearer ", "Basic bGFuOng=", "bearer x", "Bearer  "};
            r.authorization = from(in, headers);
            break;
        }
        default:
            token = rig.tokens.at(caller);
    }
    // The token in the header, or in the query as the event stream's browsers send it.
    const bool token_in_query = in.pick(8) == 0;
    if (!token.empty()) {
        if (token_in_query)
            r.query["token"] = token;
        else
            r.authorization = "Bearer " + token;
    } else if (caller == Caller::garbage) {
        r.authorization = "Bearer ";  // an empty garbage token: still malformed
    }

    const std::size_t params = in.pick(4);
    for (std::size_t i = 0; i < params; ++i) {
        const std::string key = in.pick(4) == 0 ? in.bytes(10) : from(in, kFields);
        switch (in.pick(4)) {
            case 0:
                r.query[key] = from(in, kQueryValues);
                break;
            case 1:
                r.query[key] = from(in, kHostile);
                break;
            case 2:
                r.query[key] = in.bytes(30);
                break;
            default:
                r.query[key] = from(in, kValues);
        }
    }
    r.content_type = from(in, kContentTypes);
    switch (in.pick(4)) {
        case 0:
            break;  // no body
        case 1:
            r.body = in.bytes(255);  // raw bytes
            break;
        default:
            r.body = boost::json::serialize(json_object(in, rig, 0));
    }
    r.remote = from(in, kRemotes);

    std::promise<api::Reply> answered;
    auto answer = answered.get_future();
    auto calls = std::make_shared<std::atomic<int>>(0);
    rig.ward->handle(r, [&answered, calls, r](api::Reply reply) {
        if (calls->fetch_add(1) != 0) fail("answered twice: " + r.method + " " + r.path);
        answered.set_value(std::move(reply));
    });
    if (answer.wait_for(std::chrono::seconds(30)) != std::future_status::ready)
        fail("no answer within 30 s: " + r.method + " " + r.path);
    // The ward reads a token from the URL only on the event stream's WebSocket upgrade, which
    // is not a route; here the caller is nobody, so a 2xx that needs a token is a failure.
    check(r, answer.get(), token_in_query && !token.empty() ? Caller::anonymous : caller, rig);
}

int inputs_per_ward() {
    static const int n = [] {
        const char* env = std::getenv("MOTCUA_FUZZ_ROUTER_INPUTS_PER_WARD");
        const int v = env != nullptr ? std::atoi(env) : 0;
        return v > 0 ? v : kInputsPerWard;
    }();
    return n;
}

}  // namespace

// LeakSanitizer (fuzz build): fontconfig, which the PDF forms reach through pango, keeps its
// configuration for the life of the process and frees it with no one: not ours, not per request.
extern "C" const char* __lsan_default_suppressions() {  // NOLINT(bugprone-reserved-identifier)
    return "leak:libfontconfig.so\n";
}
extern "C" const char* __lsan_default_options() {  // NOLINT(bugprone-reserved-identifier)
    return "print_suppressions=0";
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // The ward logs every event at info: at thousands of requests a second that is noise.
    static const bool quiet = [] {
        spdlog::set_level(spdlog::level::err);
        return true;
    }();
    (void)quiet;
    // OpenSSL (the audit chain's SHA-256) starts here rather than on the ward's writer thread.
    static const bool openssl = OPENSSL_init_crypto(OPENSSL_INIT_LOAD_CONFIG, nullptr) == 1;
    if (!openssl) fail("OpenSSL does not start");
    static const bool crypto = auth::init_crypto().ok();
    if (!crypto) fail("libsodium does not start");
    static const WardConfig config = [] {
        auto c =
            load_config(std::filesystem::path(MOTCUA_SOURCE_DIR) / "assets/config/ward-demo.toml");
        if (!c) fail("the demo config does not load: " + c.error().message);
        return *c;
    }();
    static const OfficeZone zone = *OfficeZone::load(config.time_zone);
    static std::unique_ptr<Rig> rig;
    static int used = 0;
    if (!rig || used >= inputs_per_ward()) {
        const bool first = !rig;
        rig.reset();  // the old ward and its database go first
        rig = std::make_unique<Rig>(config, zone);
        used = 0;
        // The ward stops at exit before OpenSSL's clean-up (started above, so registered
        // earlier): a writer thread that outlived OPENSSL_cleanup would leave its OpenSSL thread
        // state behind, which LeakSanitizer reports when one file is run on its own.
        if (first) std::atexit([] { rig.reset(); });
    }
    ++used;
    Reader in(data, size);
    const std::size_t requests = 1 + in.pick(kMaxRequests);
    for (std::size_t i = 0; i < requests && (i == 0 || !in.empty()); ++i) one_request(in, *rig);
    return 0;
}
