// Shared helpers for the unit tests: the shipped rules, loaded once, and a Document built from
// a literal sentence with them.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "saidby/document.h"
#include "saidby/rule_set.h"

namespace saidby::testing {

inline const RuleSet& ShippedRules() {
  static const RuleSet* rules = [] {
    RuleSet::LoadResult r = RuleSet::Load(SAIDBY_RULES_DIR);
    REQUIRE_MESSAGE(r.problems.empty(), (r.problems.empty() ? "" : r.problems[0].ToString()));
    return r.rules.release();
  }();
  return *rules;
}

inline Document Doc(const std::string& text) {
  Result<Document> d = MakeDocument("test", "test", text, ShippedRules().splitter());
  REQUIRE_MESSAGE(d.ok(), (d.ok() ? "" : d.status().message()));
  return std::move(d).value();
}

}  // namespace saidby::testing
