#include "saidby/quote_span.h"

#include <algorithm>
#include <iterator>

#include "text_util.h"

namespace saidby {
namespace {

enum class Family { kDouble, kSingle, kGuillemet, kSingleGuillemet };

struct Mark {
  size_t pos;
  size_t width;
  char32_t cp;
};

struct OpenMark {
  size_t pos;
  size_t content_begin;
  Family family;
  bool low_opener;  // „ : the matching closer is “ (German style)
};

bool IsQuoteCodePoint(char32_t c) {
  switch (c) {
    case '"':
    case '\'':
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x2018:
    case 0x2019:
    case 0x00AB:
    case 0x00BB:
    case 0x2039:
    case 0x203A:
      return true;
    default:
      return false;
  }
}

bool IsOpeningPunct(char32_t c) {
  return c == '(' || c == '[' || c == '{' || c == '-' || c == 0x2014 || c == 0x2013 || c == '/' ||
         IsQuoteCodePoint(c);
}

// Markup residue inside a paragraph: HTML tags and bracketed attribute lists such as
// `[time-brightcove not-tgx=”true”]`. Quote marks inside them are not speech.
std::vector<TextSpan> MarkupRegions(std::string_view t, TextSpan para) {
  std::vector<TextSpan> out;
  for (size_t i = FindByte(t, para.begin, para.end, "<[", false); i < para.end;
       i = FindByte(t, i + 1, para.end, "<[", false)) {
    char open = t[i];
    char close = open == '<' ? '>' : ']';
    size_t j = i + 1;
    bool has_equals = false;
    while (j < para.end && t[j] != close && t[j] != open && j - i < 512) {
      has_equals |= t[j] == '=';
      ++j;
    }
    if (j >= para.end || t[j] != close) continue;
    bool tag_like =
        open == '<' && i + 1 < j &&
        (std::isalpha(static_cast<unsigned char>(t[i + 1])) || t[i + 1] == '/' || t[i + 1] == '!');
    if (tag_like || (open == '[' && has_equals)) {
      out.push_back({i, j + 1});
      i = j;
    }
  }
  return out;
}

class ParagraphScanner {
 public:
  ParagraphScanner(std::string_view text, TextSpan para, size_t index, QuoteScan& out)
      : t_(text), para_(para), index_(index), out_(out) {}

  // Returns true if the paragraph ends with exactly one quote left open.
  void Run(bool reopened_from_previous) {
    std::vector<TextSpan> markup = MarkupRegions(t_, para_);
    size_t m = 0;
    bool first_mark = true;
    for (size_t pos = para_.begin; pos < para_.end;) {
      while (m < markup.size() && markup[m].end <= pos) ++m;
      if (m < markup.size() && markup[m].contains(pos)) {
        pos = markup[m].end;
        continue;
      }
      // ASCII bytes other than ", ' and ` are no quote marks: skipped without decoding.
      const size_t limit = m < markup.size() ? std::min(para_.end, markup[m].begin) : para_.end;
      pos = FindByte(t_, pos, limit, "\"'`", /*non_ascii=*/true);
      if (pos >= limit) continue;
      CodePoint cp = DecodeAt(t_, pos);
      // Two apostrophes ('' as in some newspapers' archives) or two backticks are one double
      // quotation mark.
      if ((cp.cp == '\'' || cp.cp == '`') && pos + 1 < para_.end && t_[pos + 1] == t_[pos]) {
        OnMark({pos, 2, cp.cp == '`' ? char32_t{0x201C} : char32_t{'"'}},
               first_mark && reopened_from_previous);
        first_mark = false;
        pos += 2;
        continue;
      }
      if (IsQuoteCodePoint(cp.cp)) {
        OnMark({pos, cp.width, cp.cp}, first_mark && reopened_from_previous);
        first_mark = false;
      }
      pos += cp.width;
    }
  }

  // The quote left open at the end, if any (after Run).
  bool LeftOpen() const { return !stack_.empty(); }
  const OpenMark& Bottom() const { return stack_.front(); }

