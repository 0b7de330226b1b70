#include "motcua/config.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "motcua/office_time.hpp"

namespace motcua {
namespace {

// Errors are one line whatever the file holds: control characters quoted in the message
// (found by fuzzing: toml++ quotes the character it saw, which may be a newline).
std::string one_line(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (c == '\t')
            out += "\\t";
        else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
        else
            out += c;
    }
    return out;
}

// Thrown inside the parser only; turned into a Result at the boundary.
struct ConfigError {
    std::string message;
};

// Walks a TOML table, remembering the key path and the file, so every error can name
// file, line and key. Keys not read are reported as unknown (typos must not pass silently).
class TableReader {
public:
    TableReader(const toml::table& table, std::string path, const std::string& file)
        : table_(table), path_(std::move(path)), file_(file) {}

    [[noreturn]] void fail(const toml::node* node, std::string_view key,
                           std::string_view problem) const {
        const auto& src = node != nullptr ? node->source() : table_.source();
        throw ConfigError{
            fmt::format("{}:{}: key '{}': {}", file_, src.begin.line, full_key(key), problem)};
    }

    [[nodiscard]] std::string full_key(std::string_view key) const {
        return path_.empty() ? std::string(key) : fmt::format("{}.{}", path_, key);
    }

    const toml::node* get(std::string_view key) {
        seen_.insert(std::string(key));
        return table_.get(key);
    }

    template <typename T>
    std::optional<T> optional(std::string_view key, std::string_view expected) {
        const toml::node* node = get(key);
        if (node == nullptr) return std::nullopt;
        auto value = node->value_exact<T>();
        if (!value) fail(node, key, fmt::format("expected {}, got {}", expected, type_name(*node)));
        return *value;
    }

    template <typename T>
    T required(std::string_view key, std::string_view expected) {
        auto value = optional<T>(key, expected);
        if (!value) fail(nullptr, key, fmt::format("missing (expected {})", expected));
        return *value;
    }

    std::string text(std::string_view key) {
        auto value = required<std::string>(key, "a string");
        if (value.empty()) fail(get(key), key, "must not be empty");
        return value;
    }

    std::string text_or(std::string_view key, std::string fallback) {
        auto value = optional<std::string>(key, "a string");
        return value ? *value : std::move(fallback);
    }

    int integer(std::string_view key, std::optional<int> fallback, std::int64_t min,
                std::int64_t max) {
        auto value = optional<std::int64_t>(key, "an integer");
        if (!value) {
            if (!fallback) fail(nullptr, key, "missing (expected an integer)");
            return *fallback;
        }
        if (*value < min || *value > max)
            fail(get(key), key, fmt::format("{} is out of range {}..{}", *value, min, max));
        return static_cast<int>(*value);
    }

    int hhmm(std::string_view key, std::optional<int> fallback) {
        auto value = optional<std::string>(key, "a time \"HH:MM\"");
        if (!value) {
            if (!fallback) fail(nullptr, key, "missing (expected a time \"HH:MM\")");
            return *fallback;
        }
        auto minutes = parse_hhmm(*value);
        if (!minutes) fail(get(key), key, minutes.error().message);
        return *minutes;
    }

    const toml::array* array(std::string_view key) {
        const toml::node* node = get(key);
        if (node == nullptr) return nullptr;
        if (!node->is_array())
            fail(node, key, fmt::format("expected an array, got {}", type_name(*node)));
        return node->as_array();
    }

    std::vector<std::string> strings(std::string_view key) {
        std::vector<std::string> out;
        const toml::array* arr = array(key);
        if (arr == nullptr) return out;
        for (std::size_t i = 0; i < arr->size(); ++i) {
            auto value = (*arr)[i].value_exact<std::string>();
            if (!value)
                fail(&(*arr)[i], fmt::format("{}[{}]", key, i),
                     fmt::format("expected a string, got {}", type_name((*arr)[i])));
            out.push_back(*value);
        }
        return out;
    }

    std::vector<Day> days(std::string_view key) {
        std::vector<Day> out;
        const auto texts = strings(key);
        const toml::array* arr = array(key);
        for (std::size_t i = 0; i < texts.size(); ++i) {
            auto day = parse_day(texts[i]);
            if (!day) fail(&(*arr)[i], fmt::format("{}[{}]", key, i), day.error().message);
            out.push_back(*day);
        }
        return out;
    }

