#pragma once
/// Owning handles for cairo objects, so every early return in the print code frees them.
#include <cairo.h>

#include <memory>

namespace motcua::kiosk::print {

struct CairoSurfaceFree {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoFree {
    void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};

/// A cairo surface that is destroyed with its scope.
using SurfacePtr = std::unique_ptr<cairo_surface_t, CairoSurfaceFree>;
/// A cairo context that is destroyed with its scope.
using ContextPtr = std::unique_ptr<cairo_t, CairoFree>;

}  // namespace motcua::kiosk::print
