#pragma once
// QR codes as SVG, on Debian's libqrencode (check-in codes, article share cards). Thread-safe (libqrencode keeps no
// shared state in QRcode_encodeString8bit).

#include <string>
#include <string_view>

#include "core/result.h"

namespace tianshan {

// An SVG image (with a 4-module quiet zone, error correction level M) encoding `text`.
// kInternal when libqrencode fails (text too long).
Result<std::string> QrSvg(std::string_view text);

}  // namespace tianshan
