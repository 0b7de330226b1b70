// Fuzz target: splitting an HTTP request target into path and query.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "api/http.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::string path;
    std::map<std::string, std::string> query;
    (void)motcua::api::split_target(text, path, query);
    return 0;
}
