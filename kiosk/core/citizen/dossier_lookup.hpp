#pragma once
/// The ticket kiosk's code keyboard as a state machine (UI thread, no ImGui), for two things:
/// - "Tra cứu hồ sơ": the citizen types the dossier code on the on-screen keyboard, or scans the
///   receipt (a scanner types the code and Enter, on the lookup screen or straight on the home
///   screen), and sees the dossier's state. Only the public view is kept: never a name or a
///   phone number.
/// - "Tôi đã đặt lịch hẹn": the citizen types the booking code or scans its QR code, and the
///   kiosk checks in (DESIGN.md §10). A ticket goes to the ticket flow; a booking too early,
///   missed or cancelled is explained here, with a normal ticket offered.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/shell/ward_api.hpp"
#include "motcua/api.hpp"
#include "motcua/result.hpp"

namespace motcua::kiosk {

using SteadyTime = std::chrono::steady_clock::time_point;

struct LookupTiming {
    /// The keyboard left alone this long goes back home: the next citizen starts clean.
    double idle_return_s = 30;
    /// The answer stays this long (a countdown shows it), or until "Xong".
    double result_s = 45;
    /// Characters further apart than this are a person typing, not one scan.
    double scan_gap_s = 0.5;
};

enum class LookupScreen { closed, entry, result };

/// What the keyboard is for.
enum class CodeKind {
    dossier,      // "Tra cứu hồ sơ"
    appointment,  // "Tôi đã đặt lịch hẹn": check in
};

/// A code to send to the service.
struct CodeRequest {
    CodeKind kind = CodeKind::dossier;
    std::string code;
    friend bool operator==(const CodeRequest&, const CodeRequest&) = default;
};

/// Why a lookup shows no dossier, or a check-in gives no ticket, in words the screen can say.
enum class LookupProblem {
    none,
    malformed,    // not UNITCODE-YYMMDD-XXXX, or not 8 characters of the booking alphabet
    not_found,    // 404: no dossier, or no booking, has this code
    unreachable,  // the service did not answer
    refused,      // any other refusal (a misconfigured kiosk token...)
    too_early,    // check-in opens early_checkin_min before the slot
    missed,       // the slot's grace time is over
    cancelled,    // the booking was cancelled
};

LookupProblem lookup_problem_of(const Error& e);

class LookupFlow {
public:
    explicit LookupFlow(LookupTiming timing) : timing_(timing) {}

    [[nodiscard]] LookupScreen screen() const { return screen_; }
    [[nodiscard]] CodeKind kind() const { return kind_; }
    /// What is typed so far (capitals, digits, '.', '-'; a booking code's alphabet only).
    [[nodiscard]] const std::string& entry() const { return entry_; }
    /// A lookup is with the service: keys wait rather than change what is asked.
    [[nodiscard]] bool searching() const { return searching_.has_value(); }
    [[nodiscard]] LookupProblem problem() const { return problem_; }
    /// The code a problem is about (the notice repeats it).
    [[nodiscard]] const std::string& problem_code() const { return problem_code_; }
    /// The booking a check-in problem is about, when the service said (its time and category).
    [[nodiscard]] const std::optional<api::BookingView>& booking() const { return booking_; }
    /// The public view of the dossier found (its details, if the service sent any, are dropped).
    [[nodiscard]] const std::optional<api::DossierView>& result() const { return result_; }
    /// Whole seconds until the result screen goes home by itself (rounded up).
    [[nodiscard]] int seconds_left(SteadyTime now) const;
    /// Seconds until something on screen changes by itself; a large number when nothing will.
    [[nodiscard]] double next_change_in(SteadyTime now) const;

    /// "Tra cứu hồ sơ" (or "Tôi đã đặt lịch hẹn") on the home screen.
    void open(SteadyTime now, CodeKind kind = CodeKind::dossier);
    /// "Quay lại" / "Xong": back home.
    void close();
    /// An on-screen key: a digit, a capital letter, '.' or '-' (those a code of this kind holds).
    void press_key(char key, SteadyTime now);
    void delete_key(SteadyTime now);
    void clear(SteadyTime now);
    /// "Tra cứu" / "Xác nhận": the code to send, or nothing (a malformed code says so).
    std::optional<CodeRequest> submit(SteadyTime now);
    /// "Tra cứu mã khác" on the result: the keyboard again, empty.
    void again(SteadyTime now);

    /// Characters from a physical keyboard or a scanner (home and lookup screens). On the
    /// keyboard screen the ones a code may hold are typed; every one is remembered as part of a
    /// possible scan until a pause longer than `scan_gap_s`.
    void type_text(std::string_view text, SteadyTime now);
    /// Enter from a keyboard or a scanner. A scan holding a dossier code (typed on any of these
    /// screens or on the home screen) looks that code up, and one holding a booking code (the
    /// booking page's QR code) checks in, opening the keyboard screen of that kind if needed;
    /// else Enter on the keyboard screen is its submit. Returns the code to send.
    std::optional<CodeRequest> type_enter(SteadyTime now);
    /// A physical Backspace: like the on-screen one.
    void type_backspace(SteadyTime now);

    /// The service answered the lookup of `code`.
    void on_result(const std::string& code, const Result<api::DossierView>& result, SteadyTime now);
    /// The service answered the check-in for `code`. True when it gave a ticket: the keyboard is
    /// closed and the ticket flow shows it.
    bool on_check_in(const std::string& code, const CheckInAnswer& answer, SteadyTime now);
    /// "Lấy số thường" after a check-in problem: closes the keyboard and returns the booking's
    /// category to issue a normal ticket for, when known (else the citizen picks a tile).
    std::optional<std::string> take_normal_ticket();
    /// Time passes. True when the lookup went home by itself (a citizen's session ended).
    bool tick(SteadyTime now);

private:
    void touched(SteadyTime now);
    /// A notice (or none), forgetting the booking of the last.
    void set_problem(LookupProblem problem, std::string code);

    LookupTiming timing_;
    LookupScreen screen_ = LookupScreen::closed;
    CodeKind kind_ = CodeKind::dossier;
    std::string entry_;
    std::optional<std::string> searching_;  // the code asked for
    LookupProblem problem_ = LookupProblem::none;
    std::string problem_code_;
    std::optional<api::DossierView> result_;
    std::optional<api::BookingView> booking_;
    SteadyTime touched_at_{};  // last input on the keyboard screen, or when the result came
    /// Raw characters of a possible scan, and when the last one came.
    std::string burst_;
    SteadyTime burst_at_{};
};

}  // namespace motcua::kiosk
