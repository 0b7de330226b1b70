// ui_probe: what the kiosk's UI test scripts cannot check with curl and grep.
//
//   ui_probe events PORT TOKEN         every event since seq 0 from /api/v1/events (WebSocket),
//                                      one JSON object per line, until the stream is quiet
//   ui_probe compare-slip JOB PNG      decodes the ESC/POS job's raster image and checks that it
//                                      is not blank and equals the PNG preview, pixel for pixel
//   ui_probe wav FILE                  checks a call announcement: a plausible length, the chime,
//                                      and speech after it that is not silence
//   ui_probe guide-wav FILE            checks a guidance utterance: speech that is not silence;
//                                      prints its words (the WAV's INFO comment)
//
// Exit 0 on success, 1 on a failed check, 2 on bad usage.
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "kiosk/audio/pcm.hpp"
#include "kiosk/print/ticket_printer.hpp"

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

/// The stream replays history at once; this much silence means we have it all.
constexpr auto kQuiet = std::chrono::milliseconds(1500);
/// A slip with fewer black pixels than this share printed nothing useful.
constexpr double kMinInk = 0.01;
/// An announcement: chime (1.2 s), a pause, then "Mời công dân có số … đến quầy số …" said once
/// or twice at 140 words a minute: a few seconds; a minute would be a runaway synthesis.
constexpr double kMinAnnouncementS = 3.0;
constexpr double kMaxAnnouncementS = 30.0;
/// The chime and its pause end here; speech follows.
constexpr double kSpeechStartsS = 1.6;
/// Root mean square of 16-bit samples: silence is 0, espeak-ng's speech several thousand.
constexpr double kMinLoudness = 500;

int events(const std::string& port, const std::string& token) {
    asio::io_context io;
    websocket::stream<beast::tcp_stream> ws(io);
    tcp::resolver resolver(io);
    beast::get_lowest_layer(ws).connect(resolver.resolve("127.0.0.1", port));
    ws.set_option(websocket::stream_base::decorator([&](websocket::request_type& req) {
        req.set(beast::http::field::authorization, "Bearer " + token);
    }));
    ws.handshake("127.0.0.1:" + port, "/api/v1/events?since=0");
    for (;;) {
        beast::flat_buffer buffer;
        bool done = false;
        beast::error_code result;
        ws.async_read(buffer, [&](beast::error_code ec, std::size_t) {
            done = true;
            result = ec;
        });
        io.restart();
        io.run_for(kQuiet);
        if (!done) break;  // quiet: the history is complete
        if (result) {
            std::cerr << "ui_probe: event stream: " << result.message() << '\n';
            return 1;
        }
        std::cout << beast::buffers_to_string(buffer.data()) << '\n';
    }
    return 0;
}

int compare_slip(const std::string& job_path, const std::string& png_path) {
    namespace print = motcua::kiosk::print;
    std::ifstream in(job_path, std::ios::binary);
    const std::vector<std::uint8_t> job{std::istreambuf_iterator<char>(in), {}};
    if (job.empty()) {
        std::cerr << "ui_probe: " << job_path << " is empty\n";
        return 1;
    }
    auto decoded = print::decode_escpos_raster(job);
    if (!decoded) {
        std::cerr << "ui_probe: not a valid ESC/POS raster job: " << decoded.error().message
                  << '\n';
        return 1;
    }
    auto preview = print::read_png(png_path);
    if (!preview) {
        std::cerr << "ui_probe: " << preview.error().message << '\n';
        return 1;
    }
    const auto& a = *decoded;
    const auto& b = *preview;
    if (a.width != b.width || a.height != b.height) {
        std::cerr << "ui_probe: job " << a.width << "x" << a.height << ", preview " << b.width
                  << "x" << b.height << '\n';
        return 1;
    }
    std::size_t black = 0;
    std::size_t differ = 0;
    for (int y = 0; y < a.height; ++y)
        for (int x = 0; x < a.width; ++x) {
            black += a.black(x, y) ? 1 : 0;
            differ += a.black(x, y) != b.black(x, y) ? 1 : 0;
        }
    const double ink = static_cast<double>(black) / static_cast<double>(a.pixels.size());
    std::cout << "slip " << a.width << "x" << a.height << ", ink " << ink * 100 << "%, " << differ
              << " pixels differ from the preview\n";
    if (ink < kMinInk) {
        std::cerr << "ui_probe: the slip is blank\n";
        return 1;
    }
    return differ == 0 ? 0 : 1;
}

int check_wav(const std::string& path) {
    namespace audio = motcua::kiosk::audio;
    auto pcm = audio::read_wav(path);
    if (!pcm) {
        std::cerr << "ui_probe: " << pcm.error().message << '\n';
        return 1;
    }
    const double seconds = pcm->seconds();
    const double chime = audio::rms(*pcm, 0, 1.0);
    const double speech = audio::rms(*pcm, kSpeechStartsS, seconds);
    std::cout << "announcement " << seconds << " s, chime rms " << chime << ", speech rms "
              << speech << '\n';
    if (seconds < kMinAnnouncementS || seconds > kMaxAnnouncementS) {
        std::cerr << "ui_probe: an announcement of " << seconds << " s is not plausible\n";
        return 1;
    }
    if (chime < kMinLoudness || speech < kMinLoudness) {
        std::cerr << "ui_probe: the announcement is silent\n";
        return 1;
    }
    return 0;
}

/// A guidance utterance: some speech, and the words it was made from.
int check_guide_wav(const std::string& path) {
    namespace audio = motcua::kiosk::audio;
    auto pcm = audio::read_wav(path);
    auto words = audio::read_wav_comment(path);
    if (!pcm || !words) {
        std::cerr << "ui_probe: " << (!pcm ? pcm.error().message : words.error().message) << '\n';
        return 1;
    }
    if (pcm->seconds() < 0.3 || audio::rms(*pcm, 0, pcm->seconds()) < kMinLoudness) {
        std::cerr << "ui_probe: " << path << " is silent (" << pcm->seconds() << " s)\n";
        return 1;
    }
    std::cout << *words << '\n';
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    try {
        if (args.size() == 3 && args[0] == "events") return events(args[1], args[2]);
        if (args.size() == 3 && args[0] == "compare-slip") return compare_slip(args[1], args[2]);
        if (args.size() == 2 && args[0] == "wav") return check_wav(args[1]);
        if (args.size() == 2 && args[0] == "guide-wav") return check_guide_wav(args[1]);
    } catch (const std::exception& e) {
        std::cerr << "ui_probe: " << e.what() << '\n';
        return 1;
    }
    std::cerr << "usage: ui_probe events PORT TOKEN | ui_probe compare-slip JOB PNG | ui_probe "
                 "wav FILE | ui_probe guide-wav FILE\n";
    return 2;
}
