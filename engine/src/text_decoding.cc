#include "saidby/text_decoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <cctype>
#include <cstring>
#include <memory>
#include <optional>

#include "saidby/document.h"

namespace saidby {
namespace {

struct CloseConverter {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
struct CloseDetector {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

// `bytes` read as `encoding`, in UTF-8; an error on any byte the encoding does not allow.
Result<std::string> Convert(std::string_view bytes, const std::string& encoding) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, CloseConverter> cnv(ucnv_open(encoding.c_str(), &err));
  if (U_FAILURE(err)) return Status::Error("unknown encoding '" + encoding + "'");
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  // Every encoding ICU knows takes at least one byte for a character UTF-8 writes in at most
  // four, and one for U+FFFF and below, which UTF-8 writes in at most three.
  std::string out(bytes.size() * 3 + 16, '\0');
  const int32_t n =
      ucnv_toAlgorithmic(UCNV_UTF8, cnv.get(), out.data(), static_cast<int32_t>(out.size()),
                         bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) {
    err = U_ZERO_ERROR;
    out.assign(static_cast<size_t>(n), '\0');
    ucnv_resetToUnicode(cnv.get());
    ucnv_toAlgorithmic(UCNV_UTF8, cnv.get(), out.data(), static_cast<int32_t>(out.size()),
                       bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  }
  if (U_FAILURE(err)) return Status::Error("not valid " + encoding + " text");
  out.resize(static_cast<size_t>(n));
  return out;
}

// Whether `s` is UTF-8 with bad bytes rather than another encoding: it holds at least as many
// well-formed multi-byte UTF-8 sequences as bytes that fit none. Legacy text almost never
// forms one ("é" is one byte followed by ASCII), double-byte text (Shift_JIS, GBK) only by
// chance, among many bytes that do not.
bool MostlyUtf8(std::string_view s) {
  size_t valid = 0, invalid = 0;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const size_t tail = c < 0x80                 ? 0
                        : c >= 0xC2 && c <= 0xDF ? 1
                        : c >= 0xE0 && c <= 0xEF ? 2
                        : c >= 0xF0 && c <= 0xF4 ? 3
                                                 : 4;
    if (tail == 0) {
      ++i;
      continue;
    }
    size_t k = 1;
    while (tail < 4 && k <= tail && i + k < s.size() &&
           (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80) {
      ++k;
    }
    if (tail < 4 && k > tail) {
      ++valid;
      i += k;
    } else {
      ++invalid;
      ++i;
    }
  }
  return valid > 0 && valid >= invalid;
}

struct Guess {
  std::string name;
  int confidence = 0;
};

// ICU's best guess that is not a Unicode encoding (those were ruled out before asking).
std::optional<Guess> Detect(std::string_view bytes, bool markup) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, CloseDetector> det(ucsdet_open(&err));
  if (U_FAILURE(err)) return std::nullopt;
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  ucsdet_enableInputFilter(det.get(), markup);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &count, &err);
  if (U_FAILURE(err)) return std::nullopt;
  for (int32_t i = 0; i < count; ++i) {
    const char* name = ucsdet_getName(matches[i], &err);
    if (U_FAILURE(err) || name == nullptr) return std::nullopt;
    if (std::strncmp(name, "UTF-", 4) == 0) continue;
    return Guess{name, static_cast<int>(ucsdet_getConfidence(matches[i], &err))};
  }
  return std::nullopt;
}

// The charset an HTML page declares in its first 1024 bytes (<meta charset="…"> or
// <meta http-equiv="Content-Type" content="text/html; charset=…">, as the HTML5 prescan reads
// it, simplified); empty if none.
std::string DeclaredCharset(std::string_view page) {
  std::string head(page.substr(0, 1024));
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (size_t meta = head.find("<meta"); meta != std::string::npos;
       meta = head.find("<meta", meta + 5)) {
    const size_t end = head.find('>', meta);
    const size_t at = head.find("charset", meta);
    if (end == std::string::npos || at == std::string::npos || at > end) continue;
    size_t i = at + 7;
    while (i < end && (head[i] == ' ' || head[i] == '=' || head[i] == '"' || head[i] == '\'')) ++i;
    size_t j = i;
    while (j < end && (std::isalnum(static_cast<unsigned char>(head[j])) || head[j] == '-' ||
                       head[j] == '_' || head[j] == ':' || head[j] == '.')) {
      ++j;
    }
    if (j > i) return head.substr(i, j - i);
  }
  return {};
}

struct ByteOrderMark {
  std::string_view bytes;
  const char* encoding;
};

}  // namespace

bool IsKnownEncoding(std::string_view name) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, CloseConverter> cnv(ucnv_open(std::string(name).c_str(), &err));
  return U_SUCCESS(err);
}

Result<DecodedText> DecodeText(std::string bytes, std::string_view encoding, bool markup) {
  if (!encoding.empty()) {
    Result<std::string> text = Convert(bytes, std::string(encoding));
    if (!text.ok()) return text.status();
    return DecodedText{std::move(text).value(), ""};
  }
  // UTF-32 first: its little-endian mark starts with UTF-16's.
  static constexpr ByteOrderMark kMarks[] = {
      {std::string_view("\xFF\xFE\0\0", 4), "UTF-32LE"},
      {std::string_view("\0\0\xFE\xFF", 4), "UTF-32BE"},
      {"\xFF\xFE", "UTF-16LE"},
      {"\xFE\xFF", "UTF-16BE"},
  };
  const std::string_view all(bytes);
  for (const ByteOrderMark& m : kMarks) {
    if (!all.starts_with(m.bytes)) continue;
    Result<std::string> text = Convert(all.substr(m.bytes.size()), m.encoding);
    if (!text.ok()) {
      std::string hex;
      for (const char c : m.bytes) {
        static constexpr char kHex[] = "0123456789ABCDEF";
        if (!hex.empty()) hex += ' ';
        hex += kHex[static_cast<unsigned char>(c) >> 4];
        hex += kHex[static_cast<unsigned char>(c) & 15];
      }
      return Status::Error(text.status().message() + " (byte order mark " + hex + ")");
    }
    return DecodedText{std::move(text).value(), ""};
  }
  size_t bad_at = 0;
  const Status valid = ValidateText(all, &bad_at);
  if (valid.ok() || all.find('\0') != std::string_view::npos || MostlyUtf8(all)) {
    return DecodedText{std::move(bytes), ""};
  }
  if (markup) {
    const std::string declared = DeclaredCharset(all);
    if (!declared.empty() && IsKnownEncoding(declared)) {
      Result<std::string> text = Convert(all, declared);
      if (text.ok()) {
        return DecodedText{std::move(text).value(),
                           valid.message() + ": read as " + declared +
                               " (the page's <meta> charset; --encoding NAME to choose)"};
      }
    }
  }
  const std::optional<Guess> guess = Detect(all, markup);
  if (!guess) return DecodedText{std::move(bytes), ""};
  Result<std::string> text = Convert(all, guess->name);
  if (!text.ok()) return DecodedText{std::move(bytes), ""};
  return DecodedText{std::move(text).value(),
                     valid.message() + ": read as " + guess->name + " (ICU's guess, confidence " +
                         std::to_string(guess->confidence) + "%; --encoding NAME to choose)"};
}

}  // namespace saidby
