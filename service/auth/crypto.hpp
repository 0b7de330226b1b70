#pragma once
/// Password hashing (argon2id), random tokens and ids, token digests: all through libsodium.
#include <string>
#include <string_view>

#include "motcua/result.hpp"

namespace motcua::auth {

/// Must be called once before any other function here.
Status init_crypto();
/// argon2id with libsodium's interactive limits, in libsodium's self-describing string form.
Result<std::string> hash_password(std::string_view password);
bool verify_password(const std::string& hash, std::string_view password);
/// 256 random bits, URL-safe base64 without padding: device and session tokens.
std::string new_token();
/// 16 characters of [A-Za-z0-9] (about 95 bits): ticket ids that cannot be guessed.
std::string new_ticket_id();
/// `length` characters drawn uniformly from `alphabet` (at most 256 characters).
std::string random_string(std::string_view alphabet, std::size_t length);
/// A Content-Security-Policy hash source for an inline script: "'sha256-BASE64'".
std::string csp_script_hash(std::string_view script);
/// Hex BLAKE2b-256 of a token: what the database keeps instead of the token.
std::string token_digest(std::string_view token);

}  // namespace motcua::auth
