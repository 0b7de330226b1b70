// Biểu II.06a: every figure is recomputed here from the rules (docs/decisions.md, "Biểu II.06a")
// with plain loops, independently of the report code, over a seeded multi-month scenario.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <sstream>

#include "reports/dossier_report.hpp"

using namespace motcua;
using namespace motcua::reports;
namespace json = boost::json;

namespace {

// The JSON field names of DESIGN.md §4, in form order, and the extra column.
const std::array<std::string, 12> kFields{"received_total",
                                          "received_online",
                                          "received_direct",
                                          "carried_over",
                                          "processed_total",
                                          "early",
                                          "on_time",
                                          "late",
                                          "in_process_total",
                                          "in_process_not_due",
                                          "in_process_overdue",
                                          "refused_or_withdrawn"};
using Figures = std::array<std::int64_t, 12>;
enum Field { F3, F4, F5, F6, F7, F8, F9, F10, F11, F12, F13, FRW };

Figures figures_of(const DossierCounts& c) {
    return {c.received_total,
            c.received_online,
            c.received_direct,
            c.carried_over,
            c.processed_total,
            c.early,
            c.on_time,
            c.late,
            c.in_process_total,
            c.in_process_not_due,
            c.in_process_overdue,
            c.refused_or_withdrawn};
}

const OfficeZone& zone() {
    static const OfficeZone z = *OfficeZone::load("Asia/Ho_Chi_Minh");
    return z;
}

Day day(int y, unsigned m, unsigned d) {
    return Day{date::year{y}, date::month{m}, date::day{d}};
}
Day add_days(Day d, int n) {
    return Day{date::sys_days{d} + date::days{n}};
}
TimePoint at(Day d, int hour, int minute = 0) {
    return zone().at_local(d, hour * 60 + minute);
}

WardConfig ward() {
    WardConfig c;
    c.office_name = "UBND phường Thử";
    c.unit_code = "000.00.00.X01";
    auto category = [](std::string code, std::string name) {
        Category cat;
        cat.code = std::move(code);
        cat.name_vi = std::move(name);
        return cat;
    };
    c.categories = {category("HT", "Tư pháp - Hộ tịch"),
                    category("DC", "Địa chính - Xây dựng, Đô thị"),
                    category("VX", "Văn hóa - Xã hội"), category("TC", "Tài chính - Kế toán")};
    auto procedure = [](std::string code, std::string name, std::string cat, int days) {
        Procedure p;
        p.code = std::move(code);
        p.name_vi = std::move(name);
        p.category = std::move(cat);
        p.legal_days = days;
        return p;
    };
    c.procedures = {procedure("HT-KS", "Đăng ký khai sinh", "HT", 0),
                    procedure("HT-KH", "Đăng ký kết hôn", "HT", 3),
                    procedure("DC-CN", "Chứng nhận quyền sử dụng đất", "DC", 10),
                    procedure("VX-TC", "Trợ cấp xã hội hằng tháng", "VX", 5),
                    procedure("VX-MOI", "Thủ tục chưa có hồ sơ", "VX", 2)};
    return c;
}

/// What the generator draws from: configured procedures and two no longer configured
/// (one whose category still is, one whose category is gone too).
struct Kind {
    std::string procedure;
    std::string category;
    int legal_days;
};
const std::vector<Kind> kKinds{{"HT-KS", "HT", 0}, {"HT-KH", "HT", 3}, {"DC-CN", "DC", 10},
                               {"VX-TC", "VX", 5}, {"HT-CU", "HT", 1}, {"CU-1", "CU", 4}};

bool weekend(Day d) {
    const date::weekday w{date::sys_days{d}};
    return w == date::Saturday || w == date::Sunday;
}

Day working_days_after(Day d, int n) {
    while (weekend(d)) d = add_days(d, 1);
    for (int i = 0; i < n;) {
        d = add_days(d, 1);
        if (!weekend(d)) ++i;
    }
    return d;
}

std::optional<DossierResult> result_by_days(Day returned, Day due) {
    if (returned < due) return DossierResult::early;
    if (returned == due) return DossierResult::on_time;
    return DossierResult::late;
}

/// A few hundred dossiers received from late August to the end of December 2026 with every fate.
std::vector<Dossier> scenario(std::uint32_t seed, int count) {
    std::mt19937 rng(seed);
    auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    const Day first = day(2026, 8, 20);
    const int span =
        static_cast<int>((date::sys_days{day(2026, 12, 31)} - date::sys_days{first}).count());
    std::vector<Dossier> out;
    for (int i = 0; i < count; ++i) {
        const Kind& kind =
            kKinds[static_cast<std::size_t>(uniform(0, static_cast<int>(kKinds.size()) - 1))];
        Dossier d;
        d.day = add_days(first, uniform(0, span));
        d.seq = i + 1;
        d.code = fmt::format("X01-{}-{:04}", format_day(d.day), d.seq);
        d.procedure = kind.procedure;
        d.category = kind.category;
        d.channel = uniform(0, 99) < 35 ? DossierChannel::online : DossierChannel::direct;
        const int minute = uniform(7 * 60, 17 * 60 - 1);
        d.received_at = zone().at_local(d.day, minute);
        d.due_date =
            working_days_after(minute >= 15 * 60 ? add_days(d.day, 1) : d.day, kind.legal_days);
        d.updated_at = d.received_at;
        const int fate = uniform(0, 99);
        if (fate < 55) {
            // Returned from a few days early to a week late; some exactly at midnight of a day
            // start.
            Day back = add_days(d.due_date, uniform(-4, 6));
            if (back < d.day) back = d.day;
            TimePoint t = uniform(0, 9) == 0 ? zone().start_of_day(back)
                                             : at(back, uniform(7, 16), uniform(0, 59));
            if (t < d.received_at) t = d.received_at + std::chrono::minutes(uniform(1, 50));
            d.state = DossierState::returned;
            d.returned_at = d.closed_at = d.updated_at = t;
            d.result = result_by_days(zone().office_day(t), d.due_date);
            if (d.result == DossierResult::late && uniform(0, 1) == 0) {
                d.new_due_date =
                    add_days(d.due_date, 5);  // the apology does not change the judgement
                d.apology_reason = "Cần xác minh thêm";
                d.apology_at = zone().start_of_day(d.due_date) - std::chrono::hours(30);
            }
        } else if (fate < 67) {
            d.state = fate < 62 ? DossierState::refused : DossierState::withdrawn;
            const TimePoint t =
                uniform(0, 4) == 0 ? zone().start_of_day(add_days(d.day, uniform(1, 30)))
                                   : d.received_at + std::chrono::minutes(uniform(1, 40 * 24 * 60));
            d.closed_at = d.updated_at = t;
        } else if (fate < 77) {
            d.state = DossierState::supplement_requested;
        } else {
            const std::array open{DossierState::received, DossierState::in_process,
                                  DossierState::ready};
            d.state = open[static_cast<std::size_t>(uniform(0, 2))];
        }
        out.push_back(std::move(d));
    }
    return out;
}

/// The records as the store would hold them at `now`: nothing received later, and a dossier
/// closed later is still open.
std::vector<Dossier> as_seen_at(const std::vector<Dossier>& all, TimePoint now) {
    std::vector<Dossier> out;
    for (Dossier d : all) {
        if (d.received_at > now) continue;
        if (d.closed_at && *d.closed_at > now) {
            d.state = DossierState::in_process;
            d.closed_at.reset();
            d.returned_at.reset();
            d.result.reset();
        }
        if (d.apology_at && *d.apology_at > now) {
            d.apology_at.reset();
            d.new_due_date.reset();
            d.apology_reason.reset();
        }
        out.push_back(std::move(d));
    }
    return out;
}

using KeyOf = std::function<std::string(const Dossier&)>;
const KeyOf kByCategory = [](const Dossier& d) { return d.category; };
const KeyOf kByProcedure = [](const Dossier& d) { return d.procedure; };

/// The rules, written out once more with no shortcuts.
std::map<std::string, Figures> expected(const std::vector<Dossier>& ds, const KeyOf& key_of,
                                        Day from, Day to, TimePoint now) {
    const TimePoint start = zone().start_of_day(from);
    const TimePoint end = zone().start_of_day(add_days(to, 1));
    const Day as_of_day = now >= end ? add_days(to, 1) : zone().office_day(now);
    std::map<std::string, Figures> rows;
    for (const Dossier& d : ds) {
        Figures f{};
        const bool received_in = start <= d.received_at && d.received_at < end;
        if (received_in && d.channel == DossierChannel::online) ++f[F4];
        if (received_in && d.channel == DossierChannel::direct) ++f[F5];
        if (d.received_at < start && (!d.closed_at || *d.closed_at >= start)) ++f[F6];
        const bool closed_in = d.closed_at && start <= *d.closed_at && *d.closed_at < end;
        if (d.state == DossierState::returned && closed_in) {
            ++f[F7];
            const Day back = zone().office_day(*d.returned_at);
            if (back < d.due_date)
                ++f[F8];
            else if (back == d.due_date)
                ++f[F9];
            else
                ++f[F10];
        }
        if ((d.state == DossierState::refused || d.state == DossierState::withdrawn) && closed_in)
            ++f[FRW];
        if (d.received_at < end && (!d.closed_at || *d.closed_at >= end)) {
            ++f[F11];
            if (d.due_date < as_of_day)
                ++f[F13];
            else
                ++f[F12];
        }
        f[F3] = f[F4] + f[F5] + f[F6];
        if (f == Figures{}) continue;
        auto& row = rows[key_of(d)];
        for (std::size_t i = 0; i < row.size(); ++i) row[i] += f[i];
    }
    return rows;
}

std::vector<std::string> configured_keys(const WardConfig& cfg, DossierGrouping g) {
    std::vector<std::string> keys;
    if (g == DossierGrouping::category)
        for (const auto& c : cfg.categories) keys.push_back(c.code);
    else
        for (const auto& p : cfg.procedures) keys.push_back(p.code);
    return keys;
}

void check_identities(const Figures& f) {
    CHECK(f[F3] == f[F4] + f[F5] + f[F6]);
    CHECK(f[F7] == f[F8] + f[F9] + f[F10]);
    CHECK(f[F11] == f[F12] + f[F13]);
    CHECK(f[F3] == f[F7] + f[F11] + f[FRW]);
}

void check_json(const DossierReport& r) {
    const auto v = json::parse(dossier_report_json(r, zone())).as_object();
    CHECK(v.at("from").as_string() == format_day(r.from));
    CHECK(v.at("to").as_string() == format_day(r.to));
    CHECK(v.at("group_by").as_string() ==
          (r.group_by == DossierGrouping::category ? "category" : "procedure"));
    CHECK(v.at("as_of").as_string() == zone().format_rfc3339(r.as_of));
    const auto& rows = v.at("rows").as_array();
    REQUIRE(rows.size() == r.rows.size());
    auto same = [](const json::object& o, const DossierReportRow& row) {
        CHECK(o.size() == 2 + kFields.size());
        CHECK(o.at("key").as_string() == row.key);
        CHECK(o.at("label").as_string() == row.label);
        const auto f = figures_of(row.counts);
        for (std::size_t i = 0; i < kFields.size(); ++i) {
            INFO(row.key << " " << kFields[i]);
            CHECK(o.at(kFields[i]).as_int64() == f[i]);
        }
    };
    for (std::size_t i = 0; i < rows.size(); ++i) same(rows[i].as_object(), r.rows[i]);
    same(v.at("total").as_object(), r.total);
}

/// Compares a report with the figures recomputed here: row order, labels, every column, the total.
void check_report(const DossierReport& r, const std::vector<Dossier>& ds, const WardConfig& cfg,
                  Day from, Day to, TimePoint now) {
    const auto& key_of = r.group_by == DossierGrouping::category ? kByCategory : kByProcedure;
    const auto want = expected(ds, key_of, from, to, now);
    auto keys = configured_keys(cfg, r.group_by);
    const std::set<std::string> configured(keys.begin(), keys.end());
    for (const auto& [k, f] : want)
        if (!configured.contains(k)) keys.push_back(k);  // std::map: in key order
    REQUIRE(r.rows.size() == keys.size());
    Figures total{};
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const auto& row = r.rows[i];
        INFO("row " << row.key);
        CHECK(row.key == keys[i]);
        if (configured.contains(row.key)) {
            const auto* cat = cfg.find_category(row.key);
            const auto* proc = cfg.find_procedure(row.key);
            CHECK(row.label ==
                  (r.group_by == DossierGrouping::category ? cat->name_vi : proc->name_vi));
        } else {
            CHECK(row.label == row.key);
        }
        const auto it = want.find(row.key);
        const Figures w = it == want.end() ? Figures{} : it->second;
        const Figures got = figures_of(row.counts);
        for (std::size_t c = 0; c < kFields.size(); ++c) {
            INFO(kFields[c]);
            CHECK(got[c] == w[c]);
        }
        check_identities(got);
        for (std::size_t c = 0; c < total.size(); ++c) total[c] += w[c];
    }
    CHECK(r.total.key == "total");
    CHECK(r.total.label == "Tổng cộng");
    CHECK(figures_of(r.total.counts) == total);
    check_identities(figures_of(r.total.counts));
    CHECK(r.from == from);
    CHECK(r.to == to);
    CHECK(r.as_of == std::min(zone().start_of_day(add_days(to, 1)), now));
    CHECK(r.office_name == cfg.office_name);
    check_json(r);
}

