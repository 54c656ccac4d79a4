#include "saidby/confidence_table.h"

#include <doctest/doctest.h>

namespace saidby {
namespace {

TEST_CASE("ConfidenceTable looks up (rule, type), (*, type), (rule, *), (*, *) in that order") {
  ConfidenceTable t;
  CHECK_FALSE(t.Find("r", MentionType::kName).has_value());
  t.Set("*", std::nullopt, 0.5);
  CHECK(t.Find("r", MentionType::kName) == 0.5);
  t.Set("r", std::nullopt, 0.6);
  CHECK(t.Find("r", MentionType::kName) == 0.6);
  CHECK(t.Find("other", MentionType::kName) == 0.5);
  t.Set("*", MentionType::kName, 0.7);
  CHECK(t.Find("r", MentionType::kName) == 0.7);
  CHECK(t.Find("r", MentionType::kPronoun) == 0.6);
  t.Set("r", MentionType::kName, 0.8);
  CHECK(t.Find("r", MentionType::kName) == 0.8);
  CHECK(t.Find("other", MentionType::kName) == 0.7);
  t.Set("r", MentionType::kName, 0.9);  // replaces
  CHECK(t.Find("r", MentionType::kName) == 0.9);
  CHECK(t.size() == 4);
}

TEST_CASE("mention type names round-trip") {
  for (MentionType m :
       {MentionType::kNone, MentionType::kName, MentionType::kPronoun, MentionType::kDescription}) {
    CHECK(ParseMentionType(MentionTypeName(m)) == m);
  }
  CHECK_FALSE(ParseMentionType("Name").has_value());
  CHECK_FALSE(ParseMentionType("*").has_value());
}

}  // namespace
}  // namespace saidby
