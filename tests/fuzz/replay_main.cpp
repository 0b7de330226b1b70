// Without libFuzzer (GCC builds, ctest): runs a fuzz target over its seed corpus, then over
// deterministic random mutations of the seeds. Not a substitute for real fuzzing (the `fuzz`
// preset), but every decoder meets malformed input in every test run.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

std::vector<std::uint8_t> read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void mutate(std::vector<std::uint8_t>& bytes, std::mt19937& rng) {
    std::uniform_int_distribution<int> op(0, 5);
    std::uniform_int_distribution<int> byte(0, 255);
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int i = 0; i < edits; ++i) {
        const std::size_t pos = bytes.empty() ? 0 : rng() % bytes.size();
        switch (op(rng)) {
            case 0:
                if (!bytes.empty()) bytes[pos] = static_cast<std::uint8_t>(byte(rng));
                break;
            case 1:
                bytes.insert(bytes.begin() + static_cast<long>(pos),
                             static_cast<std::uint8_t>(byte(rng)));
                break;
            case 2:
                if (!bytes.empty()) bytes.erase(bytes.begin() + static_cast<long>(pos));
                break;
            case 3:
                bytes.resize(pos);
                break;  // truncate
            case 4:
                if (!bytes.empty())
                    bytes.insert(bytes.begin() + static_cast<long>(pos), bytes[pos]);
                break;
            default: {  // splice in a token that decoders care about
                static const char* tokens[] = {"{",        "}",    "[",       "]",       "\"",
                                               ":",        ",",    "null",    "-1",      "1e999",
                                               "\xC0\xAF", "\xff", "\\u0000", "\\ud800", "=",
                                               "\n",       "[[",   "T",       "+07:00",  "%"};
                const std::string t = tokens[rng() % (sizeof tokens / sizeof *tokens)];
                bytes.insert(bytes.begin() + static_cast<long>(pos), t.begin(), t.end());
            }
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR [MUTATIONS]\n", argv[0]);
        return 2;
    }
    const long mutations = argc > 2 ? std::stol(argv[2]) : 20000;
    std::vector<std::vector<std::uint8_t>> seeds;
    for (const auto& entry : std::filesystem::directory_iterator(argv[1]))
        if (entry.is_regular_file()) seeds.push_back(read_file(entry.path()));
    if (seeds.empty()) {
        std::fprintf(stderr, "no seeds in %s\n", argv[1]);
        return 1;
    }
    for (const auto& s : seeds) LLVMFuzzerTestOneInput(s.data(), s.size());
    std::mt19937 rng(20261122);
    for (long i = 0; i < mutations; ++i) {
        auto input = seeds[rng() % seeds.size()];
        mutate(input, rng);
        LLVMFuzzerTestOneInput(input.data(), input.size());
    }
    std::printf("%zu seeds and %ld mutations: no crash\n", seeds.size(), mutations);
    return 0;
}