std::map<std::string, Figures> by_key(const DossierReport& r) {
    std::map<std::string, Figures> out;
    for (const auto& row : r.rows) out[row.key] = figures_of(row.counts);
    return out;
}

Figures row_of(const std::map<std::string, Figures>& m, const std::string& k) {
    const auto it = m.find(k);
    return it == m.end() ? Figures{} : it->second;
}

/// One dossier as a test case needs it; open and received directly unless changed.
Dossier dossier(std::string code, std::string procedure, std::string category, TimePoint received,
                Day due) {
    Dossier d;
    d.code = std::move(code);
    d.procedure = std::move(procedure);
    d.category = std::move(category);
    d.received_at = d.updated_at = received;
    d.day = zone().office_day(received);
    d.due_date = due;
    d.state = DossierState::in_process;
    return d;
}

Dossier returned(Dossier d, TimePoint back) {
    d.state = DossierState::returned;
    d.returned_at = d.closed_at = d.updated_at = back;
    d.result = result_by_days(zone().office_day(back), d.due_date);
    return d;
}

// Splits a CSV line, with quoted fields (labels may hold commas).
std::vector<std::string> csv_cells(const std::string& line) {
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '"') {
            if (quoted && i + 1 < line.size() && line[i + 1] == '"') {
                cell += '"';
                ++i;
            } else
                quoted = !quoted;
        } else if (c == ',' && !quoted) {
            cells.push_back(cell);
            cell.clear();
        } else {
            cell += c;
        }
    }
    cells.push_back(cell);
    return cells;
}

