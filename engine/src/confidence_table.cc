#include "saidby/confidence_table.h"

namespace saidby {

std::string_view MentionTypeName(MentionType type) {
  switch (type) {
    case MentionType::kName:
      return "name";
    case MentionType::kPronoun:
      return "pronoun";
    case MentionType::kDescription:
      return "description";
    case MentionType::kNone:
      break;
  }
  return "none";
}

std::optional<MentionType> ParseMentionType(std::string_view name) {
  for (MentionType t :
       {MentionType::kNone, MentionType::kName, MentionType::kPronoun, MentionType::kDescription}) {
    if (MentionTypeName(t) == name) return t;
  }
  return std::nullopt;
}

std::string ConfidenceTable::Key(std::string_view rule, std::optional<MentionType> type) {
  // A tab never occurs in a rule id (letters, digits, '-', '_', '.', '@', '*').
  std::string key(rule);
  key += '\t';
  key += type ? MentionTypeName(*type) : "*";
  return key;
}

void ConfidenceTable::Set(const std::string& rule, std::optional<MentionType> type,
                          double confidence) {
  cells_[Key(rule, type)] = confidence;
}

std::optional<double> ConfidenceTable::Find(const std::string& rule, MentionType type) const {
  for (const std::string& key :
       {Key(rule, type), Key("*", type), Key(rule, std::nullopt), Key("*", std::nullopt)}) {
    if (auto it = cells_.find(key); it != cells_.end()) return it->second;
  }
  return std::nullopt;
}

}  // namespace saidby
