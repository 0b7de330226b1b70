#pragma once
/// Every user-visible string, by id, in Vietnamese and English (assets/translations/*.toml).
#include <fmt/format.h>

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "kiosk/core/shell/mode.hpp"
#include "motcua/api.hpp"
#include "motcua/enum_names.hpp"
#include "motcua/result.hpp"

namespace motcua::kiosk::ui {

/// Ids of the strings (kiosk/ui/shell/text_ids.def); the wire name (EnumNames below) is the dotted
/// TOML key.
enum class TextId {
#define MOTCUA_TEXT(id, key) id,
#include "kiosk/ui/shell/text_ids.def"
#undef MOTCUA_TEXT
};

inline constexpr std::size_t kTextIdCount = 0
#define MOTCUA_TEXT(id, key) +1
#include "kiosk/ui/shell/text_ids.def"
#undef MOTCUA_TEXT
    ;

}  // namespace motcua::kiosk::ui

namespace motcua {

template <>
struct EnumNames<kiosk::ui::TextId> {
    using T = kiosk::ui::TextId;
    static constexpr std::array<std::pair<T, std::string_view>, kiosk::ui::kTextIdCount> names{{
#define MOTCUA_TEXT(id, key) {T::id, key},
#include "kiosk/ui/shell/text_ids.def"
#undef MOTCUA_TEXT
    }};
};

}  // namespace motcua

namespace motcua::kiosk::ui {

/// Both languages' tables. Loading fails, naming file and key, when a key is missing, unknown,
/// empty or not a string, so an incomplete translation never reaches a screen.
class Translations {
public:
    /// The tables compiled into the program from assets/translations/.
    static Result<Translations> builtin();
    static Result<Translations> parse(std::string_view vi_toml, std::string_view en_toml);

    [[nodiscard]] const std::string& text(Language lang, TextId id) const;

private:
    using Table = std::array<std::string, kTextIdCount>;
    std::array<Table, 2> tables_;
};

/// The tables seen in one language: what screens use.
class Translator {
public:
    Translator(const Translations& tables, Language lang) : tables_(&tables), lang_(lang) {}

    [[nodiscard]] Language language() const { return lang_; }
    [[nodiscard]] const std::string& operator()(TextId id) const {
        return tables_->text(lang_, id);
    }

    /// Fills named placeholders: tr.format(TextId::counter_number, fmt::arg("counter", 3)).
    /// A broken template (a translator's typo) shows the raw text rather than crash.
    template <typename... Args>
    [[nodiscard]] std::string format(TextId id, const Args&... args) const {
        const std::string& pattern = (*this)(id);
        try {
            return fmt::format(fmt::runtime(pattern), args...);
        } catch (const fmt::format_error&) {
            return pattern;
        }
    }

private:
    const Translations* tables_;
    Language lang_;
};

/// A wait range in the translator's language: "khoảng 10–15 phút", "dưới 4 phút", "sắp đến lượt".
std::string wait_text(const Translator& tr, const api::WaitMinutes& wait);

}  // namespace motcua::kiosk::ui