  void CloseAtEnd(bool continues_next) {
    const OpenMark& o = stack_.front();
    QuoteSpan q;
    q.content = {o.content_begin, para_.end};
    q.outer = {o.pos, para_.end};
    q.paragraph = index_;
    q.closed = false;
    q.continues_next = continues_next;
    q.continues_previous = pending_continuation_at_ == o.pos;
    if (!continues_next) {
      out_.warnings.push_back("unbalanced quote mark at byte " + std::to_string(o.pos) +
                              ": closed at the paragraph end (byte " + std::to_string(para_.end) +
                              ")");
    }
    if (q.content.size() > 0) out_.spans.push_back(q);
    stack_.clear();
    std::fill(std::begin(open_), std::end(open_), 0);
  }

 private:
  bool LeftFlanking(const Mark& mk) const {
    CodePoint next = DecodeAt(t_, mk.pos + mk.width);
    CodePoint prev = mk.pos > para_.begin ? DecodeBefore(t_, mk.pos) : CodePoint{};
    bool next_ok = mk.pos + mk.width < para_.end && !IsSpace(next.cp);
    // Invisible format characters (U+202A LEFT-TO-RIGHT EMBEDDING, U+200B, U+FEFF) left by
    // web pages count as the space they usually stand next to.
    bool prev_ok = prev.width == 0 || IsSpace(prev.cp) || IsOpeningPunct(prev.cp) ||
                   (prev.cp >= 0x200B && prev.cp <= 0x200F) ||
                   (prev.cp >= 0x202A && prev.cp <= 0x202E) ||
                   (prev.cp >= 0x2060 && prev.cp <= 0x2064) || prev.cp == 0xFEFF;
    return next_ok && prev_ok;
  }
  bool RightFlanking(const Mark& mk) const {
    CodePoint next = mk.pos + mk.width < para_.end ? DecodeAt(t_, mk.pos + mk.width) : CodePoint{};
    CodePoint prev = DecodeBefore(t_, mk.pos);
    bool prev_ok = mk.pos > para_.begin && !IsSpace(prev.cp);
    bool next_ok = next.width == 0 || IsSpace(next.cp) || (!IsLetter(next.cp) && !IsDigit(next.cp));
    return prev_ok && next_ok;
  }
  // Counted, not searched: 100,000 unclosed « then as many ” would make a search quadratic.
  bool IsOpen(Family f) const { return open_[static_cast<size_t>(f)] > 0; }
  void Pop() {
    --open_[static_cast<size_t>(stack_.back().family)];
    stack_.pop_back();
  }

  void Open(const Mark& mk, Family f, bool low, bool reopening) {
    if (stack_.empty() && reopening) pending_continuation_at_ = mk.pos;
    stack_.push_back({mk.pos, mk.pos + mk.width, f, low});
    ++open_[static_cast<size_t>(f)];
  }

  // Closes the innermost open quote of family `f`; emits it if it was the outermost.
  void Close(const Mark& mk, Family f) {
    while (!stack_.empty() && stack_.back().family != f) Pop();
    if (stack_.empty()) return;
    OpenMark o = stack_.back();
    Pop();
    if (!stack_.empty()) return;  // nested quote: part of the outer one
    QuoteSpan q;
    q.content = {o.content_begin, mk.pos};
    q.outer = {o.pos, mk.pos + mk.width};
    q.paragraph = index_;
    q.continues_previous = pending_continuation_at_ == o.pos;
    if (q.content.size() > 0) out_.spans.push_back(q);
  }

