#include "kiosk/core/reports/reports_session.hpp"

#include "kiosk/core/shell/ward_api.hpp"

namespace motcua::kiosk {

std::string_view reports_screen_name(ReportsScreen screen) {
    switch (screen) {
        case ReportsScreen::login:
            return "reports_login";
        case ReportsScreen::table:
            return "reports_table";
        case ReportsScreen::charts:
            return "reports_charts";
        case ReportsScreen::overview:
            return "reports_overview";
        case ReportsScreen::appointments:
            return "reports_appointments";
        case ReportsScreen::estimates:
            return "reports_estimates";
    }
    return "unknown";
}

bool is_failure(ReportsMessage m) {
    return m != ReportsMessage::none && m != ReportsMessage::saved;
}

ReportsMessage reports_message_for(const Error& error, bool login) {
    using M = ReportsMessage;
    if (const LoginProblem p = login_problem_of(error, login); p != LoginProblem::none)
        return login_message<M>(p);
    if (error.code == ErrorCode::save_failed) return M::save_failed;
    return M::refused;
}

std::span<const ReportGrouping> ReportsSession::groupings() const {
    if (province_) return kProvinceGroupings;
    return kReportGroupings;
}

bool ReportsSession::can_choose_ward() const {
    return province_ && login_.logged_in() &&
           login_.officer()->officer.role == OfficerRole::province;
}

std::string ReportsSession::ward_name(const std::string& code) const {
    if (overview_.value)
        for (const auto& w : overview_.value->wards)
            if (w.code == code) return w.name;
    return code;
}

bool ReportsSession::busy() const {
    if (clock_request_ != 0 || waits_.state == LoadState::loading) return true;
    if (overview_.state == LoadState::loading) return true;
    if (appointments_.state == LoadState::loading) return true;
    if (estimates_.state == LoadState::loading) return true;
    for (const auto& t : tables_)
        if (t.state == LoadState::loading) return true;
    return false;
}

std::optional<ExportFormat> ReportsSession::exporting() const {
    if (!export_) return std::nullopt;
    return export_->format;
}

bool ReportsSession::can_export() const {
    // The exports are the turnaround report's (a sheet per grouping); the appointments and
    // estimates reports' CSV come from the API and `motcua-service report appointments|estimates`.
    return login_.logged_in() && period_.has_value() && !export_ &&
           screen_ != ReportsScreen::appointments && screen_ != ReportsScreen::estimates;
}

void ReportsSession::say(ReportsMessage m, std::string detail) {
    message_ = m;
    detail_ = std::move(detail);
}

ReportsEffects ReportsSession::apply(const ReportsCommand& command) {
    ReportsEffects out;
    std::visit(
        [&](const auto& c) {
            using C = std::decay_t<decltype(c)>;
            namespace rc = reports_cmd;
            if constexpr (std::is_same_v<C, rc::Login>) {
                if (screen_ != ReportsScreen::login) return;
                out.login = login_.begin(c.username, c.password);
                if (out.login) say(ReportsMessage::none);
            } else if constexpr (std::is_same_v<C, rc::Logout>) {
                if (login_.logged_in()) {
                    logout();
                    say(ReportsMessage::none);
                }
            } else if constexpr (std::is_same_v<C, rc::ChoosePeriod>) {
                if (!login_.logged_in()) return;
                if (c.kind == PeriodKind::custom) {
                    // The fields start from the period on screen: the officer edits, not retypes.
                    kind_ = PeriodKind::custom;
                    if (!custom_open_ && period_) {
                        custom_from_ = format_day_vn(period_->from);
                        custom_to_ = format_day_vn(period_->to);
                        custom_period_ = period_;  // what Làm mới reloads until another is typed
                    }
                    custom_open_ = true;
                    custom_problem_.reset();
                    return;
                }
                kind_ = c.kind;
                custom_open_ = false;
                custom_problem_.reset();
                out = load();
            } else if constexpr (std::is_same_v<C, rc::ApplyCustom>) {
                if (!login_.logged_in() || kind_ != PeriodKind::custom) return;
                custom_from_ = c.from;
                custom_to_ = c.to;
                const auto typed = parse_custom_period(c.from, c.to);
                if (const auto* problem = std::get_if<PeriodProblem>(&typed)) {
                    custom_problem_ = *problem;
                    return;
                }
                custom_problem_.reset();
                custom_period_ = std::get<ReportPeriod>(typed);
                out = load();
            } else if constexpr (std::is_same_v<C, rc::ChooseGrouping>) {
                if (!login_.logged_in()) return;
                grouping_ = c.grouping;
                screen_ = ReportsScreen::table;
            } else if constexpr (std::is_same_v<C, rc::ShowCharts>) {
                if (login_.logged_in()) screen_ = ReportsScreen::charts;
            } else if constexpr (std::is_same_v<C, rc::ShowAppointments>) {
                if (login_.logged_in() && !province_) screen_ = ReportsScreen::appointments;
            } else if constexpr (std::is_same_v<C, rc::ShowEstimates>) {
                if (login_.logged_in()) screen_ = ReportsScreen::estimates;
            } else if constexpr (std::is_same_v<C, rc::ShowOverview>) {
                if (login_.logged_in() && province_) screen_ = ReportsScreen::overview;
            } else if constexpr (std::is_same_v<C, rc::ChooseWard>) {
                if (!can_choose_ward() || c.ward == ward_) return;
                ward_ = c.ward;
                // A ward chosen from the ranking: its figures, by category first.
                if (ward_ && screen_ == ReportsScreen::overview) {
                    screen_ = ReportsScreen::table;
                    grouping_ = ReportGrouping::category;
                }
                if (kind_ == PeriodKind::custom && !custom_period_) return;
                out = load();
            } else if constexpr (std::is_same_v<C, rc::NextHistogramCategory>) {
                if (!waits_.value) return;
                const auto& categories = waits_.value->categories;
                // Only categories with waits to show: an empty histogram helps nobody.
                for (std::size_t step = 1; step <= categories.size() + 1; ++step) {
                    const std::size_t next = (histogram_choice_ + step) % (categories.size() + 1);
                    if (next == 0 || categories[next - 1].served > 0) {
                        histogram_choice_ = next;
                        return;
                    }
                }
            } else if constexpr (std::is_same_v<C, rc::Refresh>) {
                if (!login_.logged_in()) return;
                // A custom period never applied is not refreshed: the figures on screen are.
                if (kind_ == PeriodKind::custom && !custom_period_) return;
                out = load();
            } else if constexpr (std::is_same_v<C, rc::Export>) {
                if (!can_export()) return;
                export_ = ExportJob{next_id_++, *period_, c.format, grouping_};
                say(ReportsMessage::none);
                out.export_job = export_;
            }
        },
        command);
    return out;
}

ReportsEffects ReportsSession::load() {
    ReportsEffects out;
    // "Today" is the service's office day: every load reads its clock first.
    clock_request_ = next_id_++;
    out.read_clock = clock_request_;
    for (const ReportGrouping g : groupings())
        tables_.at(static_cast<std::size_t>(g)).state = LoadState::loading;
    waits_.state = LoadState::loading;
    estimates_.state = LoadState::loading;
    if (province_) overview_.state = LoadState::loading;
    if (!province_) appointments_.state = LoadState::loading;
    return out;
}

ReportsEffects ReportsSession::on_login(std::uint64_t id,
                                        const Result<api::LoginResponse>& answer) {
    const auto done = login_.on_answer(id, answer);
    if (!done) return {};
    if (!*done) {
        say(reports_message_for(done->error(), true));
        return {};
    }
    // A province account opens on the ranking of its wards; a ward_viewer on its ward.
    province_ = answer->officer.role == OfficerRole::province ||
                answer->officer.role == OfficerRole::ward_viewer;
    screen_ = answer->officer.role == OfficerRole::province ? ReportsScreen::overview
                                                            : ReportsScreen::table;
    grouping_ = province_ && answer->officer.role == OfficerRole::province
                    ? ReportGrouping::ward
                    : ReportGrouping::category;
    say(ReportsMessage::none);
    ReportsEffects out = load();
    out.token = answer->token;
    return out;
}

ReportsEffects ReportsSession::on_clock(std::uint64_t id, const Result<TimePoint>& service_now) {
    if (id == 0 || id != clock_request_) return {};
    clock_request_ = 0;
    ReportsEffects out;
    if (!service_now) {
        LoadState state = LoadState::failed;
        ReportsMessage problem = ReportsMessage::none;
        if (failed(service_now.error(), state, problem)) return out;
        for (auto& t : tables_) {
            t.state = LoadState::failed;
            t.problem = problem;
        }
        waits_.state = LoadState::failed;
        waits_.problem = problem;
        estimates_.state = LoadState::failed;
        estimates_.problem = problem;
        if (province_) {
            overview_.state = LoadState::failed;
            overview_.problem = problem;
        } else {
            appointments_.state = LoadState::failed;
            appointments_.problem = problem;
        }
        return out;
    }
    as_of_ = *service_now;
    today_ = settings_.zone.office_day(*service_now);
    ReportPeriod next = kind_ == PeriodKind::custom && custom_period_
                            ? *custom_period_
                            : preset_period(kind_, *today_);
    next.ward = ward_;
    if (period_ != next) {
        // Another period: the old figures would be read as this one's.
        for (auto& t : tables_) t.value.reset();
        waits_.value.reset();
        appointments_.value.reset();
        estimates_.value.reset();
        // The ranking covers every ward whatever the filter: only the days matter to it.
        if (!period_ || period_->from != next.from || period_->to != next.to)
            overview_.value.reset();
        histogram_choice_ = 0;
    }
    period_ = next;
    if (kind_ == PeriodKind::custom) custom_open_ = true;
    fetch_all(out);
    return out;
}

void ReportsSession::fetch_all(ReportsEffects& out) {
    // What is on screen first: the officer is looking at it.
    const auto add = [&](std::optional<ReportGrouping> g, std::uint64_t& request) {
        request = next_id_++;
        out.fetches.push_back(ReportFetch{request, *period_, g});
    };
    const auto add_overview = [&] {
        overview_.request = next_id_++;
        ReportPeriod all = *period_;
        all.ward.reset();
        out.fetches.push_back(ReportFetch{overview_.request, all, std::nullopt, true});
        overview_.state = LoadState::loading;
    };
    const auto add_appointments = [&] {
        appointments_.request = next_id_++;
        ReportFetch f{appointments_.request, *period_, std::nullopt};
        f.appointments = true;
        out.fetches.push_back(f);
        appointments_.state = LoadState::loading;
    };
    const auto add_estimates = [&] {
        estimates_.request = next_id_++;
        ReportFetch f{estimates_.request, *period_, std::nullopt};
        f.estimates = true;
        out.fetches.push_back(f);
        estimates_.state = LoadState::loading;
    };
    if (province_ && screen_ == ReportsScreen::overview) add_overview();
    if (!province_ && screen_ == ReportsScreen::appointments) add_appointments();
    if (screen_ == ReportsScreen::estimates) add_estimates();
    if (screen_ == ReportsScreen::charts) add(std::nullopt, waits_.request);
    add(grouping_, tables_.at(static_cast<std::size_t>(grouping_)).request);
    for (const ReportGrouping g : groupings())
        if (g != grouping_) add(g, tables_.at(static_cast<std::size_t>(g)).request);
    if (screen_ != ReportsScreen::charts) add(std::nullopt, waits_.request);
    if (province_ && screen_ != ReportsScreen::overview) add_overview();
    if (!province_ && screen_ != ReportsScreen::appointments) add_appointments();
    if (screen_ != ReportsScreen::estimates) add_estimates();
    for (const ReportGrouping g : groupings())
        tables_.at(static_cast<std::size_t>(g)).state = LoadState::loading;
    waits_.state = LoadState::loading;
}

bool ReportsSession::failed(const Error& error, LoadState& state, ReportsMessage& problem) {
    const ReportsMessage m = reports_message_for(error, false);
    if (m == ReportsMessage::session_expired) {
        logout();
        say(m);  // said on the login screen, where the officer starts again
        return true;
    }
    state = LoadState::failed;
    problem = m;
    return false;
}

void ReportsSession::on_turnaround(std::uint64_t id, const Result<TurnaroundReport>& answer) {
    if (id == 0) return;
    for (auto& t : tables_) {
        if (t.request != id) continue;
        t.request = 0;
        if (!answer) {
            failed(answer.error(), t.state, t.problem);
            return;
        }
        t.value = *answer;
        t.state = LoadState::loaded;
        t.problem = ReportsMessage::none;
        return;
    }
}

void ReportsSession::on_waits(std::uint64_t id, const Result<WaitHistogram>& answer) {
    if (id == 0 || id != waits_.request) return;
    waits_.request = 0;
    if (!answer) {
        failed(answer.error(), waits_.state, waits_.problem);
        return;
    }
    waits_.value = *answer;
    waits_.state = LoadState::loaded;
    waits_.problem = ReportsMessage::none;
    if (histogram_choice_ > waits_.value->categories.size()) histogram_choice_ = 0;
}

void ReportsSession::on_overview(std::uint64_t id, const Result<hub::ProvinceOverview>& answer) {
    if (id == 0 || id != overview_.request) return;
    overview_.request = 0;
    if (!answer) {
        failed(answer.error(), overview_.state, overview_.problem);
        return;
    }
    overview_.value = *answer;
    overview_.state = LoadState::loaded;
    overview_.problem = ReportsMessage::none;
}

void ReportsSession::on_appointments(std::uint64_t id, const Result<AppointmentReport>& answer) {
    if (id == 0 || id != appointments_.request) return;
    appointments_.request = 0;
    if (!answer) {
        failed(answer.error(), appointments_.state, appointments_.problem);
        return;
    }
    appointments_.value = *answer;
    appointments_.state = LoadState::loaded;
    appointments_.problem = ReportsMessage::none;
}

void ReportsSession::on_estimates(std::uint64_t id, const Result<EstimateReport>& answer) {
    if (id == 0 || id != estimates_.request) return;
    estimates_.request = 0;
    if (!answer) {
        failed(answer.error(), estimates_.state, estimates_.problem);
        return;
    }
    estimates_.value = *answer;
    estimates_.state = LoadState::loaded;
    estimates_.problem = ReportsMessage::none;
}

void ReportsSession::on_export(std::uint64_t id, const Result<std::filesystem::path>& answer) {
    if (id == 0 || !export_ || export_->id != id) return;
    export_.reset();
    if (answer) {
        say(ReportsMessage::saved, answer->string());
        return;
    }
    const ReportsMessage m = reports_message_for(answer.error(), false);
    if (m == ReportsMessage::session_expired) {
        logout();
        say(m);
        return;
    }
    say(m, m == ReportsMessage::save_failed ? settings_.export_dir.string() : std::string());
}

void ReportsSession::logout() {
    const ReportsSettings settings = settings_;
    const std::uint64_t next = next_id_;
    OfficerLogin login = login_;
    login.log_out();
    *this = ReportsSession(settings);
    // Answers to the old session's requests (and its login) never match a new one's.
    next_id_ = next;
    login_ = login;
}

}  // namespace motcua::kiosk
