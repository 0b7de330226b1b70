#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>

#include "kiosk/core/citizen/rating_outbox.hpp"

using namespace motcua;
using namespace motcua::kiosk;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    TempDir() {
        std::random_device rd;
        path = fs::temp_directory_path() / ("motcua-outbox-" + std::to_string(rd()));
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    fs::path path;
};

api::RatingRequest rating(std::string ticket, int level) {
    api::RatingRequest r;
    r.ticket = std::move(ticket);
    r.level = level;
    return r;
}

std::size_t files_in(const fs::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
    return n;
}

}  // namespace

TEST_CASE("random keys are 32 hex digits and differ", "[outbox]") {
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) {
        auto key = random_key();
        REQUIRE(key);
        CHECK(key->size() == 32);
        CHECK(key->find_first_not_of("0123456789abcdef") == std::string::npos);
        seen.insert(*key);
    }
    CHECK(seen.size() == 100);
}

TEST_CASE("the outbox keeps ratings on disk until removed, oldest first", "[outbox]") {
    TempDir tmp;
    auto box = RatingOutbox::open(tmp.path / "outbox");
    REQUIRE(box);
    CHECK(box->size() == 0);

    auto later = box->add(rating("B003", 4), 2000);
    auto first = box->add(rating("A012", 2), 1000);
    REQUIRE(later);
    REQUIRE(first);
    CHECK(first->key.size() == 32);  // a key was made for it
    CHECK(first->request.idempotency_key == first->key);

    SECTION("a new process finds them again, in order, with their keys") {
        auto again = RatingOutbox::open(tmp.path / "outbox");
        REQUIRE(again);
        const auto pending = again->pending();
        REQUIRE(pending.size() == 2);
        CHECK(pending[0].request.ticket == "A012");
        CHECK(pending[0].key == first->key);
        CHECK(pending[0].request.level == 2);
        CHECK(pending[1].request.ticket == "B003");
        REQUIRE(again->remove(pending[0]));
        CHECK(again->size() == 1);
        CHECK(box->pending().front().request.ticket == "B003");
    }
    SECTION("a caller's key is kept") {
        auto r = rating("C001", 5);
        r.idempotency_key = "given-key_1";
        auto added = box->add(r, 3000);
        REQUIRE(added);
        CHECK(added->key == "given-key_1");
    }
    SECTION("removing twice is harmless") {
        REQUIRE(box->remove(*first));
        CHECK(box->remove(*first));
    }
}

TEST_CASE("the outbox survives what a crash leaves behind", "[outbox]") {
    TempDir tmp;
    fs::create_directories(tmp.path);
    {
        auto box = RatingOutbox::open(tmp.path);
        REQUIRE(box);
        REQUIRE(box->add(rating("A001", 5), 1000));
    }
    SECTION("bad inputs") {
        // a write that never finished (temporary file): cleared at open, never delivered
        std::ofstream(tmp.path / "0000000002000-abc.json.tmp") << R"({"ticket":"A0)";
        // a file that is not JSON: set aside as .bad, never retried
        std::ofstream(tmp.path / "0000000003000-deadbeef.json") << "not json";
        // a file whose key does not match its name: set aside too
        std::ofstream(tmp.path / "0000000004000-k1.json")
            << R"({"ticket":"A2","level":3,"idempotency_key":"k2"})";
        // a stranger's file: left alone
        std::ofstream(tmp.path / "README") << "hello";

        auto box = RatingOutbox::open(tmp.path);
        REQUIRE(box);
        CHECK_FALSE(fs::exists(tmp.path / "0000000002000-abc.json.tmp"));
        const auto pending = box->pending();
        REQUIRE(pending.size() == 1);
        CHECK(pending[0].request.ticket == "A001");
        CHECK(fs::exists(tmp.path / "0000000003000-deadbeef.json.bad"));
        CHECK(fs::exists(tmp.path / "0000000004000-k1.json.bad"));
        CHECK(fs::exists(tmp.path / "README"));
        CHECK(box->size() == 1);
        // a key that could name a path outside the directory is refused
        auto sneaky = rating("A003", 4);
        sneaky.idempotency_key = "../../etc/x";
        CHECK_FALSE(box->add(sneaky, 5000));
        CHECK(files_in(tmp.path) == 4);  // A001, two .bad, README
    }
}

TEST_CASE("an outbox that cannot be created is an error, not a crash", "[outbox]") {
    TempDir tmp;
    std::ofstream(tmp.path.string()) << "a file where the directory should be";
    SECTION("bad inputs") {
        // the path is a file
        CHECK_FALSE(RatingOutbox::open(tmp.path / "sub"));
    }
    fs::remove(tmp.path);
}

TEST_CASE("the default state directory follows XDG", "[outbox]") {
    const char* old = std::getenv("XDG_STATE_HOME");
    const std::string saved = old != nullptr ? old : "";
    ::setenv("XDG_STATE_HOME", "/var/lib/kiosk-state", 1);
    CHECK(default_state_dir() == fs::path("/var/lib/kiosk-state/motcua"));
    ::setenv("XDG_STATE_HOME", "relative/not/allowed", 1);  // the spec wants absolute paths
    CHECK(default_state_dir() != fs::path("relative/not/allowed/motcua"));
    if (old != nullptr)
        ::setenv("XDG_STATE_HOME", saved.c_str(), 1);
    else
        ::unsetenv("XDG_STATE_HOME");
}
