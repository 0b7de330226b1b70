#pragma once
/// The ward's configuration (TOML): office, categories, counters, procedures, policies.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "motcua/domain.hpp"
#include "motcua/result.hpp"

namespace motcua {

/// One option of the kiosk's priority choice (wording is local policy).
struct PriorityReason {
    std::string code;
    std::string name_vi;
    std::string name_en;
};

/// How priority tickets are interleaved with normal ones (DESIGN.md §3 "Call next").
struct PriorityPolicy {
    bool enabled = true;
    /// One priority ticket after every `normal_per_priority` normal ones.
    int normal_per_priority = 2;
    /// No normal ticket waits longer than this while priority tickets pass it.
    int max_normal_wait_s = 30 * 60;
    std::vector<PriorityReason> reasons;
};

/// A session of office hours, minutes since local midnight, [open, close).
struct OfficeSession {
    int open = 0;
    int close = 0;
};

/// How the display board announces calls (espeak-ng, offline).
struct VoiceSettings {
    /// {number} is replaced by the ticket number as spoken, {counter} by the counter number.
    std::string call_template = "Mời công dân có số {number} đến quầy số {counter}";
    int repeat = 2;            // times each call is said
    std::string voice = "vi";  // espeak-ng voice name
    int volume = 100;          // espeak-ng volume, 0..200
    int rate_wpm = 140;        // words per minute
    bool chime = true;         // a two-tone chime before each call
    int max_age_s = 60;        // calls older than this when a board reconnects are shown, not said
};

/// Shipping the event log to the province hub (DESIGN.md §11); off while `url` is empty.
struct HubLinkSettings {
    std::string url;  // http:// or https:// address of motcua-hub
    std::string
        token_file;  // holds the ward's token (from `motcua-hub ward add`); relative to the config
    std::string ca_file;         // CA certificates for https; empty: the system's
    bool ship_comments = false;  // rating comments may leave the ward only when the ward says so
    int batch_events = 1000;     // events per batch (the hub takes at most 1000)
    int max_backoff_s = 60;      // longest wait between attempts while the hub cannot be reached
};

/// The service's own daily backup (DESIGN.md §12); off while `dir` is empty.
struct BackupSettings {
    std::string dir;       // where the copies go; relative to the config's folder
    int at_min = 22 * 60;  // office time of day the day's copy is taken ("22:00")
    int keep_days = 30;    // copies older than this many days are deleted
};

/// Appointments booked from a phone (DESIGN.md §10); off unless the config has [appointments].
struct AppointmentSettings {
    bool enabled = false;
    int slot_min = 15;           // slot length
    int horizon_days = 14;       // bookable from today up to this many office days ahead
    int early_checkin_min = 30;  // check-in opens this long before the slot starts
    int late_grace_min = 15;     // after slot start + this the booking is missed
    int per_phone_per_day = 2;   // bookings per phone number per office day
    /// Bookings one client address may make an hour (429 after); 0: no limit. Citizens behind a
    /// mobile carrier's shared address all count as one client: raise it rather than lose them.
    int per_client_per_hour = 10;
    int retain_days = 30;  // phone numbers are erased this long after the slot
};

/// Per-address limits on the public look-ups by a code (DESIGN.md §7), from [limits].
struct PublicLimits {
    int lookups = 10;          // distinct codes an address may look up at once...
    int lookup_refill_s = 30;  // ...and one more each this many seconds
};

struct WardConfig {
    std::string source;       // file the config came from, for messages
    std::string office_name;  // "UBND phường …"
    std::string address;      // where citizens come (the booking page shows it); may be empty
    std::string unit_code;    // mã đơn vị, first part of dossier codes
    std::string time_zone = "Asia/Ho_Chi_Minh";
    std::vector<OfficeSession> hours;
    std::optional<int> stop_issuing_at;  // minutes; tickets are refused after it
    std::string admin_pin;               // to leave kiosk mode
    SatisfactionScale scale = SatisfactionScale::five_level;
    PriorityPolicy priority;
    std::vector<Category> categories;
    std::vector<CounterConfig> counters;
    std::vector<Procedure> procedures;
    std::vector<Day> extra_days_off;      // decided each year (e.g. Tết bridges)
    std::vector<Day> extra_working_days;  // worked Saturdays (official swaps)
    VoiceSettings voice;
    HubLinkSettings hub;
    BackupSettings backup;
    AppointmentSettings appointments;
    PublicLimits limits;

    [[nodiscard]] const Category* find_category(std::string_view code) const;
    [[nodiscard]] const CounterConfig* find_counter(int number) const;
    [[nodiscard]] const Procedure* find_procedure(std::string_view code) const;
};

/// A unit code (mã đơn vị), the first part of every dossier code: 1 to 32 capitals, digits and
/// dots, which the kiosk's lookup keyboard and the scanners' codes hold ("000.17.22.H56").
bool is_unit_code(std::string_view code);

/// Parses config text. Errors are one line: "FILE:LINE: key 'a.b': problem".
Result<WardConfig> parse_config(std::string_view text, const std::string& source_name);
/// Reads and parses a config file.
Result<WardConfig> load_config(const std::filesystem::path& path);

}  // namespace motcua
