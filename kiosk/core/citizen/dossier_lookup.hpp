#pragma once
/// "Tra cứu hồ sơ" at the ticket kiosk as a state machine (UI thread, no ImGui): the citizen
/// types the dossier code on the on-screen keyboard, or scans the receipt (a scanner types the
/// code and Enter, on the lookup screen or straight on the home screen), and sees the
/// dossier's state. Only the public view is kept: never a name or a phone number.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

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

/// Why a lookup shows no dossier, in words the screen can say.
enum class LookupProblem {
    none,
    malformed,    // not UNITCODE-YYMMDD-XXXX (checked before asking; or the service said so)
    not_found,    // 404 dossier_not_found: no dossier has this code
    unreachable,  // the service did not answer
    refused,      // any other refusal (a misconfigured kiosk token...)
};

LookupProblem lookup_problem_of(const Error& e);

class LookupFlow {
public:
    explicit LookupFlow(LookupTiming timing) : timing_(timing) {}

    [[nodiscard]] LookupScreen screen() const { return screen_; }
    /// What is typed so far (capitals, digits, '.', '-').
    [[nodiscard]] const std::string& entry() const { return entry_; }
    /// A lookup is with the service: keys wait rather than change what is asked.
    [[nodiscard]] bool searching() const { return searching_.has_value(); }
    [[nodiscard]] LookupProblem problem() const { return problem_; }
    /// The code a problem is about (the notice repeats it).
    [[nodiscard]] const std::string& problem_code() const { return problem_code_; }
    /// The public view of the dossier found (its details, if the service sent any, are dropped).
    [[nodiscard]] const std::optional<api::DossierView>& result() const { return result_; }
    /// Whole seconds until the result screen goes home by itself (rounded up).
    [[nodiscard]] int seconds_left(SteadyTime now) const;
    /// Seconds until something on screen changes by itself; a large number when nothing will.
    [[nodiscard]] double next_change_in(SteadyTime now) const;

    /// "Tra cứu hồ sơ" on the home screen.
    void open(SteadyTime now);
    /// "Quay lại" / "Xong": back home.
    void close();
    /// An on-screen key: a digit, a capital letter, '.' or '-'.
    void press_key(char key, SteadyTime now);
    void delete_key(SteadyTime now);
    void clear(SteadyTime now);
    /// "Tra cứu": the code to ask the service for, or nothing (a malformed code says so).
    std::optional<std::string> submit(SteadyTime now);
    /// "Tra cứu mã khác" on the result: the keyboard again, empty.
    void again(SteadyTime now);

    /// Characters from a physical keyboard or a scanner (home and lookup screens). On the
    /// keyboard screen the ones a code may hold are typed; every one is remembered as part of a
    /// possible scan until a pause longer than `scan_gap_s`.
    void type_text(std::string_view text, SteadyTime now);
    /// Enter from a keyboard or a scanner. A scan holding a code (typed on any of the lookup's
    /// screens or on the home screen) looks that code up, opening the lookup if needed; else
    /// Enter on the keyboard screen is "Tra cứu". Returns the code to ask for.
    std::optional<std::string> type_enter(SteadyTime now);
    /// A physical Backspace: like the on-screen one.
    void type_backspace(SteadyTime now);

    /// The service answered the lookup of `code`.
    void on_result(const std::string& code, const Result<api::DossierView>& result, SteadyTime now);
    /// Time passes. True when the lookup went home by itself (a citizen's session ended).
    bool tick(SteadyTime now);

private:
    void touched(SteadyTime now);

    LookupTiming timing_;
    LookupScreen screen_ = LookupScreen::closed;
    std::string entry_;
    std::optional<std::string> searching_;  // the code asked for
    LookupProblem problem_ = LookupProblem::none;
    std::string problem_code_;
    std::optional<api::DossierView> result_;
    SteadyTime touched_at_{};  // last input on the keyboard screen, or when the result came
    /// Raw characters of a possible scan, and when the last one came.
    std::string burst_;
    SteadyTime burst_at_{};
};

}  // namespace motcua::kiosk
