// Calibration: what decided an attribution (its rule and the type of its mention) and the
// confidence measured for that on the training collections (RuleSet::confidence(),
// confidence.txt, written by tools/calibrate).
//
// The mention type is read off the final Attribution and the lexicons, not off the pass that
// resolved it, so it means the same whatever resolution does: a continuation has the type of
// the mention it inherited. Cost: linear in the mention's and speaker's words. Pure.
//
// Example:
//   MentionTypeOf("Anna Keller", "she", rules) == MentionType::kPronoun
//   CalibrateConfidence(attribution, rules);  // sets mention_type and confidence
#pragma once

#include <string_view>

#include "saidby/attribution.h"
#include "saidby/confidence_table.h"
#include "saidby/rule_set.h"

namespace saidby {

// `none` for an empty mention; `name` when a word of the speaker (not a lexicon word such as
// "the") is a word of the mention, or the mention ends in a capitalised name word ("the NRA");
// else `pronoun` when a word of the mention is in pronouns.txt; else `description` ("the
// senator", "a Kremlin official", "the company").
MentionType MentionTypeOf(std::string_view speaker, std::string_view mention, const RuleSet& rules);

// Sets a.mention_type, and a.confidence to the table's value for (a.rule, or kNoRuleId when no
// rule decided, a.mention_type), rounded to 2 decimals. Scare quotes, and every quote when the
// table is empty, keep the confidence attribution gave them.
void CalibrateConfidence(Attribution& a, const RuleSet& rules);

}  // namespace saidby
