#include "kiosk/ui/reports/reports_screens.hpp"

#include <spdlog/spdlog.h>

#include "kiosk/ui/shell/shell_chrome.hpp"

namespace motcua::kiosk::ui {

namespace {

void log_failure(std::string_view what, const Error& e) {
    spdlog::warn("reports: {}: {} ({})", what, e.message, wire_name(e.code));
}

}  // namespace

ReportsScreens::ReportsScreens(ReportsSettings settings, ReportsServices& services)
    : zone_(settings.zone), services_(services), session_(std::move(settings)) {}

ReportsScreens::~ReportsScreens() {
    *alive_ = false;
}

Token ReportsScreens::token() const {
    if (!session_.officer()) return std::nullopt;
    return session_.officer()->token;
}

void ReportsScreens::draw(UiFrame& ui, const ShellView& view, const AppState& state) {
    // The caret would need a frame every half second; the field's border already shows focus.
    ImGui::GetIO().ConfigInputTextCursorBlink = false;
    const Language lang = ui.tr.language();
    ReportsCommands commands;
    switch (session_.screen()) {
        case ReportsScreen::login:
            login_.draw(ui, view, make_reports_login_view(session_), commands);
            break;
        case ReportsScreen::table: {
            const Box page = bar_.draw(ui, view, make_bar_view(session_, zone_), commands);
            table_.draw(ui, page, make_table_view(session_, state.ward, lang), session_.period());
            draw_footer(ui, view);
            break;
        }
        case ReportsScreen::charts: {
            const Box page = bar_.draw(ui, view, make_bar_view(session_, zone_), commands);
            charts_.draw(ui, page, make_charts_view(session_, state.ward, lang), commands);
            draw_footer(ui, view);
            break;
        }
        case ReportsScreen::appointments: {
            const Box page = bar_.draw(ui, view, make_bar_view(session_, zone_), commands);
            appointments_.draw(ui, page, make_appointments_view(session_, state.ward, lang));
            draw_footer(ui, view);
            break;
        }
        case ReportsScreen::estimates: {
            const Box page = bar_.draw(ui, view, make_bar_view(session_, zone_), commands);
            estimates_.draw(ui, page, make_estimates_view(session_, lang));
            draw_footer(ui, view);
            break;
        }
        case ReportsScreen::overview: {
            const Box page = bar_.draw(ui, view, make_bar_view(session_, zone_), commands);
            overview_.draw(ui, page, make_overview_view(session_, overview_.metric(), lang),
                           session_.can_choose_ward(), commands);
            draw_footer(ui, view);
            break;
        }
    }
    for (const auto& command : commands) apply(command);
    // A click changes the screen: show it in the next frame rather than at the next event.
    if (!commands.empty()) ui.redraw_within(0.0);
}

void ReportsScreens::apply(const ReportsCommand& command) {
    carry_out(session_.apply(command));
}

void ReportsScreens::carry_out(const ReportsEffects& effects) {
    const std::weak_ptr<bool> alive = alive_;
    if (effects.token) services_.use_token(*effects.token, session_.province());
    if (effects.login) {
        const std::uint64_t id = effects.login->id;
        services_.log_in(effects.login->request,
                         [this, id, alive](const Result<api::LoginResponse>& answer) {
                             if (alive.expired()) return;
                             if (!answer) log_failure("login", answer.error());
                             carry_out(session_.on_login(id, answer));
                         });
    }
    if (effects.read_clock) {
        const std::uint64_t id = *effects.read_clock;
        services_.read_clock([this, id, alive](const Result<TimePoint>& now) {
            if (alive.expired()) return;
            if (!now) log_failure("the service's clock", now.error());
            carry_out(session_.on_clock(id, now));
        });
    }
    for (const ReportFetch& f : effects.fetches) {
        const std::uint64_t id = f.id;
        if (f.appointments) {
            services_.fetch_appointments(token(), f.period,
                                         [this, id, alive](const Result<AppointmentReport>& r) {
                                             if (alive.expired()) return;
                                             if (!r) log_failure("appointments", r.error());
                                             session_.on_appointments(id, r);
                                         });
        } else if (f.estimates) {
            services_.fetch_estimates(token(), f.period,
                                      [this, id, alive](const Result<EstimateReport>& r) {
                                          if (alive.expired()) return;
                                          if (!r) log_failure("wait estimates", r.error());
                                          session_.on_estimates(id, r);
                                      });
        } else if (f.overview) {
            services_.fetch_overview(token(), f.period,
                                     [this, id, alive](const Result<hub::ProvinceOverview>& r) {
                                         if (alive.expired()) return;
                                         if (!r) log_failure("ranking of wards", r.error());
                                         session_.on_overview(id, r);
                                     });
        } else if (f.grouping) {
            services_.fetch_turnaround(
                token(), f.period, *f.grouping,
                [this, id, alive, g = *f.grouping](const Result<TurnaroundReport>& r) {
                    if (alive.expired()) return;
                    if (!r)
                        log_failure(std::string("report by ") + std::string(to_string(g)),
                                    r.error());
                    session_.on_turnaround(id, r);
                });
        } else {
            services_.fetch_waits(token(), f.period,
                                  [this, id, alive](const Result<WaitHistogram>& r) {
                                      if (alive.expired()) return;
                                      if (!r) log_failure("waits", r.error());
                                      session_.on_waits(id, r);
                                  });
        }
    }
    if (effects.export_job) {
        const ExportJob& job = *effects.export_job;
        const std::uint64_t id = job.id;
        services_.export_report(token(), job.period, job.format, job.grouping,
                                [this, id, alive](const Result<std::filesystem::path>& saved) {
                                    if (alive.expired()) return;
                                    session_.on_export(id, saved);
                                });
    }
}

}  // namespace motcua::kiosk::ui