    /// Each element of an array of tables, as a reader with path "key[i]".
    template <typename F>
    void each_table(std::string_view key, F&& visit) {
        const toml::array* arr = array(key);
        if (arr == nullptr) return;
        for (std::size_t i = 0; i < arr->size(); ++i) {
            const auto* table = (*arr)[i].as_table();
            if (table == nullptr)
                fail(&(*arr)[i], fmt::format("{}[{}]", key, i), "expected a table");
            TableReader child(*table, fmt::format("{}[{}]", full_key(key), i), file_);
            visit(child);
            child.reject_unknown();
        }
    }

    template <typename F>
    void sub_table(std::string_view key, F&& visit) {
        const toml::node* node = get(key);
        if (node == nullptr) {
            const toml::table empty;
            TableReader child(empty, full_key(key), file_);
            visit(child);
            return;
        }
        if (!node->is_table()) fail(node, key, "expected a table");
        TableReader child(*node->as_table(), full_key(key), file_);
        visit(child);
        child.reject_unknown();
    }

    void reject_unknown() const {
        for (const auto& [k, v] : table_) {
            if (!seen_.contains(std::string(k.str())))
                fail(&v, k.str(), "unknown key (check the spelling)");
        }
    }

    static std::string_view type_name(const toml::node& node) {
        switch (node.type()) {
            case toml::node_type::string:
                return "a string";
            case toml::node_type::integer:
                return "an integer";
            case toml::node_type::floating_point:
                return "a number";
            case toml::node_type::boolean:
                return "a boolean";
            case toml::node_type::array:
                return "an array";
            case toml::node_type::table:
                return "a table";
            default:
                return "a date or time";
        }
    }

private:
    const toml::table& table_;
    std::string path_;
    const std::string& file_;
    std::set<std::string> seen_;
};

void read_office(TableReader& r, WardConfig& cfg) {
    cfg.office_name = r.text("name");
    cfg.address = r.text_or("address", "");
    cfg.unit_code = r.text("unit_code");
    if (!is_unit_code(cfg.unit_code))
        r.fail(r.get("unit_code"), "unit_code",
               fmt::format("'{}' is not a unit code: capitals, digits and dots, 1 to 32 (e.g. "
                           "\"000.17.22.H56\")",
                           cfg.unit_code));
    cfg.time_zone = r.text_or("time_zone", cfg.time_zone);
    if (auto zone = OfficeZone::load(cfg.time_zone); !zone)
        r.fail(r.get("time_zone"), "time_zone", zone.error().message);
    const toml::array* hours = r.array("hours");
    const auto texts = r.strings("hours");
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const std::string& t = texts[i];
        const auto key = fmt::format("hours[{}]", i);
        const auto dash = t.find('-');
        if (dash == std::string::npos)
            r.fail(&(*hours)[i], key, fmt::format("'{}' is not a range \"HH:MM-HH:MM\"", t));
        auto open = parse_hhmm(t.substr(0, dash));
        auto close = parse_hhmm(t.substr(dash + 1));
        if (!open || !close || *close <= *open)
            r.fail(&(*hours)[i], key, fmt::format("'{}' is not a range \"HH:MM-HH:MM\"", t));
        cfg.hours.push_back({*open, *close});
    }
    if (r.get("stop_issuing_at") != nullptr)
        cfg.stop_issuing_at = r.hhmm("stop_issuing_at", std::nullopt);
    cfg.admin_pin = r.text("admin_pin");
    for (char c : cfg.admin_pin)
        if (c < '0' || c > '9') r.fail(r.get("admin_pin"), "admin_pin", "must be digits only");
}

void read_priority(TableReader& r, WardConfig& cfg) {
    auto& p = cfg.priority;
    p.enabled = r.optional<bool>("enabled", "a boolean").value_or(p.enabled);
    p.normal_per_priority = r.integer("normal_per_priority", p.normal_per_priority, 0, 100);
    p.max_normal_wait_s =
        r.integer("max_normal_wait_min", p.max_normal_wait_s / 60, 1, 24 * 60) * 60;
    r.each_table("reasons", [&](TableReader& t) {
        p.reasons.push_back({t.text("code"), t.text("name_vi"), t.text("name_en")});
    });
}

