#include "auth/crypto.hpp"

#include <sodium.h>

#include <array>

namespace motcua::auth {

Status init_crypto() {
    if (sodium_init() < 0)
        return make_error(ErrorCode::crypto_unavailable, "libsodium could not be initialised");
    return Ok{};
}

Result<std::string> hash_password(std::string_view password) {
    std::array<char, crypto_pwhash_STRBYTES> out{};
    if (crypto_pwhash_str(out.data(), password.data(), password.size(),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return make_error(ErrorCode::out_of_memory, "not enough memory to hash the password");
    return std::string(out.data());
}

bool verify_password(const std::string& hash, std::string_view password) {
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string new_token() {
    std::array<unsigned char, 32> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::array<char, sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)> out{};
    sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return std::string(out.data());
}

std::string random_string(std::string_view alphabet, std::size_t length) {
    // One random draw for many characters (each draw is a system call). Bytes at or above the
    // largest multiple of the alphabet's size are skipped, so every character stays uniform
    // (for 62 characters: 248 = 4 × 62).
    const std::size_t n = alphabet.size();
    const std::size_t limit = 256 - 256 % n;
    std::string out;
    out.reserve(length);
    std::array<unsigned char, 32> bytes{};
    while (out.size() < length) {
        randombytes_buf(bytes.data(), bytes.size());
        for (unsigned char b : bytes) {
            if (b >= limit) continue;
            out.push_back(alphabet[b % n]);
            if (out.size() == length) break;
        }
    }
    return out;
}

std::string new_ticket_id() {
    return random_string("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 16);
}

std::string csp_script_hash(std::string_view script) {
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(script.data()),
                       script.size());
    std::array<char,
               sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES, sodium_base64_VARIANT_ORIGINAL)>
        b64{};
    sodium_bin2base64(b64.data(), b64.size(), digest.data(), digest.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    return "'sha256-" + std::string(b64.data()) + "'";
}

std::string token_digest(std::string_view token) {
    std::array<unsigned char, crypto_generichash_BYTES> digest{};
    crypto_generichash(digest.data(), digest.size(),
                       reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                       0);
    std::array<char, crypto_generichash_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return std::string(hex.data());
}

}  // namespace motcua::auth
