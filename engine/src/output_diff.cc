#include "saidby/output_diff.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_set>

namespace saidby {

std::string_view DiffChangeName(DiffChange c) {
  switch (c) {
    case DiffChange::kFound:
      return "found";
    case DiffChange::kLost:
      return "lost";
    case DiffChange::kSpeaker:
      return "speaker";
    case DiffChange::kKind:
      return "kind";
  }
  return "";
}

std::string_view DiffVerdictName(DiffVerdict v) {
  switch (v) {
    case DiffVerdict::kNone:
      return "";
    case DiffVerdict::kFixed:
      return "fixed";
    case DiffVerdict::kBroken:
      return "broken";
    case DiffVerdict::kNeutral:
      return "neutral";
  }
  return "";
}

namespace {

enum class State { kMissed, kFalse, kWrong, kRight };

constexpr size_t kNoRow = static_cast<size_t>(-1);

// One side judged against the gold: each row's state and the gold row its span matched, and
// each gold row's state and row.
struct Judged {
  std::vector<State> row_state;
  std::vector<size_t> row_gold;
  std::vector<State> gold_state;
  std::vector<size_t> gold_row;  // the row matched to each gold row, if any
};

Judged Judge(const std::vector<QuoteRecord>& rows, const std::vector<GoldQuote>& gold,
             const EvalOptions& options) {
  Judged j;
  j.row_state.assign(rows.size(), State::kFalse);
  j.row_gold.assign(rows.size(), EvalRow::kNoGold);
  j.gold_state.assign(gold.size(), State::kMissed);
  j.gold_row.assign(gold.size(), kNoRow);
  const EvalReport report = Evaluate(gold, rows, {}, options);
  for (const EvalRow& r : report.rows) {
    j.row_gold[r.prediction] = r.gold_row;
    if (r.basis == "unmatched") continue;  // no gold row, or a scare row
    const State s = r.correct ? State::kRight : State::kWrong;
    j.row_state[r.prediction] = s;
    j.gold_state[r.gold_row] = s;
    j.gold_row[r.gold_row] = r.prediction;
  }
  return j;
}

using Key = std::tuple<std::string, std::string, size_t, size_t>;  // source, doc, start, end

Key KeyOf(const QuoteRecord& r) { return {r.source, r.doc, r.start, r.end}; }

// A continued segment is a full quote that follows another of its speaker.
std::string_view Sentence(std::string_view kind) { return kind == "continued" ? "full" : kind; }

std::string RuleName(const QuoteRecord& r) { return r.rule.empty() ? "@none" : r.rule; }

}  // namespace

OutputDiff DiffOutputs(const std::vector<QuoteRecord>& before,
                       const std::vector<QuoteRecord>& after, const DiffOptions& options) {
  OutputDiff d;
  d.before_rows = before.size();
  d.after_rows = after.size();
  const bool judging = options.gold != nullptr;
  Judged old_judged, new_judged;
  std::unordered_set<std::string> gold_docs;
  if (judging) {
    old_judged = Judge(before, *options.gold, options.eval);
    new_judged = Judge(after, *options.gold, options.eval);
    for (const GoldQuote& g : *options.gold) gold_docs.insert(g.doc);
  }

  // Rows of each key, in order: a key repeated within a side pairs up in order.
  std::map<Key, std::vector<size_t>> old_keys, new_keys;
  for (size_t i = 0; i < before.size(); ++i) old_keys[KeyOf(before[i])].push_back(i);
  for (size_t i = 0; i < after.size(); ++i) new_keys[KeyOf(after[i])].push_back(i);

  auto verdict = [&](DiffChange change, const size_t* o, const size_t* n) {
    if (!judging) return DiffVerdict::kNone;
    const QuoteRecord& row = n ? after[*n] : before[*o];
    if (gold_docs.count(row.doc) == 0) return DiffVerdict::kNeutral;
    const State os = o ? old_judged.row_state[*o] : State::kMissed;
    const State ns = n ? new_judged.row_state[*n] : State::kMissed;
    switch (change) {
      case DiffChange::kFound: {
        if (ns == State::kFalse) return DiffVerdict::kBroken;
        // The span moved: OLD's row for the same gold row, as right or wrong, is gone.
        const size_t g = new_judged.row_gold[*n], was = old_judged.gold_row[g];
        if (was != kNoRow && old_judged.gold_state[g] == ns &&
            new_keys.count(KeyOf(before[was])) == 0) {
          return DiffVerdict::kNeutral;
        }
        return ns == State::kRight ? DiffVerdict::kFixed : DiffVerdict::kBroken;
      }
      case DiffChange::kLost: {
        if (os == State::kFalse) return DiffVerdict::kFixed;
        const size_t g = old_judged.row_gold[*o], now = new_judged.gold_row[g];
        if (now != kNoRow && new_judged.gold_state[g] == os &&
            old_keys.count(KeyOf(after[now])) == 0) {
          return DiffVerdict::kNeutral;
        }
        return os == State::kRight ? DiffVerdict::kBroken : DiffVerdict::kFixed;
      }
      case DiffChange::kSpeaker:
        if ((os == State::kRight) == (ns == State::kRight)) return DiffVerdict::kNeutral;
        return ns == State::kRight ? DiffVerdict::kFixed : DiffVerdict::kBroken;
      case DiffChange::kKind: {
        size_t g = new_judged.row_gold[*n];
        if (g == EvalRow::kNoGold) g = old_judged.row_gold[*o];
        if (g == EvalRow::kNoGold) return DiffVerdict::kNeutral;
        const std::string_view kind = Sentence((*options.gold)[g].kind);
        const bool old_ok = Sentence(before[*o].kind) == kind;
        const bool new_ok = Sentence(after[*n].kind) == kind;
        if (old_ok == new_ok) return DiffVerdict::kNeutral;
        return new_ok ? DiffVerdict::kFixed : DiffVerdict::kBroken;
      }
    }
    return DiffVerdict::kNeutral;
  };
  auto add = [&](DiffChange change, const size_t* o, const size_t* n) {
    RowChange& c = d.changes.emplace_back();
    c.change = change;
    c.verdict = verdict(change, o, n);
    if (o) c.before = before[*o];
    if (n) c.after = after[*n];
    if (judging) {
      size_t g = n ? new_judged.row_gold[*n] : EvalRow::kNoGold;
      if (g == EvalRow::kNoGold && o) g = old_judged.row_gold[*o];
      if (g != EvalRow::kNoGold) c.gold = (*options.gold)[g];
    }
  };

  for (const auto& [key, olds] : old_keys) {
    auto it = new_keys.find(key);
    const size_t paired = it == new_keys.end() ? 0 : std::min(olds.size(), it->second.size());
    for (size_t i = 0; i < olds.size(); ++i) {
      if (i >= paired) {
        add(DiffChange::kLost, &olds[i], nullptr);
        continue;
      }
      const size_t o = olds[i], n = it->second[i];
      const bool speaker = before[o].speaker != after[n].speaker;
      const bool kind = before[o].kind != after[n].kind;
      if (speaker) add(DiffChange::kSpeaker, &o, &n);
      if (kind) add(DiffChange::kKind, &o, &n);
      if (!speaker && !kind) ++d.unchanged;
    }
  }
  for (const auto& [key, news] : new_keys) {
    auto it = old_keys.find(key);
    const size_t paired = it == old_keys.end() ? 0 : std::min(news.size(), it->second.size());
    for (size_t i = paired; i < news.size(); ++i) add(DiffChange::kFound, nullptr, &news[i]);
  }

  // Documents in the order the outputs give them (OLD's first), not by name.
  std::map<std::pair<std::string, std::string>, size_t> doc_order;
  for (const std::vector<QuoteRecord>* side : {&before, &after}) {
    for (const QuoteRecord& r : *side) doc_order.try_emplace({r.source, r.doc}, doc_order.size());
  }
  auto order = [&](const RowChange& c) {
    const QuoteRecord& r = c.Row();
    return std::tuple(doc_order.at({r.source, r.doc}), r.start, r.end, c.change);
  };
  std::stable_sort(d.changes.begin(), d.changes.end(),
                   [&](const RowChange& a, const RowChange& b) { return order(a) < order(b); });

  std::map<std::string, RuleChanges> rules;
  for (const RowChange& c : d.changes) {
    switch (c.change) {
      case DiffChange::kFound:
        ++d.found;
        break;
      case DiffChange::kLost:
        ++d.lost;
        break;
      case DiffChange::kSpeaker:
        ++d.speakers;
        break;
      case DiffChange::kKind:
        ++d.kinds;
        break;
    }
    std::set<std::string> involved;
    if (c.before) involved.insert(RuleName(*c.before));
    if (c.after) involved.insert(RuleName(*c.after));
    for (const std::string& rule : involved) {
      RuleChanges& r = rules[rule];
      r.rule = rule;
      ++r.changes;
      if (c.verdict == DiffVerdict::kFixed) ++r.fixed;
      if (c.verdict == DiffVerdict::kBroken) ++r.broken;
      if (c.verdict == DiffVerdict::kNeutral) ++r.neutral;
    }
    if (c.verdict == DiffVerdict::kFixed) ++d.fixed;
    if (c.verdict == DiffVerdict::kBroken) ++d.broken;
    if (c.verdict == DiffVerdict::kNeutral) ++d.neutral;
  }
  for (auto& [name, r] : rules) d.rules.push_back(std::move(r));
  std::stable_sort(d.rules.begin(), d.rules.end(), [](const RuleChanges& a, const RuleChanges& b) {
    return std::tie(b.broken, b.changes) < std::tie(a.broken, a.changes);
  });
  return d;
}

}  // namespace saidby