void read_category(TableReader& t, WardConfig& cfg) {
    Category c;
    c.code = t.text("code");
    c.name_vi = t.text("name_vi");
    c.name_en = t.text("name_en");
    c.prefix = t.text_or("prefix", "");
    c.start_number = t.integer("start", 1, 0, 1'000'000);
    c.number_width = t.integer("digits", 3, 1, 7);
    c.target_wait_s = t.integer("target_wait_min", 15, 1, 24 * 60) * 60;
    c.appointment_places = t.integer("appointment_places", 0, 0, 1000);
    if (cfg.find_category(c.code) != nullptr)
        t.fail(t.get("code"), "code", fmt::format("duplicate category '{}'", c.code));
    cfg.categories.push_back(std::move(c));
}

void read_counter(TableReader& t, WardConfig& cfg) {
    CounterConfig c;
    c.number = t.integer("number", std::nullopt, 1, 999);
    c.name = t.text_or("name", fmt::format("Quầy {}", c.number));
    c.categories = t.strings("categories");
    if (c.categories.empty())
        t.fail(t.get("categories"), "categories", "a counter needs at least one category");
    for (std::size_t i = 0; i < c.categories.size(); ++i)
        if (cfg.find_category(c.categories[i]) == nullptr)
            t.fail(t.get("categories"), fmt::format("categories[{}]", i),
                   fmt::format("unknown category '{}'", c.categories[i]));
    if (cfg.find_counter(c.number) != nullptr)
        t.fail(t.get("number"), "number", fmt::format("duplicate counter {}", c.number));
    cfg.counters.push_back(std::move(c));
}

