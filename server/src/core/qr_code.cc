#include "core/qr_code.h"

#include <qrencode.h>

#include <memory>

namespace tianshan {

Result<std::string> QrSvg(std::string_view text) {
  std::string input(text);
  std::unique_ptr<QRcode, void (*)(QRcode*)> code(QRcode_encodeString8bit(input.c_str(), 0, QR_ECLEVEL_M), QRcode_free);
  if (!code) return Status::Internal("error.internal").WithDetail("qrencode failed");
  const int width = code->width;
  const int quiet = 4;
  const int size = width + 2 * quiet;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(size) + " " +
                    std::to_string(size) + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" " +
                    "fill=\"#fff\"/><path fill=\"#000\" d=\"";
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width; ++x) {
      if (code->data[y * width + x] & 1) {
        // One horizontal run per row segment keeps the path short.
        int run = 1;
        while (x + run < width && (code->data[y * width + x + run] & 1)) ++run;
        svg += "M" + std::to_string(x + quiet) + " " + std::to_string(y + quiet) + "h" + std::to_string(run) + "v1h-" +
               std::to_string(run) + "z";
        x += run - 1;
      }
    }
  }
  svg += "\"/></svg>";
  return svg;
}

}  // namespace tianshan
