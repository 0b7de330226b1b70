#pragma once
/// The counter console's and the board's controllers in a bare ImGui context: real screens,
/// real sessions, fake services and clocks, a fake mouse and keyboard.
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "core/counter/console_rig.hpp"
#include "kiosk/ui/board/board_screens.hpp"
#include "kiosk/ui/counter/counter_screens.hpp"
#include "ui/citizen/citizen_rig.hpp"

namespace motcua::kiosk::test {

class FakeCounterServices final : public CounterServices {
public:
    explicit FakeCounterServices(bool printer = true) : printer_(printer) {}
    struct Sent {
        ConsoleRequest request;
        Token token;
    };
    void log_in(api::LoginRequest request, LoginDone done) override {
        logins.push_back(std::move(request));
        login_answers.push_back(std::move(done));
    }
    void send(ConsoleRequest request, Token token, AnswerDone done) override {
        sent.push_back({std::move(request), std::move(token)});
        answers.push_back(std::move(done));
    }
    void fetch_figures(Token token, Day day, std::string username, FiguresDone done) override {
        figures_asked.push_back({std::move(token), day, std::move(username)});
        figures.push_back(std::move(done));
    }
    void fetch_appointments(Token token, Day day, AppointmentsDone done) override {
        appointments_asked.push_back({std::move(token), day, {}});
        appointments.push_back(std::move(done));
    }
    void use_token(std::string token) override { tokens.push_back(std::move(token)); }
    void fetch_procedures(Token token, ProceduresDone done) override {
        procedures_asked.push_back(std::move(token));
        procedures.push_back(std::move(done));
    }
    void fetch_due_date(Token token, std::string procedure, DueDateDone done) override {
        due_dates_asked.push_back({std::move(token), std::move(procedure)});
        due_dates.push_back(std::move(done));
    }
    [[nodiscard]] bool has_printer() const override { return printer_; }
    [[nodiscard]] std::string printer_name() const override {
        return printer_ ? "tcp://10.0.0.9:9100" : "";
    }
    void print_receipt(Token token, std::string code, PrintDone done) override {
        receipts_asked.push_back({std::move(token), std::move(code)});
        receipts.push_back(std::move(done));
    }

    struct FiguresAsked {
        Token token;
        Day day;
        std::string username;
    };
    std::vector<api::LoginRequest> logins;
    std::deque<LoginDone> login_answers;
    std::vector<Sent> sent;
    std::deque<AnswerDone> answers;
    std::vector<FiguresAsked> figures_asked;
    std::deque<FiguresDone> figures;
    std::vector<FiguresAsked> appointments_asked;
    std::deque<AppointmentsDone> appointments;
    std::vector<std::string> tokens;
    struct Asked {
        Token token;
        std::string what;  // a procedure or a dossier code
    };
    std::vector<Token> procedures_asked;
    std::deque<ProceduresDone> procedures;
    std::vector<Asked> due_dates_asked;
    std::deque<DueDateDone> due_dates;
    std::vector<Asked> receipts_asked;
    std::deque<PrintDone> receipts;

private:
    bool printer_;
};

/// A ScreenKit frame around any ModeScreens, with keys and the wall clock.
struct ModeRig {
    explicit ModeRig(ImVec2 display) : kit(display) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyMap[ImGuiKey_Enter] = kEnter;
        io.KeyMap[ImGuiKey_Backspace] = kBackspace;
        state = served_state();
        view.office_name = demo_ward().office_name;
        view.connection = ConnectionState::online;
        view.now = LocalDateTime{2026, 11, 23, 1, 8, 2, 0};
    }