std::vector<std::vector<std::string>> read_xlsx(const std::string& bytes) {
    std::random_device rd;
    const auto path =
        std::filesystem::temp_directory_path() / fmt::format("motcua-ii06a-test-{:x}.xlsx", rd());
    std::ofstream(path, std::ios::binary) << bytes;
    const std::string cmd =
        fmt::format("python3 {}/tests/service/read_xlsx.py {}", MOTCUA_SOURCE_DIR, path.string());
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
    std::string text;
    if (pipe) {
        char buf[4096];
        while (std::fgets(buf, sizeof buf, pipe.get()) != nullptr) text += buf;
    }
    pipe.reset();
    std::filesystem::remove(path);
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string> cells;
        std::stringstream ls(line);
        std::string cell;
        while (std::getline(ls, cell, '\t')) cells.push_back(cell);
        rows.push_back(cells);
    }
    return rows;
}

const Day kOct1 = day(2026, 10, 1), kOct31 = day(2026, 10, 31), kNov1 = day(2026, 11, 1),
          kNov30 = day(2026, 11, 30), kDec1 = day(2026, 12, 1), kDec31 = day(2026, 12, 31);

}  // namespace

TEST_CASE("Biểu II.06a over three months equals figures recomputed from the rules",
          "[dossier_report]") {
    const WardConfig cfg = ward();
    const auto seed = GENERATE(20261001u, 7u, 424242u);
    INFO("seed " << seed);
    const auto all = scenario(seed, 400);
    const TimePoint now = at(day(2027, 1, 12), 9);
    const auto ds = as_seen_at(all, now);

    // The stored results agree with the dates (the report recomputes them anyway).
    for (const auto& d : ds)
        if (d.state == DossierState::returned)
            CHECK(d.result == result_by_days(zone().office_day(*d.returned_at), d.due_date));

    const std::array<std::pair<Day, Day>, 3> months{
        {{kOct1, kOct31}, {kNov1, kNov30}, {kDec1, kDec31}}};
    for (const auto group : {DossierGrouping::category, DossierGrouping::procedure}) {
        INFO("group_by " << (group == DossierGrouping::category ? "category" : "procedure"));
        std::vector<DossierReport> monthly;
        for (const auto& [from, to] : months) {
            monthly.push_back(compute_dossier_report(ds, cfg, zone(), from, to, group, now));
            check_report(monthly.back(), ds, cfg, from, to, now);
        }
        // The scenario reaches every column.
        for (std::size_t c = 0; c < kFields.size(); ++c) {
            std::int64_t sum = 0;
            for (const auto& m : monthly) sum += figures_of(m.total.counts)[c];
            INFO(kFields[c]);
            CHECK(sum > 0);
        }

        SECTION("what a month leaves in process is what the next one carries over") {
            for (std::size_t n = 0; n + 1 < monthly.size(); ++n) {
                const auto before = by_key(monthly[n]), after = by_key(monthly[n + 1]);
                std::set<std::string> keys;
                for (const auto& [k, f] : before) keys.insert(k);
                for (const auto& [k, f] : after) keys.insert(k);
                for (const auto& k : keys) {
                    INFO("month " << n << " row " << k);
                    CHECK(row_of(after, k)[F6] == row_of(before, k)[F11]);
                }
                CHECK(figures_of(monthly[n + 1].total.counts)[F6] ==
                      figures_of(monthly[n].total.counts)[F11]);
            }
        }

        SECTION("the quarter agrees with its months") {
            const auto quarter = compute_dossier_report(ds, cfg, zone(), kOct1, kDec31, group, now);
            check_report(quarter, ds, cfg, kOct1, kDec31, now);
            const auto q = by_key(quarter);
            std::set<std::string> keys;
            for (const auto& m : monthly)
                for (const auto& row : m.rows) keys.insert(row.key);
            for (const auto& [k, f] : q) keys.insert(k);
            for (const auto& k : keys) {
                INFO("row " << k);
                Figures sum{};
                for (const auto& m : monthly) {
                    const auto f = row_of(by_key(m), k);
                    for (std::size_t c = 0; c < sum.size(); ++c) sum[c] += f[c];
                }
                const auto f = row_of(q, k);
                CHECK(f[F4] + f[F5] == sum[F4] + sum[F5]);
                CHECK(f[F4] == sum[F4]);
                CHECK(f[F5] == sum[F5]);
                CHECK(f[F7] == sum[F7]);
                CHECK(f[F8] == sum[F8]);
                CHECK(f[F9] == sum[F9]);
                CHECK(f[F10] == sum[F10]);
                CHECK(f[FRW] == sum[FRW]);
                CHECK(f[F6] == row_of(by_key(monthly.front()), k)[F6]);
                CHECK(f[F11] == row_of(by_key(monthly.back()), k)[F11]);
                CHECK(f[F13] == row_of(by_key(monthly.back()), k)[F13]);
            }
        }

        SECTION("a month not yet over counts overdue against today") {
            const TimePoint mid = at(day(2026, 12, 15), 10, 30);
            const auto seen = as_seen_at(all, mid);
            const auto running =
                compute_dossier_report(seen, cfg, zone(), kDec1, kDec31, group, mid);
            check_report(running, seen, cfg, kDec1, kDec31, mid);
            CHECK(running.as_of == mid);
            CHECK(json::parse(dossier_report_json(running, zone())).at("as_of").as_string() ==
                  "2026-12-15T10:30:00+07:00");
            // Recounted by hand: open dossiers due before 15 December are overdue, the rest not.
            std::int64_t overdue = 0, not_due = 0;
            for (const auto& d : seen) {
                if (d.closed_at) continue;
                ++(d.due_date < day(2026, 12, 15) ? overdue : not_due);
            }
            CHECK(running.total.counts.in_process_overdue == overdue);
            CHECK(running.total.counts.in_process_not_due == not_due);
            CHECK(not_due > 0);
        }
    }
}

