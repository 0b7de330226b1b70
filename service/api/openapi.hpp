#pragma once
/// docs/openapi.yaml, compiled in: both programs answer it at GET /api/v1/openapi.yaml
/// (DESIGN.md §12), so an integrator reads the description of the very version that runs.
#include <string_view>

#include "api/http.hpp"

namespace motcua::api {

/// The OpenAPI 3.1 document of both programs' routes.
std::string_view openapi_document();
/// It as an answer: application/yaml, UTF-8.
Reply openapi_reply();

}  // namespace motcua::api
