// OutputDiff: two extract outputs of the same articles compared row by row (`saidby diff`), so a
// rule change shows what it did. Rows are keyed by (source, doc, start, end), never quote_id
// (ids renumber when a quote is gained or lost): a key only NEW has is a quote found, one only
// OLD has a quote lost, one both have with another speaker or kind a change. Given gold rows,
// each change is judged with eval's own matching (Evaluate over each side): fixed, broken or
// neutral. Pure, no I/O; the diff owns copies of the rows it lists. Cost: two Evaluate runs and
// a sort of each side's keys.
//
// Example:
//   OutputDiff d = DiffOutputs(old_rows, new_rows, {&gold});
//   if (d.broken > 0) ...;  d.changes lists each change with its OLD and NEW row
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "saidby/evaluation.h"
#include "saidby/extractor.h"

namespace saidby {

enum class DiffChange { kFound, kLost, kSpeaker, kKind };
std::string_view DiffChangeName(DiffChange c);  // found, lost, speaker, kind

// How a change stands against the gold, as it moves eval's pair F1. A row is right when its
// span matches a speech gold row and its speaker agrees (EvalRow::correct), wrong when the
// speaker does not, false when its span matches no gold row or a scare row; a gold row is in
// the state of the row matched to it, or missed. Then:
//   found: right is fixed, wrong or false broken; but neutral when its gold row was in the same
//     state in OLD through a row NEW lost (the span moved).
//   lost: right is broken, wrong or false fixed; neutral when its gold row is in the same state
//     in NEW through a row NEW found.
//   speaker: right → not right is broken, not right → right fixed, anything else neutral.
//   kind: against the matched gold row's kind: OLD's kind equal and NEW's not is broken, the
//     reverse fixed, anything else neutral; `continued` counts as `full` (a whole sentence that
//     follows another of its speaker: PolNeAR's gold calls it full).
// A change in a document without gold rows is neutral: nothing judges it.
enum class DiffVerdict { kNone, kFixed, kBroken, kNeutral };  // kNone: no gold was given
std::string_view DiffVerdictName(DiffVerdict v);              // "", fixed, broken, neutral

struct RowChange {
  DiffChange change = DiffChange::kFound;
  DiffVerdict verdict = DiffVerdict::kNone;
  std::optional<QuoteRecord> before;  // OLD's row; none for a quote found
  std::optional<QuoteRecord> after;   // NEW's row; none for a quote lost
  std::optional<GoldQuote> gold;      // the gold row NEW's (else OLD's) span matched, if any
  const QuoteRecord& Row() const { return after ? *after : *before; }
};

// The changes a rule took part in: each change counts once for every distinct rule of its OLD
// and NEW rows (`@none` for a row no rule attributed).
struct RuleChanges {
  std::string rule;
  size_t changes = 0, fixed = 0, broken = 0, neutral = 0;
};

struct DiffOptions {
  const std::vector<GoldQuote>* gold = nullptr;  // default none: changes are not judged
  EvalOptions eval;                              // default: eval's thresholds, no given names
};

struct OutputDiff {
  size_t before_rows = 0, after_rows = 0;
  size_t unchanged = 0;  // keys both sides have, with the same speaker and kind
  // By document (in OLD's order, then NEW's), then start, end and change (found, lost,
  // speaker, kind); a row whose speaker and kind both changed is two changes.
  std::vector<RowChange> changes;
  size_t found = 0, lost = 0, speakers = 0, kinds = 0;
  size_t fixed = 0, broken = 0, neutral = 0;
  // Most broken first, then most changes, then by rule id.
  std::vector<RuleChanges> rules;
};

OutputDiff DiffOutputs(const std::vector<QuoteRecord>& before,
                       const std::vector<QuoteRecord>& after, const DiffOptions& options = {});

}  // namespace saidby
