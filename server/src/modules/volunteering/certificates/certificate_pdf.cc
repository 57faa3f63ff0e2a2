#include "modules/volunteering/certificates/certificate_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include <memory>
#include <mutex>

#include "modules/volunteering/volunteering.h"

namespace tianshan::volunteering {
namespace {

constexpr double kWidth = 595.0;  // A4 in points
constexpr double kHeight = 842.0;
constexpr double kMargin = 60.0;

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::string Escape(const std::string& text) {
  char* escaped = g_markup_escape_text(text.c_str(), static_cast<gssize>(text.size()));
  std::string out(escaped);
  g_free(escaped);
  return out;
}

// Draws `markup` at (x, y) within `width`; returns the height used.
double Text(cairo_t* cr, const std::string& markup, const char* font, double x, double y, double width,
            PangoAlignment align = PANGO_ALIGN_LEFT) {
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* desc = pango_font_description_from_string(font);
  pango_layout_set_font_description(layout, desc);
  pango_font_description_free(desc);
  pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout, align);
  pango_layout_set_markup(layout, markup.c_str(), -1);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout);
  int w = 0, h = 0;
  pango_layout_get_size(layout, &w, &h);
  g_object_unref(layout);
  return static_cast<double>(h) / PANGO_SCALE;
}

void Qr(cairo_t* cr, const std::string& text, double x, double y, double size) {
  std::unique_ptr<QRcode, void (*)(QRcode*)> code(QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M), QRcode_free);
  if (!code) return;
  double module = size / code->width;
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (int row = 0; row < code->width; ++row) {
    for (int col = 0; col < code->width; ++col) {
      if (code->data[row * code->width + col] & 1)
        cairo_rectangle(cr, x + col * module, y + row * module, module, module);
    }
  }
  cairo_fill(cr);
}

}  // namespace

Result<std::string> RenderCertificatePdf(const CertificateContent& c) {
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  std::string pdf;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(Append, &pdf, kWidth, kHeight);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, "志愿服务证明");
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Tianshan 天山");
  cairo_t* cr = cairo_create(surface);

  // A double border in league red.
  cairo_set_source_rgb(cr, 0.75, 0.1, 0.1);
  cairo_set_line_width(cr, 3);
  cairo_rectangle(cr, 30, 30, kWidth - 60, kHeight - 60);
  cairo_stroke(cr);
  cairo_set_line_width(cr, 1);
  cairo_rectangle(cr, 38, 38, kWidth - 76, kHeight - 76);
  cairo_stroke(cr);

  const double width = kWidth - 2 * kMargin;
  double y = 90;
  cairo_set_source_rgb(cr, 0.75, 0.1, 0.1);
  y += Text(cr, "志愿服务证明", "Noto Serif CJK SC Bold 30", kMargin, y, width, PANGO_ALIGN_CENTER) + 8;
  cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
  y += Text(cr, "Certificate of Volunteer Service", "Noto Sans CJK SC 12", kMargin, y, width, PANGO_ALIGN_CENTER) + 36;

  cairo_set_source_rgb(cr, 0, 0, 0);
  std::string body = "兹证明 <b>" + Escape(c.name) + "</b> 同志参加志愿服务，经服务组织确认，累计志愿服务时长 <b>" +
                     HoursText(c.total_minutes) + "</b> 小时。特此证明。";
  y += Text(cr, body, "Noto Serif CJK SC 15", kMargin, y, width) + 12;
  if (!c.issuer.empty()) {  // the issuing organization signs below the text
    y += Text(cr, "<b>" + Escape(c.issuer) + "</b>", "Noto Serif CJK SC 14", kMargin, y, width, PANGO_ALIGN_RIGHT);
  }
  y += 24;

  y += Text(cr, "<b>服务项目</b>", "Noto Sans CJK SC 13", kMargin, y, width) + 8;
  cairo_set_line_width(cr, 0.5);
  size_t shown = 0;
  for (const auto& [title, minutes] : c.projects) {
    if (y > kHeight - 260) {
      y += Text(cr, "…… 另有 " + std::to_string(c.projects.size() - shown) + " 个项目", "Noto Sans CJK SC 11", kMargin,
                y, width) +
           4;
      break;
    }
    double h = Text(cr, Escape(title), "Noto Sans CJK SC 11", kMargin, y, width - 100);
    Text(cr, HoursText(minutes) + " 小时", "Noto Sans CJK SC 11", kWidth - kMargin - 100, y, 100, PANGO_ALIGN_RIGHT);
    y += h + 4;
    cairo_move_to(cr, kMargin, y);
    cairo_line_to(cr, kWidth - kMargin, y);
    cairo_stroke(cr);
    y += 6;
    ++shown;
  }

  double bottom = kHeight - 200;
  Qr(cr, c.verify_url, kMargin, bottom, 100);
  double tx = kMargin + 120;
  double ty = bottom;
  ty += Text(cr, "验证码：<b>" + Escape(c.code) + "</b>", "Noto Sans CJK SC 12", tx, ty, width - 120) + 6;
  ty += Text(cr, "扫码或访问以下地址核验本证明：", "Noto Sans CJK SC 10", tx, ty, width - 120) + 2;
  ty += Text(cr, Escape(c.verify_url), "Noto Sans CJK SC 9", tx, ty, width - 120) + 6;
  if (!c.issuer.empty()) {
    ty += Text(cr, "出具单位：" + Escape(c.issuer), "Noto Sans CJK SC 11", tx, ty, width - 120) + 2;
  }
  Text(cr, "出具日期：" + Escape(c.issued_on), "Noto Sans CJK SC 11", tx, ty, width - 120);

  cairo_show_page(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    return Status::Internal("error.internal").WithDetail(std::string("cairo: ") + cairo_status_to_string(status));
  }
  return pdf;
}

}  // namespace tianshan::volunteering
