#include "saidby/calibration.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "text_util.h"

namespace saidby {
namespace {

// Words of a mention or name: runs of letters, digits, apostrophes and hyphens, possessive
// dropped ("Keller’s" → "Keller"); punctuation and quote marks between them are no words.
std::vector<std::string_view> NameWords(std::string_view s) {
  std::vector<std::string_view> out;
  size_t begin = std::string_view::npos;
  for (size_t at = 0; at <= s.size();) {
    CodePoint c = at < s.size() ? DecodeAt(s, at) : CodePoint{' ', 1};
    const bool inside =
        IsLetter(c.cp) || IsDigit(c.cp) || c.cp == '\'' || c.cp == U'\u2019' || c.cp == '-';
    if (inside && begin == std::string_view::npos) begin = at;
    if (!inside && begin != std::string_view::npos) {
      std::string_view w = StripPossessive(s.substr(begin, at - begin));
      if (!w.empty()) out.push_back(w);
      begin = std::string_view::npos;
    }
    at += std::max<size_t>(c.width, 1);
  }
  return out;
}

}  // namespace

MentionType MentionTypeOf(std::string_view speaker, std::string_view mention,
                          const RuleSet& rules) {
  const std::vector<std::string_view> words = NameWords(mention);
  if (words.empty()) return MentionType::kNone;
  // "the" of "The New York Times" is in "the newspaper" too: only name words count.
  std::vector<std::string> speaker_words;
  for (std::string_view w : NameWords(speaker)) {
    if (w.size() > 1 && !rules.BreaksName(LowerWord(w))) speaker_words.push_back(FoldName(w));
  }
  for (std::string_view w : words) {
    if (std::find(speaker_words.begin(), speaker_words.end(), FoldName(w)) != speaker_words.end())
      return MentionType::kName;
  }
  for (std::string_view w : words) {
    if (rules.Pronoun(LowerWord(w))) return MentionType::kPronoun;
  }
  // "one Ohio Democrat": an unnamed person, whatever is capitalised.
  if (rules.IsUnnamedDeterminer(LowerWord(words.front()))) return MentionType::kDescription;
  const std::string_view head = words.back();
  if (IsUpper(DecodeAt(head, 0).cp) && !rules.BreaksName(LowerWord(head)) &&
      !rules.IsOrganisationHead(LowerWord(head))) {
    return MentionType::kName;
  }
  return MentionType::kDescription;
}

void CalibrateConfidence(Attribution& a, const RuleSet& rules) {
  a.mention_type = MentionTypeOf(a.speaker, a.mention, rules);
  if (a.kind == "scare") return;  // not speech: the 0.5 it has is no measured precision
  const std::string rule = a.rule.empty() ? std::string(kNoRuleId) : a.rule;
  if (std::optional<double> c = rules.confidence().Find(rule, a.mention_type)) {
    a.confidence = std::round(*c * 100) / 100;
  }
}

}  // namespace saidby
