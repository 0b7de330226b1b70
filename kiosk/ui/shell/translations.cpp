#include "kiosk/ui/shell/translations.hpp"

#include <toml++/toml.h>

#include <set>

namespace motcua::kiosk::ui {

namespace detail {
extern const std::string_view kViToml;
extern const std::string_view kEnToml;
}  // namespace detail

namespace {

/// Dotted paths of every leaf (non-table value), to catch keys no TextId uses (typos).
void collect_leaves(const toml::table& table, const std::string& prefix,
                    std::set<std::string>& out) {
    for (const auto& [key, node] : table) {
        const std::string path =
            prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
        if (const auto* sub = node.as_table())
            collect_leaves(*sub, path, out);
        else
            out.insert(path);
    }
}

Status load_table(std::string_view text, std::string_view file,
                  std::array<std::string, kTextIdCount>& out) {
    toml::table root;
    try {
        root = toml::parse(text, file);
    } catch (const toml::parse_error& e) {
        return make_error(ErrorCode::bad_translation, std::string(file) + ":" +
                                                          std::to_string(e.source().begin.line) +
                                                          ": " + std::string(e.description()));
    }
    std::set<std::string> unused;
    collect_leaves(root, "", unused);
    for (const auto& [id, key] : EnumNames<TextId>::names) {
        const toml::node_view node = root.at_path(key);
        if (!node)
            return make_error(ErrorCode::missing_translation,
                              std::string(file) + ": key '" + std::string(key) + "' is missing");
        const auto* value = node.as_string();
        if (value == nullptr || value->get().empty())
            return make_error(ErrorCode::bad_translation,
                              std::string(file) + ":" +
                                  std::to_string(node.node()->source().begin.line) + ": key '" +
                                  std::string(key) + "' must be a non-empty string");
        out[static_cast<std::size_t>(id)] = value->get();
        unused.erase(std::string(key));
    }
    if (!unused.empty())
        return make_error(ErrorCode::unknown_translation,
                          std::string(file) + ": key '" + *unused.begin() +
                              "' is not used by the program (typo?)");
    return Ok{};
}

}  // namespace

Result<Translations> Translations::parse(std::string_view vi_toml, std::string_view en_toml) {
    Translations out;
    if (auto st =
            load_table(vi_toml, "vi.toml", out.tables_[static_cast<std::size_t>(Language::vi)]);
        !st)
        return st.error();
    if (auto st =
            load_table(en_toml, "en.toml", out.tables_[static_cast<std::size_t>(Language::en)]);
        !st)
        return st.error();
    return out;
}

Result<Translations> Translations::builtin() {
    return parse(detail::kViToml, detail::kEnToml);
}

const std::string& Translations::text(Language lang, TextId id) const {
    return tables_[static_cast<std::size_t>(lang)][static_cast<std::size_t>(id)];
}

std::string wait_text(const Translator& tr, const api::WaitMinutes& wait) {
    switch (wait.kind) {
        case api::WaitMinutes::Kind::soon:
            return tr(TextId::wait_soon);
        case api::WaitMinutes::Kind::under:
            return tr.format(TextId::wait_under, fmt::arg("high", wait.high));
        case api::WaitMinutes::Kind::about:
            return tr.format(TextId::wait_about, fmt::arg("high", wait.high));
        case api::WaitMinutes::Kind::range:
            return tr.format(TextId::wait_range, fmt::arg("low", wait.low),
                             fmt::arg("high", wait.high));
        case api::WaitMinutes::Kind::over:
            return tr.format(TextId::wait_over, fmt::arg("low", wait.low));
        case api::WaitMinutes::Kind::unsure:
            return tr(TextId::wait_unsure);
    }
    return tr(TextId::wait_soon);
}

}  // namespace motcua::kiosk::ui
