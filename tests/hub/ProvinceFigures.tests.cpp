// The province's figures over lean cached tickets (hub/reports/province_figures) against the
// ward's own computation over the raw rows (service/reports/turnaround): every field of every
// row, for every grouping, over random tickets that include what breaks shortcuts (waits before
// the issue, waits longer than the counted range, half seconds, quiet categories, codes no config
// names, days outside the period in the same months, wards with other targets and scales).
#include <catch2/catch.hpp>
#include <random>

#include "reports/hub_reports.hpp"
#include "reports/month_cache.hpp"
#include "reports/province_figures.hpp"
#include "reports/turnaround.hpp"
#include "reports/wait_histogram.hpp"

using namespace motcua;
using namespace motcua::hub;

namespace {

struct RawTicket {
    Day day;
    std::string category;
    TicketState state;
    int rating;
    std::int64_t issued, called, started, finished;
};

struct Ward {
    WardMeta meta;
    std::vector<RawTicket> tickets;  // in day order
};

const OfficeZone& zone() {
    static const OfficeZone z = *OfficeZone::load("Asia/Ho_Chi_Minh");
    return z;
}

Category category(std::string code, std::string name, int target_s) {
    Category c;
    c.code = std::move(code);
    c.name_vi = std::move(name);
    c.target_wait_s = target_s;
    return c;
}

WardMeta ward_meta(std::string code, std::vector<Category> categories, SatisfactionScale scale) {
    WardMeta m;
    m.code = code;
    m.name = "Phường " + code;
    m.config.unit_code = code;
    m.config.office_name = m.name;
    m.config.time_zone = "Asia/Ho_Chi_Minh";
    m.config.scale = scale;
    m.config.categories = std::move(categories);
    return m;
}

std::vector<RawTicket> random_tickets(std::mt19937& rng, const std::vector<std::string>& codes,
                                      Day first, int days, int per_day) {
    std::vector<RawTicket> out;
    const auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    for (int d = 0; d < days; ++d) {
        const Day day{date::sys_days{first} + date::days{d}};
        const std::int64_t start = to_epoch_ms(zone().start_of_day(day));
        const int n = pick(per_day + 1);
        for (int i = 0; i < n; ++i) {
            RawTicket t;
            t.day = day;
            t.category = codes[static_cast<std::size_t>(pick(static_cast<int>(codes.size())))];
            const std::array states{TicketState::done,    TicketState::done,
                                    TicketState::done,    TicketState::no_show,
                                    TicketState::expired, TicketState::waiting,
                                    TicketState::serving};
            t.state = states[static_cast<std::size_t>(pick(static_cast<int>(states.size())))];
            t.rating = pick(8) < 3 ? 0 : pick(6);
            t.issued = start + 7 * 3'600'000 + pick(11 * 3'600'000);
            const int kind = pick(20);
            // Mostly minutes, some half seconds, a few before the issue and a few of many hours.
            std::int64_t wait = kind == 0   ? -pick(5000)
                                : kind == 1 ? 20'000'000 + pick(9'000'000)
                                            : pick(2'400'000);
            if (kind == 2) wait = 1500 + 1000 * pick(40);
            t.called =
                t.state == TicketState::waiting || (t.state == TicketState::expired && pick(2) == 0)
                    ? -1
                    : t.issued + wait;
            t.started = t.called >= 0 && pick(10) != 0 ? t.called + pick(60'000) : -1;
            t.finished = t.started >= 0 && pick(12) != 0 ? t.started + 500 + pick(1'500'000) : -1;
            if (t.state == TicketState::no_show && t.called >= 0) t.finished = t.called + 120'000;
            out.push_back(t);
        }
    }
    return out;
}

/// The wards' tickets as the cache holds them: blocks per month, every ticket of those months.
std::vector<WardTickets> cached(const std::vector<Ward>& wards) {
    std::vector<WardTickets> out;
    for (const auto& w : wards) {
        std::map<std::int64_t, std::shared_ptr<MonthBlock>> months;
        for (const auto& t : w.tickets) {
            const Day first{t.day.year(), t.day.month(), date::day{1}};
            auto& b = months[date::sys_days{first}.time_since_epoch().count()];
            if (!b) {
                b = std::make_shared<MonthBlock>();
                b->first = first;
            }
            append_ticket(*b, t.day, t.category, t.state, t.rating, t.issued, t.called, t.started,
                          t.finished, to_epoch_ms(zone().start_of_day(t.day)));
        }
        WardTickets wt{&w.meta, {}};
        for (auto& [key, b] : months) {
            finish_block(*b);
            wt.months.push_back(b);
        }
        out.push_back(std::move(wt));
    }
    return out;
}

/// The raw rows of [from, to], as the ward's store reads them, one ward or all wards merged
/// (each ward's categories kept apart with their own targets).
store::ReportRows raw_rows(const std::vector<const Ward*>& wards, Day from, Day to) {
    store::ReportRows all;
    for (const auto* w : wards) {
        store::ReportRows rows;
        store::ReportRowsBuilder b(rows);
        for (const auto& t : w->tickets)
            if (t.day >= from && t.day <= to)
                b.add(t.category, std::nullopt, 0, format_day(t.day), to_string(t.state), t.rating,
                      t.issued, t.called, t.started, t.finished);
        const auto base = static_cast<std::int32_t>(all.categories.size());
        for (const auto& code : rows.categories) {
            all.categories.push_back(code);
            const Category* c = w->meta.config.find_category(code);
            all.category_targets.push_back(c != nullptr ? c->target_wait_s : 0);
        }
        std::vector<std::int32_t> day_map;
        for (const auto& d : rows.days) {
            auto found = std::find(all.days.begin(), all.days.end(), d);
            if (found == all.days.end()) found = all.days.insert(all.days.end(), d);
            day_map.push_back(static_cast<std::int32_t>(found - all.days.begin()));
        }
        for (auto t : rows.tickets) {
            t.category += base;
            t.day = day_map[static_cast<std::size_t>(t.day)];
            all.tickets.push_back(t);
        }
    }
    return all;
}

WardConfig province_config(const std::vector<Ward>& wards) {
    WardConfig cfg;
    for (const auto& w : wards)
        for (const auto& c : w.meta.config.categories)
            if (cfg.find_category(c.code) == nullptr) cfg.categories.push_back(c);
    return cfg;
}

TurnaroundReport reference(const std::vector<Ward>& wards, const WardConfig& province, Day from,
                           Day to, ReportGrouping g) {
    std::vector<const Ward*> all;
    for (const auto& w : wards) all.push_back(&w);
    reports::ReportInput input;
    input.rows = raw_rows(all, from, to);
    if (g != ReportGrouping::ward)
        return reports::compute_turnaround(input, province, from, to, reports::GroupBy(g), zone());
    TurnaroundReport r;
    r.from = from;
    r.to = to;
    r.group_by = g;
    for (const auto& w : wards) {
        reports::ReportInput own;
        own.rows = raw_rows({&w}, from, to);
        auto row = reports::compute_turnaround(own, w.meta.config, from, to,
                                               reports::GroupBy::category, zone())
                       .total;
        row.key = w.meta.code;
        row.label = w.meta.name;
        r.rows.push_back(row);
    }
    r.total =
        reports::compute_turnaround(input, province, from, to, reports::GroupBy::category, zone())
            .total;
    return r;
}

void same(const TurnaroundReport& got, const TurnaroundReport& want) {
    REQUIRE(got.rows.size() == want.rows.size());
    for (std::size_t i = 0; i < got.rows.size(); ++i) {
        INFO("row " << want.rows[i].key);
        CHECK(got.rows[i] == want.rows[i]);
    }
    CHECK(got.total == want.total);
    CHECK(got == want);
}

std::vector<Ward> scenario(std::uint32_t seed, int per_day) {
    std::mt19937 rng(seed);
    std::vector<Ward> wards;
    wards.push_back({ward_meta("A",
                               {category("HT", "Hộ tịch", 900), category("DC", "Địa chính", 1200),
                                category("QUIET", "Không ai đến", 300)},
                               SatisfactionScale::five_level),
                     {}});
    wards.push_back(
        {ward_meta("B", {category("HT", "Tư pháp - Hộ tịch", 600), category("VX", "Văn hóa", 900)},
                   SatisfactionScale::three_level),
         {}});
    wards.push_back(
        {ward_meta("C", {category("DC", "Đất đai", 1800)}, SatisfactionScale::five_level), {}});
    const Day first = *parse_day("2026-01-20");
    wards[0].tickets = random_tickets(rng, {"HT", "DC", "OLD1"}, first, 45, per_day);
    wards[1].tickets = random_tickets(rng, {"HT", "VX", "OLD2", "OLD1"}, first, 45, per_day);
    wards[2].tickets = random_tickets(rng, {"DC"}, first, 45, per_day);
    return wards;
}

}  // namespace

TEST_CASE("the province's figures from cached tickets equal the ward's computation over raw rows",
          "[hub][figures]") {
    for (const std::uint32_t seed : {1U, 2U, 3U}) {
        const auto wards = scenario(seed, 40);
        const auto tickets = cached(wards);
        const WardConfig province = province_config(wards);
        for (const auto& [from, to] :
             {std::pair{"2026-01-25", "2026-02-20"}, std::pair{"2026-02-03", "2026-02-03"},
              std::pair{"2026-01-01", "2026-12-31"}}) {
            const Day f = *parse_day(from), t = *parse_day(to);
            for (const auto g : kProvinceGroupings) {
                INFO("seed " << seed << ", " << from << ".." << to << ", by " << to_string(g));
                same(province_figures(tickets, f, t, g, province),
                     reference(wards, province, f, t, g));
            }
            INFO("waits histogram, seed " << seed << ", " << from << ".." << to);
            std::vector<const Ward*> all;
            for (const auto& w : wards) all.push_back(&w);
            CHECK(province_wait_figures(tickets, f, t, province) ==
                  reports::compute_wait_histogram(raw_rows(all, f, t), province, f, t));
        }
    }
}

TEST_CASE("one ward's figures from cached tickets are its own report", "[hub][figures]") {
    const auto wards = scenario(7, 30);
    const auto tickets = cached(wards);
    const Day f = *parse_day("2026-01-20"), t = *parse_day("2026-03-05");
    for (std::size_t i = 0; i < wards.size(); ++i) {
        reports::ReportInput own;
        own.rows = raw_rows({&wards[i]}, f, t);
        for (const auto g : {ReportGrouping::category, ReportGrouping::day, ReportGrouping::hour}) {
            INFO("ward " << wards[i].meta.code << " by " << to_string(g));
            same(province_figures({tickets[i]}, f, t, g, wards[i].meta.config),
                 reports::compute_turnaround(own, wards[i].meta.config, f, t, reports::GroupBy(g),
                                             zone()));
        }
    }
}

TEST_CASE("the province's figures split over two threads equal one thread's", "[hub][figures]") {
    // Enough tickets to be scanned on two threads (the split starts at 500,000).
    const auto wards = scenario(11, 8000);
    const auto tickets = cached(wards);
    std::size_t n = 0;
    for (const auto& w : tickets)
        for (const auto& b : w.months) n += b->tickets.size();
    REQUIRE(n > 500'000);
    const WardConfig province = province_config(wards);
    const Day f = *parse_day("2026-01-20"), t = *parse_day("2026-03-05");
    for (const auto g : {ReportGrouping::ward, ReportGrouping::category}) {
        INFO("by " << to_string(g));
        same(province_figures(tickets, f, t, g, province), reference(wards, province, f, t, g));
    }
}

namespace {

std::vector<Dossier> random_dossiers(std::mt19937& rng, const std::vector<std::string>& categories,
                                     int n) {
    std::vector<Dossier> out;
    const auto pick = [&](int k) { return static_cast<int>(rng() % static_cast<unsigned>(k)); };
    const Day first = *parse_day("2025-11-01");
    for (int i = 0; i < n; ++i) {
        Dossier d;
        d.day = Day{date::sys_days{first} + date::days{pick(150)}};
        d.received_at =
            zone().start_of_day(d.day) + std::chrono::hours{8} + std::chrono::minutes{pick(540)};
        d.category =
            categories[static_cast<std::size_t>(pick(static_cast<int>(categories.size())))];
        d.procedure = d.category + (pick(2) == 0 ? "-1" : "-2");
        d.channel = pick(3) == 0 ? DossierChannel::online : DossierChannel::direct;
        d.due_date = Day{date::sys_days{d.day} + date::days{pick(20)}};
        const std::array states{DossierState::received, DossierState::in_process,
                                DossierState::returned, DossierState::returned,
                                DossierState::refused,  DossierState::withdrawn};
        d.state = states[static_cast<std::size_t>(pick(static_cast<int>(states.size())))];
        d.updated_at = d.received_at + std::chrono::hours{pick(24 * 40)};
        if (d.state == DossierState::returned) {
            d.returned_at = d.received_at + std::chrono::hours{pick(24 * 30)};
            if (pick(5) != 0) d.closed_at = d.returned_at;
        } else if (dossier_closed(d.state) && pick(4) != 0) {
            // Sometimes a close recorded before the receipt: it counts at the receipt.
            d.closed_at = d.received_at + std::chrono::hours{pick(24 * 30) - 2};
        }
        out.push_back(d);
    }
    return out;
}

}  // namespace

TEST_CASE("Biểu II.06a from cached dossiers equals the ward's form over the raw records",
          "[hub][figures]") {
    std::mt19937 rng(5);
    auto wards = scenario(5, 1);
    for (auto& w : wards) {
        Procedure birth, permit;
        birth.code = "HT-1";
        birth.name_vi = "Đăng ký khai sinh";
        permit.code = "DC-1";
        permit.name_vi = "Cấp phép xây dựng";
        w.meta.config.procedures = {birth, permit};
    }
    std::vector<std::vector<Dossier>> raw;
    std::vector<WardDossiers> cached_dossiers;
    std::vector<std::map<std::int64_t, std::shared_ptr<DossierBlock>>> blocks(wards.size());
    for (std::size_t i = 0; i < wards.size(); ++i) {
        raw.push_back(random_dossiers(rng, {"HT", "DC", "OLD"}, 3000));
        // A close recorded an hour before its receipt, across each period's start: the store does
        // not read it for that period (its closed_at is before the start), though the form would
        // count it closed at its receipt.
        for (const char* day : {"2025-12-01", "2026-01-15", "2026-02-10"}) {
            Dossier d = raw.back().front();
            d.day = *parse_day(day);
            d.received_at = zone().start_of_day(d.day) + std::chrono::minutes{30};
            d.state = DossierState::withdrawn;
            d.closed_at = d.received_at - std::chrono::hours{1};
            raw.back().push_back(d);
        }
        for (const auto& d : raw.back()) {
            const Day first{d.day.year(), d.day.month(), date::day{1}};
            auto& b = blocks[i][date::sys_days{first}.time_since_epoch().count()];
            if (!b) {
                b = std::make_shared<DossierBlock>();
                b->first = first;
            }
            append_dossier(*b, d.category, d.procedure, d.channel, d.state, d.received_at,
                           d.due_date, d.returned_at, d.closed_at, d.updated_at);
        }
        WardDossiers wd{&wards[i].meta, {}};
        for (auto& [key, b] : blocks[i]) wd.months.push_back(b);
        cached_dossiers.push_back(std::move(wd));
    }
    WardConfig province = province_config(wards);
    province.procedures = wards[0].meta.config.procedures;
    province.office_name = "Tỉnh";
    const TimePoint now = zone().start_of_day(*parse_day("2026-02-10")) + std::chrono::hours{10};
    for (const auto& [from, to] :
         {std::pair{"2025-12-01", "2025-12-31"}, std::pair{"2026-01-15", "2026-03-31"},
          std::pair{"2026-02-10", "2026-02-10"}}) {
        const Day f = *parse_day(from), t = *parse_day(to);
        INFO(from << ".." << to);
        // What the ward's store reads for the period (Store::dossiers_open_during's query),
        // before the form counts: received before the end, closed_at (as recorded) not before the
        // start.
        const TimePoint start = zone().start_of_day(f);
        const TimePoint end = zone().start_of_day(Day{date::sys_days{t} + date::days{1}});
        const auto read = [&](const std::vector<Dossier>& ds) {
            std::vector<Dossier> out;
            for (const auto& d : ds)
                if (d.received_at < end && (!d.closed_at || *d.closed_at >= start))
                    out.push_back(d);
            return out;
        };
        std::vector<Dossier> all;
        for (const auto& r : raw) {
            const auto got = read(r);
            all.insert(all.end(), got.begin(), got.end());
        }
        for (const auto g :
             {reports::DossierGrouping::category, reports::DossierGrouping::procedure}) {
            const auto want = reports::compute_dossier_report(all, province, zone(), f, t, g, now);
            const auto got =
                province_dossier_figures(cached_dossiers, f, t, false, g, province, zone(), now);
            CHECK(got.rows == want.rows);
            CHECK(got.total == want.total);
            CHECK(got.as_of == want.as_of);
        }
        // By ward: each row the ward's own total, the total their sum.
        const auto by_ward = province_dossier_figures(
            cached_dossiers, f, t, true, reports::DossierGrouping::category, province, zone(), now);
        REQUIRE(by_ward.rows.size() == wards.size());
        DossierCounts sum;
        for (std::size_t i = 0; i < wards.size(); ++i) {
            const auto own =
                reports::compute_dossier_report(read(raw[i]), wards[i].meta.config, zone(), f, t,
                                                reports::DossierGrouping::category, now);
            CHECK(by_ward.rows[i].key == wards[i].meta.code);
            CHECK(by_ward.rows[i].counts == own.total.counts);
            sum += own.total.counts;
        }
        CHECK(by_ward.total.counts == sum);
        CHECK(by_ward.total.counts.received_total > 0);
    }
}