void read_procedure(TableReader& t, WardConfig& cfg) {
    Procedure p;
    p.code = t.text("code");
    p.name_vi = t.text("name_vi");
    p.name_en = t.text_or("name_en", "");
    p.category = t.text("category");
    if (cfg.find_category(p.category) == nullptr)
        t.fail(t.get("category"), "category", fmt::format("unknown category '{}'", p.category));
    p.legal_days = t.integer("legal_days", std::nullopt, 0, 365);
    p.cutoff_minutes = t.hhmm("cutoff", 15 * 60);
    p.fee = t.integer("fee", 0, 0, 1'000'000'000);
    if (t.get("documents") != nullptr) p.documents = t.strings("documents");
    if (cfg.find_procedure(p.code) != nullptr)
        t.fail(t.get("code"), "code", fmt::format("duplicate procedure '{}'", p.code));
    cfg.procedures.push_back(std::move(p));
}

WardConfig read_root(TableReader& root, const std::string& source) {
    WardConfig cfg;
    cfg.source = source;
    root.sub_table("office", [&](TableReader& r) { read_office(r, cfg); });
    root.sub_table("priority", [&](TableReader& r) { read_priority(r, cfg); });
    root.sub_table("satisfaction", [&](TableReader& r) {
        const int scale = r.integer("scale", 5, 3, 5);
        if (scale == 4) r.fail(r.get("scale"), "scale", "must be 5 or 3");
        cfg.scale = scale == 3 ? SatisfactionScale::three_level : SatisfactionScale::five_level;
    });
    root.each_table("categories", [&](TableReader& t) { read_category(t, cfg); });
    if (cfg.categories.empty()) root.fail(nullptr, "categories", "at least one category is needed");
    root.each_table("counters", [&](TableReader& t) { read_counter(t, cfg); });
    if (cfg.counters.empty()) root.fail(nullptr, "counters", "at least one counter is needed");
    root.each_table("procedures", [&](TableReader& t) { read_procedure(t, cfg); });
    root.sub_table("voice", [&](TableReader& r) {
        auto& v = cfg.voice;
        v.call_template = r.text_or("call_template", v.call_template);
        if (v.call_template.find("{number}") == std::string::npos)
            r.fail(r.get("call_template"), "call_template", "must contain {number}");
        v.repeat = r.integer("repeat", v.repeat, 1, 5);
        v.voice = r.text_or("voice", v.voice);
        v.volume = r.integer("volume", v.volume, 0, 200);
        v.rate_wpm = r.integer("rate_wpm", v.rate_wpm, 80, 400);
        v.chime = r.optional<bool>("chime", "a boolean").value_or(v.chime);
        v.max_age_s = r.integer("max_age_s", v.max_age_s, 0, 3600);
    });
    // Shipping to the province hub is off unless the ward has a [hub] table.
    if (root.get("hub") != nullptr)
        root.sub_table("hub", [&](TableReader& r) {
            auto& h = cfg.hub;
            h.url = r.text("url");
            if (h.url.rfind("http://", 0) != 0 && h.url.rfind("https://", 0) != 0)
                r.fail(r.get("url"), "url", "must start with http:// or https://");
            h.token_file = r.text("token_file");
            h.ca_file = r.text_or("ca_file", "");
            h.ship_comments = r.optional<bool>("ship_comments", "a boolean").value_or(false);
            h.batch_events = r.integer("batch_events", h.batch_events, 1, 1000);
            h.max_backoff_s = r.integer("max_backoff_s", h.max_backoff_s, 1, 3600);
        });
    if (root.get("backup") != nullptr)
        root.sub_table("backup", [&](TableReader& r) {
            auto& b = cfg.backup;
            b.dir = r.text("dir");
            if (b.dir.empty()) r.fail(r.get("dir"), "dir", "must name a folder");
            b.at_min = r.hhmm("at", b.at_min);
            b.keep_days = r.integer("keep_days", b.keep_days, 1, 3650);
        });
    if (root.get("appointments") != nullptr)
        root.sub_table("appointments", [&](TableReader& r) {
            auto& a = cfg.appointments;
            a.enabled = r.optional<bool>("enabled", "a boolean").value_or(true);
            a.slot_min = r.integer("slot_min", a.slot_min, 5, 240);
            a.horizon_days = r.integer("horizon_days", a.horizon_days, 1, 90);
            a.early_checkin_min = r.integer("early_checkin_min", a.early_checkin_min, 0, 240);
            a.late_grace_min = r.integer("late_grace_min", a.late_grace_min, 0, 240);
            a.per_phone_per_day = r.integer("per_phone_per_day", a.per_phone_per_day, 1, 20);
            a.per_client_per_hour =
                r.integer("per_client_per_hour", a.per_client_per_hour, 0, 100000);
            a.retain_days = r.integer("retain_days", a.retain_days, 1, 3650);
        });
    if (root.get("limits") != nullptr)
        root.sub_table("limits", [&](TableReader& r) {
            auto& l = cfg.limits;
            l.lookups = r.integer("public_lookups", l.lookups, 1, 10'000'000);
            l.lookup_refill_s = r.integer("public_lookup_refill_s", l.lookup_refill_s, 1, 86400);
        });
    root.sub_table("calendar", [&](TableReader& r) {
        cfg.extra_days_off = r.days("days_off");
        cfg.extra_working_days = r.days("working_days");
    });
    root.reject_unknown();
    return cfg;
}

}  // namespace

const Category* WardConfig::find_category(std::string_view code) const {
    for (const auto& c : categories)
        if (c.code == code) return &c;
    return nullptr;
}

const CounterConfig* WardConfig::find_counter(int number) const {
    for (const auto& c : counters)
        if (c.number == number) return &c;
    return nullptr;
}

const Procedure* WardConfig::find_procedure(std::string_view code) const {
    for (const auto& p : procedures)
        if (p.code == code) return &p;
    return nullptr;
}

bool is_unit_code(std::string_view code) {
    return !code.empty() && code.size() <= 32 && std::all_of(code.begin(), code.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.';
    });
}

Result<WardConfig> parse_config(std::string_view text, const std::string& source_name) {
    try {
        const toml::table table = toml::parse(text, source_name);
        TableReader root(table, "", source_name);
        return read_root(root, source_name);
    } catch (const toml::parse_error& e) {
        const auto& where = e.source().begin;
        return make_error(ErrorCode::invalid_config,
                          one_line(fmt::format("{}:{}:{}: TOML syntax error: {}", source_name,
                                               where.line, where.column, e.description())));
    } catch (const ConfigError& e) {
        return make_error(ErrorCode::invalid_config, one_line(e.message));
    }
}

Result<WardConfig> load_config(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return make_error(ErrorCode::config_unreadable,
                          fmt::format("{}: cannot read the config file", path.string()));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return parse_config(buffer.str(), path.string());
}

}  // namespace motcua
