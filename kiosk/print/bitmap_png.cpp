// PNG previews of slips through cairo: what the file: target leaves beside the job, and what
// the docs show. Black on white RGB so any viewer shows the slip as printed.
#include <cairo.h>

#include <cstdint>

#include "kiosk/print/cairo_handles.hpp"
#include "kiosk/print/ticket_printer.hpp"

namespace motcua::kiosk::print {

namespace {

constexpr std::uint32_t kWhite = 0x00FFFFFF;
constexpr std::uint32_t kBlack = 0x00000000;
// A pixel darker than mid-grey reads back as a printed dot.
constexpr int kDarkLuminance = 128;
// Rec. 601 luma weights in per-mille, enough precision for a black-and-white threshold.
constexpr int kRedWeight = 299;
constexpr int kGreenWeight = 587;
constexpr int kBlueWeight = 114;
constexpr int kWeightTotal = 1000;

Error png_error(const std::string& path, cairo_status_t status) {
    return make_error(ErrorCode::png_failed, "PNG " + path + ": " + cairo_status_to_string(status));
}

}  // namespace

Status write_png(const Bitmap& image, const std::string& path) {
    if (image.width <= 0 || image.height <= 0 ||
        image.pixels.size() !=
            static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height))
        return make_error(ErrorCode::png_failed,
                          "PNG " + path + ": the image is empty or inconsistent");
    const SurfacePtr surface(
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, image.width, image.height));
    if (const auto status = cairo_surface_status(surface.get()); status != CAIRO_STATUS_SUCCESS)
        return png_error(path, status);
    cairo_surface_flush(surface.get());
    unsigned char* data = cairo_image_surface_get_data(surface.get());
    const int stride = cairo_image_surface_get_stride(surface.get());
    for (int y = 0; y < image.height; ++y) {
        // RGB24 pixels are native-endian 32-bit words; stride is a multiple of 4.
        auto* row =
            reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < image.width; ++x) row[x] = image.black(x, y) ? kBlack : kWhite;
    }
    cairo_surface_mark_dirty(surface.get());
    if (const auto status = cairo_surface_write_to_png(surface.get(), path.c_str());
        status != CAIRO_STATUS_SUCCESS)
        return png_error(path, status);
    return Ok{};
}

Result<Bitmap> read_png(const std::string& path) {
    const SurfacePtr png(cairo_image_surface_create_from_png(path.c_str()));
    if (const auto status = cairo_surface_status(png.get()); status != CAIRO_STATUS_SUCCESS)
        return png_error(path, status);
    const int width = cairo_image_surface_get_width(png.get());
    const int height = cairo_image_surface_get_height(png.get());

    // Flatten whatever format the file had (grey, alpha, palette) onto white first.
    const SurfacePtr flat(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
    {
        const ContextPtr cr(cairo_create(flat.get()));
        cairo_set_source_rgb(cr.get(), 1, 1, 1);
        cairo_paint(cr.get());
        cairo_set_source_surface(cr.get(), png.get(), 0, 0);
        cairo_paint(cr.get());
        if (const auto status = cairo_status(cr.get()); status != CAIRO_STATUS_SUCCESS)
            return png_error(path, status);
    }
    cairo_surface_flush(flat.get());

    Bitmap out;
    out.width = width;
    out.height = height;
    out.pixels.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
    const unsigned char* data = cairo_image_surface_get_data(flat.get());
    const int stride = cairo_image_surface_get_stride(flat.get());
    for (int y = 0; y < height; ++y) {
        const auto* row =
            reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < width; ++x) {
            const std::uint32_t px = row[x];
            const int luma = (kRedWeight * static_cast<int>((px >> 16) & 0xFF) +
                              kGreenWeight * static_cast<int>((px >> 8) & 0xFF) +
                              kBlueWeight * static_cast<int>(px & 0xFF)) /
                             kWeightTotal;
            out.pixels[static_cast<std::size_t>(y * width + x)] = luma < kDarkLuminance ? 1 : 0;
        }
    }
    return out;
}

}  // namespace motcua::kiosk::print
