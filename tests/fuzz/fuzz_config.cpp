// Fuzz target: the ward config parser on arbitrary text. Errors are one line; never a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "motcua/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    auto cfg = motcua::parse_config(text, "fuzz.toml");
    if (!cfg && cfg.error().message.find('\n') != std::string::npos) __builtin_trap();
    return 0;
}