  void OnMark(const Mark& mk, bool reopening) {
    const bool left = LeftFlanking(mk), right = RightFlanking(mk);
    const bool inside = !stack_.empty();
    CodePoint prev = DecodeBefore(t_, mk.pos);
    CodePoint next = DecodeAt(t_, mk.pos + mk.width);
    switch (mk.cp) {
      case 0x201C:  // “ opens; closes after „ or when plainly used as a closer
        if (IsOpen(Family::kDouble) && (stack_.back().low_opener || (right && !left))) {
          Close(mk, Family::kDouble);
        } else if (!IsOpen(Family::kDouble) || left) {
          Open(mk, Family::kDouble, false, reopening);
        }
        break;
      case 0x201E:  // „
        Open(mk, Family::kDouble, true, reopening);
        break;
      case 0x201D:  // ” closes; a ” facing forward with nothing open is a misused opener
        if (IsOpen(Family::kDouble)) {
          Close(mk, Family::kDouble);
        } else if (left && !right) {
          Open(mk, Family::kDouble, false, reopening);
        }
        break;
      case '"':
        if (IsDigit(prev.cp) && !left) break;  // inches: 5'10"
        if (IsOpen(Family::kDouble) && (right || !left)) {
          Close(mk, Family::kDouble);
        } else if (left || !IsOpen(Family::kDouble)) {
          Open(mk, Family::kDouble, false, reopening);
        }
        break;
      case 0x00AB:  // «
        Open(mk, Family::kGuillemet, false, reopening);
        break;
      case 0x00BB:  // »
        if (IsOpen(Family::kGuillemet)) Close(mk, Family::kGuillemet);
        break;
      case 0x2039:  // ‹
        Open(mk, Family::kSingleGuillemet, false, reopening);
        break;
      case 0x203A:  // ›
        if (IsOpen(Family::kSingleGuillemet)) Close(mk, Family::kSingleGuillemet);
        break;
      case 0x2018:  // ‘ : an opener, unless it stands for missing letters ("the ‘90s")
      case '\'':
        if (inside && !IsOpen(Family::kSingle)) break;  // nested in a double quote: ignore
        if (IsOpen(Family::kSingle) && mk.cp == '\'' && right && !IsLetter(next.cp)) {
          Close(mk, Family::kSingle);
        } else if (left && !IsDigit(next.cp) && !ElidedWord(mk)) {
          if (!inside) Open(mk, Family::kSingle, false, reopening);
        }
        break;
      case 0x2019:  // ’ : an apostrophe unless a single quote is open and this ends it
        if (IsOpen(Family::kSingle) && right && !IsLetter(next.cp)) Close(mk, Family::kSingle);
        break;
      default:
        break;
    }
  }

  // ’n’ in "rock ’n’ roll" and 'em / 'til style elisions are words, not quotes.
  bool ElidedWord(const Mark& mk) const {
    size_t after = mk.pos + mk.width;
    size_t word_end = after;
    while (word_end < para_.end && IsLetter(DecodeAt(t_, word_end).cp)) {
      word_end += DecodeAt(t_, word_end).width;
    }
    CodePoint following = DecodeAt(t_, word_end);
    // "’n’ roll" is elided; "‘I’m sick of it’" opens a quote (a letter follows the apostrophe).
    const bool letter_after = word_end + following.width < para_.end &&
                              IsLetter(DecodeAt(t_, word_end + following.width).cp);
    if (word_end - after <= 2 && (following.cp == 0x2019 || following.cp == '\'') &&
        !letter_after) {
      return true;
    }
    std::string w = AsciiLower(t_.substr(after, word_end - after));
    return w == "em" || w == "til" || w == "tis" || w == "twas" || w == "cause" || w == "n";
  }

  std::string_view t_;
  TextSpan para_;
  size_t index_;
  QuoteScan& out_;
  std::vector<OpenMark> stack_;
  size_t open_[4] = {};  // open marks of each Family on stack_
  size_t pending_continuation_at_ = static_cast<size_t>(-1);
};

// Does the paragraph start with an opening double (or guillemet) quote mark?
bool StartsWithOpener(std::string_view t, TextSpan para) {
  CodePoint cp = DecodeAt(t, para.begin);
  if (t.substr(para.begin, 2) == "''" || t.substr(para.begin, 2) == "``") return true;
  return cp.cp == 0x201C || cp.cp == '"' || cp.cp == 0x00AB || cp.cp == 0x201E || cp.cp == 0x2018;
}

}  // namespace

QuoteScan FindQuoteSpans(const Document& doc) {
  QuoteScan out;
  bool reopen = false;
  for (size_t i = 0; i < doc.paragraphs.size(); ++i) {
    ParagraphScanner scanner(doc.text, doc.paragraphs[i], i, out);
    scanner.Run(reopen);
    reopen = false;
    if (scanner.LeftOpen()) {
      bool continues =
          i + 1 < doc.paragraphs.size() && StartsWithOpener(doc.text, doc.paragraphs[i + 1]);
      scanner.CloseAtEnd(continues);
      reopen = continues;
    }
  }
  return out;
}

}  // namespace saidby