TEST_CASE("Biểu II.06a boundaries: same day, period start, due on the last day",
          "[dossier_report]") {
    const WardConfig cfg = ward();
    const TimePoint after_all = at(day(2026, 12, 20), 8);

    SECTION("received and returned the same day, due that day: on time") {
        const Day d = day(2026, 11, 10);
        const std::vector ds{returned(dossier("a", "HT-KS", "HT", at(d, 8), d), at(d, 10))};
        const auto r = compute_dossier_report(ds, cfg, zone(), kNov1, kNov30,
                                              DossierGrouping::procedure, after_all);
        check_report(r, ds, cfg, kNov1, kNov30, after_all);
        const auto& c = r.rows.front().counts;  // HT-KS, first procedure
        CHECK(c.received_direct == 1);
        CHECK(c.processed_total == 1);
        CHECK(c.on_time == 1);
        CHECK(c.in_process_total == 0);
    }

    SECTION(
        "returned exactly at the start of the period counts in that period, not the one before") {
        const Dossier d =
            returned(dossier("b", "HT-KH", "HT", at(day(2026, 10, 28), 9), day(2026, 11, 2)),
                     zone().start_of_day(kNov1));
        const std::vector ds{d};
        const auto oct = compute_dossier_report(ds, cfg, zone(), kOct1, kOct31,
                                                DossierGrouping::category, after_all);
        const auto nov = compute_dossier_report(ds, cfg, zone(), kNov1, kNov30,
                                                DossierGrouping::category, after_all);
        check_report(oct, ds, cfg, kOct1, kOct31, after_all);
        check_report(nov, ds, cfg, kNov1, kNov30, after_all);
        CHECK(oct.total.counts.received_total == 1);
        CHECK(oct.total.counts.processed_total == 0);
        CHECK(oct.total.counts.in_process_not_due ==
              1);  // due 2 November: in time at the end of October
        CHECK(nov.total.counts.carried_over == 1);
        CHECK(nov.total.counts.processed_total == 1);
        CHECK(nov.total.counts.early == 1);
        // One millisecond earlier it belongs to October.
        const std::vector earlier{returned(d, zone().start_of_day(kNov1) - Millis{1})};
        const auto oct2 = compute_dossier_report(earlier, cfg, zone(), kOct1, kOct31,
                                                 DossierGrouping::category, after_all);
        const auto nov2 = compute_dossier_report(earlier, cfg, zone(), kNov1, kNov30,
                                                 DossierGrouping::category, after_all);
        CHECK(oct2.total.counts.processed_total == 1);
        CHECK(nov2.total.counts.received_total == 0);
        CHECK(nov2.total.counts.processed_total == 0);
    }

    SECTION(
        "due on the period's last day: on time when returned that day, overdue once the day is "
        "over") {
        const Dossier open = dossier("c", "VX-TC", "VX", at(day(2026, 11, 23), 9), kNov30);
        const Dossier back = returned(dossier("d", "VX-TC", "VX", at(day(2026, 11, 23), 9), kNov30),
                                      at(kNov30, 16, 59));
        const std::vector ds{open, back};
        const auto nov = compute_dossier_report(ds, cfg, zone(), kNov1, kNov30,
                                                DossierGrouping::category, after_all);
        check_report(nov, ds, cfg, kNov1, kNov30, after_all);
        CHECK(nov.total.counts.on_time == 1);
        // As of the end of 30 November its time has run out.
        CHECK(nov.total.counts.in_process_not_due == 0);
        CHECK(nov.total.counts.in_process_overdue == 1);
        // During 30 November it is still in time (the returned one is still open then).
        const TimePoint that_day = at(kNov30, 10);
        const auto seen = as_seen_at(ds, that_day);
        const auto running = compute_dossier_report(seen, cfg, zone(), kNov1, kNov30,
                                                    DossierGrouping::category, that_day);
        check_report(running, seen, cfg, kNov1, kNov30, that_day);
        CHECK(running.total.counts.in_process_not_due == 2);
        CHECK(running.total.counts.in_process_overdue == 0);
        CHECK(running.as_of == that_day);
        // December carries it over, overdue.
        const auto dec = compute_dossier_report(ds, cfg, zone(), kDec1, kDec31,
                                                DossierGrouping::category, after_all);
        CHECK(dec.total.counts.carried_over == 1);
        CHECK(dec.total.counts.in_process_overdue == 1);
    }

    SECTION("a dossier received at the end instant belongs to the next period") {
        const std::vector ds{dossier("e", "HT-KS", "HT", zone().start_of_day(kDec1), kDec1)};
        const auto nov = compute_dossier_report(ds, cfg, zone(), kNov1, kNov30,
                                                DossierGrouping::category, after_all);
        CHECK(figures_of(nov.total.counts) == Figures{});
        const auto dec = compute_dossier_report(ds, cfg, zone(), kDec1, kDec31,
                                                DossierGrouping::category, after_all);
        CHECK(dec.total.counts.received_direct == 1);
    }

    SECTION(
        "late against the legal due date even after an apology, whatever the stored result says") {
        Dossier d =
            returned(dossier("f", "DC-CN", "DC", at(day(2026, 11, 2), 9), day(2026, 11, 16)),
                     at(day(2026, 11, 18), 9));
        d.new_due_date = day(2026, 11, 20);
        d.apology_at = at(day(2026, 11, 13), 9);
        SECTION("stored result missing") {
            d.result.reset();
        }
        SECTION("stored result as recorded") {
            CHECK(d.result == DossierResult::late);
        }
        const std::vector ds{d};
        const auto r = compute_dossier_report(ds, cfg, zone(), kNov1, kNov30,
                                              DossierGrouping::category, after_all);
        CHECK(r.total.counts.late == 1);
    }

    SECTION("every configured row is present, zeros included, then rows no longer configured") {
        Dossier old = dossier("g", "CU-1", "CU", at(day(2026, 11, 3), 9), day(2026, 11, 6));
        old.channel = DossierChannel::online;
        const std::vector ds{old};
        const auto r = compute_dossier_report(ds, cfg, zone(), kNov1, kNov30,
                                              DossierGrouping::category, after_all);
        REQUIRE(r.rows.size() == cfg.categories.size() + 1);
        for (std::size_t i = 0; i < cfg.categories.size(); ++i) {
            CHECK(r.rows[i].key == cfg.categories[i].code);
            CHECK(figures_of(r.rows[i].counts) == Figures{});
        }
        CHECK(r.rows.back().key == "CU");
        CHECK(r.rows.back().label == "CU");
        CHECK(r.rows.back().counts.received_online == 1);
    }

    SECTION("refused or withdrawn before the period does not count; during it, beside the form") {
        Dossier before = dossier("h", "HT-KH", "HT", at(day(2026, 10, 5), 9), day(2026, 10, 8));
        before.state = DossierState::withdrawn;
        before.closed_at = zone().start_of_day(kNov1) - Millis{1};
        Dossier during = dossier("i", "HT-KH", "HT", at(day(2026, 10, 5), 9), day(2026, 10, 8));
        during.state = DossierState::refused;
        during.closed_at = zone().start_of_day(kNov1);
        const std::vector ds{before, during};
        const auto r = compute_dossier_report(ds, cfg, zone(), kNov1, kNov30,
                                              DossierGrouping::category, after_all);
        check_report(r, ds, cfg, kNov1, kNov30, after_all);
        CHECK(r.total.counts.carried_over == 1);
        CHECK(r.total.counts.refused_or_withdrawn == 1);
        CHECK(r.total.counts.in_process_total == 0);
    }
}

