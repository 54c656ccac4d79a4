#include "attribution_pass.h"

#include <re2/re2.h>

#include <algorithm>

#include "attribution_work.h"
#include "text_util.h"

namespace saidby {

using attribution_work::t_work;

PassContext::PassContext(const Document& doc, const QuoteScan& scan, const RuleSet& rules,
                         bool explain, const MentionResolver& resolver)
    : doc_(doc), scan_(scan), rules_(rules), explain_(explain), resolver_(resolver) {
  for (const AttributionRule& r : rules_.rules()) {
    if (r.continues) continuation_priority_ = std::max(continuation_priority_, r.priority);
  }
}

int PassContext::ContinuationSource(size_t q, const std::vector<Attribution>& done) const {
  for (size_t p = q; p-- > 0;) {
    ++t_work;
    if (scan_.spans[q].paragraph > scan_.spans[p].paragraph + 2) return -1;
    if (done[p].kind == "scare") continue;
    return done[p].rule.empty() ? -1 : static_cast<int>(p);
  }
  return -1;
}

bool PassContext::TryWindow(size_t q, const Window& w, const std::vector<Attribution>& done,
                            bool continuations, Attribution& a, std::ostringstream& why,
                            int min_priority) const {
  const std::vector<int> hits = CandidateRules(rules_, w.symbols);
  if (explain_) why << "window \"" << PrintableSymbols(w) << "\"; ";
  bool decided = false;
  for (int h : hits) {
    if (decided && !explain_) break;
    const AttributionRule& rule = rules_.rules()[static_cast<size_t>(h)];
    if (rule.continues && !continuations) continue;
    if (rule.priority < min_priority) continue;
    // Group 1 is the pattern itself (see RuleSet::regex); its groups follow, one further on.
    std::vector<re2::StringPiece> groups;
    if (!MatchRule(rules_, static_cast<size_t>(h), w.symbols, groups)) continue;
    Attribution cand = a;
    bool ok = true;
    if (rule.continues) {
      const int source = ContinuationSource(q, done);
      ok = source >= 0;
      if (ok) InheritFrom(done[static_cast<size_t>(source)], cand, rule.id, rule.confidence);
    } else {
      re2::StringPiece sp;
      for (int g : rule.speaker_groups) {
        if (groups[static_cast<size_t>(g) + 1].data() != nullptr) {
          sp = groups[static_cast<size_t>(g) + 1];
          break;
        }
      }
      ok = false;
      if (sp.data() != nullptr) {
        ok = resolver_.Resolve(w, TokenAt(w, sp.data()), TokenAt(w, sp.data() + sp.size()), cand);
      }
      cand.rule = rule.id;
      cand.confidence = rule.confidence * (cand.speaker.empty() ? 0.8 : 1.0);
    }
    if (ok && !rule.continues) {
      // Of the cues the match passed outside the speaker's words, the one nearest the quote.
      const size_t quote_at = TokenAt(w, w.symbols.find('Q'));
      size_t best_distance = std::string::npos;
      for (int g : rule.cue_groups) {
        const re2::StringPiece& cp = groups[static_cast<size_t>(g) + 1];
        if (cp.data() == nullptr) continue;
        const size_t ci = TokenAt(w, cp.data());
        // A cue inside the speaker's own words ("one witness, who asked not to be named,") is
        // not the attribution's.
        if (w.tokens[ci].span.begin >= cand.mention_span.begin &&
            w.tokens[ci].span.end <= cand.mention_span.end) {
          continue;
        }
        size_t distance = ci > quote_at ? ci - quote_at : quote_at - ci;
        if (distance < best_distance) {
          best_distance = distance;
          cand.cue = std::string(doc_.slice(w.tokens[ci].span));
          cand.cue_span = w.tokens[ci].span;
        }
      }
      // "…, telling Reuters, “Q”": Reuters heard it. A rule that reads the name after its cue
      // as the speaker says `listener-cues = no`.
      if (!rule.listener_cues && !cand.cue.empty() && rules_.TakesListener(LowerWord(cand.cue))) {
        ok = false;
      }
      if (ok && cand.cue.empty()) {
        const size_t to = TokenAt(w, groups[1].data() + groups[1].size());
        for (size_t i = TokenAt(w, groups[1].data()); i < to; ++i) {
          if (w.tokens[i].symbol != ':') continue;
          cand.cue = ":";
          cand.cue_span = w.tokens[i].span;
        }
      }
    }
    if (explain_) {
      why << "rule " << rule.id << " (priority " << rule.priority << ")"
          << (ok ? " → speaker \"" + cand.speaker + "\" mention \"" + cand.mention + "\""
                 : std::string(" → no usable speaker"))
          << (ok && !decided ? " [chosen: highest priority that named a speaker]" : "") << "; ";
    }
    if (ok && !decided) {
      a = cand;
      decided = true;
    }
  }
  return decided;
}

void PassContext::InheritFrom(const Attribution& prev, Attribution& a, const std::string& rule,
                              double confidence) const {
  a.speaker = prev.speaker;
  a.mention = prev.mention;
  a.mention_span = prev.mention_span;
  a.cue = prev.cue;
  a.cue_span = prev.cue_span;
  a.rule = rule;
  a.confidence = std::min(confidence, prev.confidence * 0.9);
  a.kind = "continued";
}

}  // namespace saidby