    ui::A11yTree frame(ui::ModeScreens& screens) {
        tree = kit.frame(lang, actions, [&](ui::UiFrame& ui) {
            ui.wall_now = wall;
            ui.keys = std::exchange(keys, {});
            screens.draw(ui, view, state);
            redraw_in_s = ui.redraw_in_s;
        });
        return tree;
    }
    /// Press and release on the element labelled `label` (of `role`, when given; a field and the
    /// words above it share a label), then one more frame.
    void tap(ui::ModeScreens& screens, std::string_view label,
             std::optional<ui::A11yRole> role = std::nullopt) {
        frame(screens);
        const ui::A11yElement* e = nullptr;
        for (const auto& el : tree.elements)
            if (el.label == label && (!role || el.role == *role) && e == nullptr) e = &el;
        INFO("tap " << label << " on " << tree.screen);
        REQUIRE(e != nullptr);
        REQUIRE(e->enabled);
        const ImVec2 at = centre_of(*e);
        kit.harness.mouse(at, false);
        frame(screens);
        kit.harness.mouse(at, true);
        frame(screens);
        kit.harness.mouse(at, false);
        frame(screens);
        frame(screens);
    }
    /// Types `text` into the field with the keyboard, a frame per character (after one frame
    /// for a focus given by the screen to take hold, as it has long before a person types).
    void type(ui::ModeScreens& screens, std::string_view text) {
        frame(screens);
        for (char ch : text) {
            ImGui::GetIO().AddInputCharacter(static_cast<unsigned char>(ch));
            frame(screens);
        }
    }
    void key_down_up(ui::ModeScreens& screens, int index) {
        ImGui::GetIO().KeysDown[index] = true;
        frame(screens);
        ImGui::GetIO().KeysDown[index] = false;
        frame(screens);
    }
    void enter(ui::ModeScreens& screens) { key_down_up(screens, kEnter); }
    /// A shortcut as the platform reports it.
    void press(ui::ModeScreens& screens, KeyPress key) {
        keys.push_back(key);
        frame(screens);
        frame(screens);
    }

    static constexpr int kEnter = 300;
    static constexpr int kBackspace = 301;
    ScreenKit kit;
    ShellView view;
    AppState state;
    Language lang = Language::vi;
    TimePoint wall = *parse_rfc3339("2026-11-23T08:02:00+07:00");
    std::vector<KeyPress> keys;
    std::vector<ui::UiAction> actions;
    ui::A11yTree tree;
    double redraw_in_s = 0;
};

struct CounterRig : ModeRig {
    explicit CounterRig(ImVec2 display, bool clock_known = true) : ModeRig(display) {
        view.mode = Mode::counter;
        view.counter = 1;
        ui::CounterScreensConfig config;
        config.session.counter = 1;
        config.clocks.steady = [this] { return kit.steady_now; };
        config.clocks.wall = [this] { return wall; };
        screens = std::make_unique<ui::CounterScreens>(
            std::move(config), *OfficeZone::load("Asia/Ho_Chi_Minh"), services);
        // The service's clock is the wall clock here: nothing to correct.
        if (clock_known) screens->on_service_time(wall, wall);
    }
    ui::A11yTree frame() { return ModeRig::frame(*screens); }
    void tap(std::string_view label) { ModeRig::tap(*screens, label); }
    void tap_field(std::string_view label) { ModeRig::tap(*screens, label, ui::A11yRole::textbox); }
    void type(std::string_view text) { ModeRig::type(*screens, text); }
    void enter() { ModeRig::enter(*screens); }
    void press(KeyPress key) { ModeRig::press(*screens, key); }
    /// The service answers the login.
    void answer_login(const Result<api::LoginResponse>& r) {
        REQUIRE_FALSE(services.login_answers.empty());
        auto done = std::move(services.login_answers.front());
        services.login_answers.pop_front();
        done(r);
        frame();
    }
    /// The service answers the oldest request still waiting (a refusal of the login, while one
    /// is out).
    void answer(const Result<ConsoleReply>& r) {
        if (!services.login_answers.empty()) {
            REQUIRE_FALSE(r);
            answer_login(r.error());
            return;
        }
        REQUIRE_FALSE(services.answers.empty());
        auto done = std::move(services.answers.front());
        services.answers.pop_front();
        done(r);
        frame();
    }
    void login_and_open(std::optional<api::TicketView> current = std::nullopt) {
        tap_field("Tên đăng nhập");
        type("lan");
        tap_field("Mật khẩu");
        type("matkhau-123");
        enter();  // Enter in the password field signs in
        answer_login(lan_login());
        answer(ConsoleReply{counter_one(CounterState::open, std::move(current))});
    }

    FakeCounterServices services;
    std::unique_ptr<ui::CounterScreens> screens;
};

}  // namespace motcua::kiosk::test