TEST_CASE("Biểu II.06a CSV and XLSX hold the figures of the JSON", "[dossier_report]") {
    const WardConfig cfg = ward();
    const TimePoint now = at(day(2027, 1, 12), 9);
    const auto ds = as_seen_at(scenario(99, 300), now);
    const auto group = GENERATE(DossierGrouping::category, DossierGrouping::procedure);
    const auto report = compute_dossier_report(ds, cfg, zone(), kOct1, kDec31, group, now);
    const auto body = json::parse(dossier_report_json(report, zone())).as_object();
    std::vector<json::object> rows;
    for (const auto& row : body.at("rows").as_array()) rows.push_back(row.as_object());
    rows.push_back(body.at("total").as_object());

    SECTION("CSV: BOM, numbered Vietnamese headings, then the rows and the total") {
        const std::string csv = dossier_report_csv(report);
        REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
        std::istringstream in(csv.substr(3));
        std::string line;
        std::vector<std::vector<std::string>> lines;
        while (std::getline(in, line)) {
            CHECK(line.back() == '\r');
            line.pop_back();
            lines.push_back(csv_cells(line));
        }
        REQUIRE(lines.size() == rows.size() + 1);
        const auto& header = lines.front();
        REQUIRE(header.size() == 3 + kFields.size());
        CHECK(header[0] == "(1) TT");
        CHECK(header[2] ==
              (group == DossierGrouping::category ? "(2) Lĩnh vực" : "(2) Thủ tục hành chính"));
        CHECK(header[3] == "(3) Tổng số tiếp nhận");
        CHECK(header[4].starts_with("(4) "));
        CHECK(header[13].starts_with("(13) "));
        CHECK(header[14].find("(") == header[14].find("(ngoài biểu)"));
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto& cells = lines[i + 1];
            INFO("line " << i + 1);
            REQUIRE(cells.size() == header.size());
            CHECK(cells[0] == (i + 1 < rows.size() ? std::to_string(i + 1) : std::string()));
            CHECK(cells[1] == rows[i].at("key").as_string());
            CHECK(cells[2] == rows[i].at("label").as_string());
            for (std::size_t c = 0; c < kFields.size(); ++c)
                CHECK(cells[3 + c] == std::to_string(rows[i].at(kFields[c]).as_int64()));
        }
        CHECK(lines.back()[1] == "total");
    }

    SECTION("XLSX: the form's layout read back cell by cell") {
        auto bytes = dossier_report_xlsx(report);
        REQUIRE(bytes);
        const auto sheet = read_xlsx(*bytes);
        REQUIRE(sheet.size() > 8);
        CHECK(std::count_if(sheet.begin(), sheet.end(), [](const auto& row) {
                  return !row.empty() && row[0] == "#sheet";
              }) == 1);
        std::string text;
        for (const auto& row : sheet)
            for (const auto& cell : row) text += cell + "\n";
        for (const char* expected_text :
             {"Biểu II.06a", "Từ ngày 01/10/2026 đến ngày 31/12/2026", "UBND phường Thử",
              "Số hồ sơ nhận giải quyết", "Trong đó: Trực tuyến", "Trực tiếp, dịch vụ bưu chính",
              "Từ kỳ trước", "Số hồ sơ đã giải quyết", "Trước hạn", "Đúng hạn",
              "Số hồ sơ đang giải quyết", "Trong hạn"}) {
            INFO(expected_text);
            CHECK(text.find(std::string(expected_text) + "\n") != std::string::npos);
        }
        std::size_t numbers = 0;
        while (numbers < sheet.size() && (sheet[numbers].empty() || sheet[numbers][0] != "(1)"))
            ++numbers;
        REQUIRE(numbers < sheet.size());
        for (std::size_t c = 0; c < 13; ++c) CHECK(sheet[numbers][c] == fmt::format("({})", c + 1));
        REQUIRE(sheet.size() >= numbers + 1 + rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto& cells = sheet[numbers + 1 + i];
            INFO("sheet row " << i + 1);
            REQUIRE(cells.size() == 14);
            CHECK(cells[0] == (i + 1 < rows.size() ? std::to_string(i + 1) : std::string()));
            CHECK(cells[1] == rows[i].at("label").as_string());
            // Form columns 3..13 in sheet columns 2..12, then the extra column.
            for (std::size_t c = 0; c < kFields.size(); ++c)
                CHECK(cells[2 + c] == std::to_string(rows[i].at(kFields[c]).as_int64()));
        }
        CHECK(sheet[numbers + rows.size()][1] == "Tổng cộng");
    }
}
