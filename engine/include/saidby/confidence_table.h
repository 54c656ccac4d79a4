// ConfidenceTable: the calibrated confidence of an attribution, by what decided it — the rule id
// and the mention type of the words that named the speaker — read from rules/<lang>/confidence.txt
// (written by tools/calibrate from `saidby eval` on the training collections; rules/README.md).
//
// A value is the measured precision of its cell. Lookup falls back from the most specific cell
// to the least: (rule, type), then (*, type), then (rule, *), then (*, *); the mention type comes
// before the rule because it predicts correctness better (issue #12). Immutable once loaded;
// lookups are two hash probes at most. Owns its keys.
//
// Example:
//   ConfidenceTable t;
//   t.Set("quote-cue-speaker", MentionType::kPronoun, 0.71);
//   std::optional<double> c = t.Find("quote-cue-speaker", MentionType::kPronoun);  // 0.71
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace saidby {

// The kind of words that named the speaker of a quote (see MentionTypeOf in calibration.h).
enum class MentionType { kNone, kName, kPronoun, kDescription };

// "none", "name", "pronoun", "description".
std::string_view MentionTypeName(MentionType type);
// The inverse of MentionTypeName; nullopt for anything else.
std::optional<MentionType> ParseMentionType(std::string_view name);

// The pseudo rule id of a quote that no rule attributed (the `rule` column is empty).
inline constexpr std::string_view kNoRuleId = "@none";

class ConfidenceTable {
 public:
  // `rule` "*" and `type` nullopt are the wildcards. A later Set of the same cell replaces it.
  void Set(const std::string& rule, std::optional<MentionType> type, double confidence);
  // The most specific cell that holds a value (see above); nullopt when none does.
  std::optional<double> Find(const std::string& rule, MentionType type) const;
  bool empty() const { return cells_.empty(); }
  size_t size() const { return cells_.size(); }

 private:
  static std::string Key(std::string_view rule, std::optional<MentionType> type);
  std::unordered_map<std::string, double> cells_;
};

}  // namespace saidby
