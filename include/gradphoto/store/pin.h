#pragma once

// Staff PINs: salted PBKDF2-HMAC-SHA256 (OpenSSL PKCS5_PBKDF2_HMAC), compared in constant time.

#include <string>
#include <string_view>

#include "gradphoto/store/records.h"

namespace gradphoto::store {

inline constexpr int kPinIterations = 100'000;
inline constexpr int kPinMinDigits = 4;
inline constexpr int kPinMaxDigits = 12;

// 4 to 12 digits. Throws Error(kInput, "bad_pin") otherwise.
void requireValidPin(std::string_view pin);

// A fresh random 16-byte salt and the 32-byte hash.
PinHash hashPin(std::string_view pin, int iterations = kPinIterations);
bool verifyPin(std::string_view pin, const PinHash& stored);

// Overwrites the PIN's characters (OpenSSL_cleanse, which the compiler may not drop), then empties
// it: a PIN kept in memory no longer than it is needed.
void wipePin(std::string& pin);

}  // namespace gradphoto::store
