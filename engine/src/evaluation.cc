#include "saidby/evaluation.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <map>
#include <tuple>
#include <unordered_map>

#include "saidby/rule_set.h"
#include "text_util.h"

namespace saidby {

bool IsReported(std::string_view kind) { return kind == "reported"; }

double Figures::Precision() const {
  return tp + fp == 0 ? 1.0 : static_cast<double>(tp) / static_cast<double>(tp + fp);
}

double Figures::Recall() const {
  return tp + fn == 0 ? 1.0 : static_cast<double>(tp) / static_cast<double>(tp + fn);
}

double Figures::F1() const {
  const double p = Precision(), r = Recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

Figures& Figures::operator+=(const Figures& o) {
  tp += o.tp;
  fp += o.fp;
  fn += o.fn;
  return *this;
}

double TokenF1(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return 0.0;
  std::unordered_map<std::string_view, size_t> counts;
  for (const std::string& t : a) ++counts[t];
  size_t overlap = 0;
  for (const std::string& t : b) {
    auto it = counts.find(t);
    if (it != counts.end() && it->second > 0) {
      --it->second;
      ++overlap;
    }
  }
  return 2.0 * static_cast<double>(overlap) / static_cast<double>(a.size() + b.size());
}

namespace {

// Is `part` a contiguous run of `whole`?
bool ContainsRun(const std::vector<std::string>& whole, const std::vector<std::string>& part) {
  return !part.empty() &&
         std::search(whole.begin(), whole.end(), part.begin(), part.end()) != whole.end();
}

// "the company", "A source close to the talks": a description rather than a name.
bool IsDescription(const std::vector<std::string>& folded_words, std::string_view gold) {
  static constexpr std::string_view kArticles[] = {"the", "a",     "an",      "one",  "his", "her",
                                                   "its", "their", "another", "some", "two"};
  if (folded_words.empty()) return false;
  CodePoint first = DecodeAt(gold, 0);
  if (IsLetter(first.cp) && !IsUpper(first.cp)) return true;
  // "Trump’s Virginia state director": the head noun, last, is not a name.
  const size_t last_space = gold.find_last_of(' ');
  if (last_space != std::string_view::npos) {
    CodePoint head = DecodeAt(gold, last_space + 1);
    if (IsLetter(head.cp) && !IsUpper(head.cp)) return true;
  }
  return std::find(std::begin(kArticles), std::end(kArticles), folded_words.front()) !=
         std::end(kArticles);
}

}  // namespace

bool SpeakerMatches(std::string_view gold_speaker, std::string_view predicted_speaker,
                    std::string_view predicted_mention) {
  const std::string gold = NormalizeSpan(gold_speaker);
  const std::string predicted = NormalizeSpan(predicted_speaker);
  if (gold == "*") return true;
  if (gold == "UNKNOWN") return predicted.empty();
  const std::vector<std::string> gold_words = QuoteTokens(gold);
  if (IsDescription(gold_words, gold)) {
    const std::vector<std::string> mention = QuoteTokens(predicted_mention);
    if (mention == gold_words) return true;
    if (std::min(mention.size(), gold_words.size()) >= 2 &&
        (ContainsRun(mention, gold_words) || ContainsRun(gold_words, mention))) {
      return true;
    }
  }
  if (predicted.empty()) return false;
  if (FoldName(gold) == FoldName(predicted)) return true;
  // Mention-style gold: the predicted surname is one of the gold words; or the gold mention is
  // a part of the predicted name ("Hillary", "Mr. Lou" for "Lou Jiwei").
  const std::vector<std::string> predicted_words = QuoteTokens(predicted);
  if (predicted_words.empty()) return false;
  if (ContainsRun(predicted_words, gold_words)) return true;
  return std::find(gold_words.begin(), gold_words.end(), predicted_words.back()) !=
         gold_words.end();
}

namespace {

// Folded words of a name without initials ("J.") and a leading "the".
std::vector<std::string> PersonWords(std::string_view name) {
  std::vector<std::string> words;
  for (std::string& w : QuoteTokens(name)) {
    if (w.size() == 1) continue;
    if (words.empty() && w == "the") continue;
    words.push_back(std::move(w));
  }
  return words;
}

bool WordsWithin(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return std::all_of(a.begin(), a.end(), [&](const std::string& w) {
    return std::find(b.begin(), b.end(), w) != b.end();
  });
}

}  // namespace

bool PersonMatches(std::string_view canonical, std::string_view predicted_speaker,
                   const RuleSet* names) {
  const std::string gold = NormalizeSpan(canonical);
  std::vector<std::string> predicted = PersonWords(predicted_speaker);
  if (gold == "UNKNOWN") return predicted.empty();
  const std::vector<std::string> want = PersonWords(gold);
  if (predicted.empty() || want.empty()) return false;
  if (names && predicted.size() >= 2 && want.size() >= 2 && predicted[0] != want[0] &&
      names->SameGivenName(predicted[0], want[0])) {
    predicted[0] = want[0];
  }
  if (predicted == want) return true;
  return predicted.back() == want.back() &&
         (WordsWithin(predicted, want) || WordsWithin(want, predicted));
}

namespace {

struct DocInput {
  std::vector<const GoldQuote*> gold;
  std::vector<const QuoteRecord*> predictions;
  // Their indices in the gold and predictions given to Evaluate, for EvalRow.
  std::vector<size_t> gold_index, prediction_index;
  bool extracted = false;
};

// Greedy one-to-one assignment: candidate pairs (score ≥ threshold) taken best first; ties go
// to the earlier gold row, then the earlier prediction, so repeated identical quotes pair up in
// document order. Returns, per prediction, the matched gold index or -1.
template <typename Score>
std::vector<int> AssignGreedy(size_t n_pred, size_t n_gold, Score score, double threshold) {
  struct Candidate {
    double score;
    size_t gold, pred;
  };
  std::vector<Candidate> candidates;
  for (size_t p = 0; p < n_pred; ++p) {
    for (size_t g = 0; g < n_gold; ++g) {
      double s = score(p, g);
      // The tolerance keeps 2·4/10 from failing a 0.8 threshold by rounding.
      if (s >= threshold - 1e-9) candidates.push_back({s, g, p});
    }
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return std::tie(b.score, a.gold, a.pred) < std::tie(a.score, b.gold, b.pred);
  });
  std::vector<int> pred_to_gold(n_pred, -1);
  std::vector<bool> gold_taken(n_gold, false);
  for (const Candidate& c : candidates) {
    if (pred_to_gold[c.pred] >= 0 || gold_taken[c.gold]) continue;
    pred_to_gold[c.pred] = static_cast<int>(c.gold);
    gold_taken[c.gold] = true;
  }
  return pred_to_gold;
}

// The figures of one document for one class of speech (direct or reported).
struct KindScores {
  size_t gold_rows = 0;
  size_t scare_rows = 0;
  size_t predictions = 0;
  Figures quotes, exact, pairs, persons;
  bool person_annotated = false;
};

// Scores one document's rows of one class, matching spans at `min_token_f1`, and appends its
// itemised findings to the report.
KindScores ScoreKind(const std::string& doc, const DocInput& in, double min_token_f1,
                     const EvalOptions& options, EvalReport& report) {
  KindScores d;
  d.gold_rows = in.gold.size();
  d.predictions = in.predictions.size();
  std::vector<bool> gold_scare(in.gold.size());
  d.person_annotated = !in.gold.empty();
  for (size_t g = 0; g < in.gold.size(); ++g) {
    if (in.gold[g]->canonical.empty()) d.person_annotated = false;
    gold_scare[g] = in.gold[g]->kind == "scare";
    if (gold_scare[g]) ++d.scare_rows;
  }
  const size_t positives = d.gold_rows - d.scare_rows;

  std::vector<std::vector<std::string>> gold_tokens, pred_tokens;
  std::vector<std::string> gold_norm, pred_norm;
  for (const GoldQuote* g : in.gold) {
    gold_tokens.push_back(QuoteTokens(g->quote));
    gold_norm.push_back(NormalizeSpan(g->quote));
  }
  for (const QuoteRecord* p : in.predictions) {
    pred_tokens.push_back(QuoteTokens(p->quote));
    pred_norm.push_back(NormalizeSpan(p->quote));
  }

  // Token-overlap matching. Spans with no words at all match only when their text is equal.
  const std::vector<int> match = AssignGreedy(
      in.predictions.size(), in.gold.size(),
      [&](size_t p, size_t g) {
        if (pred_tokens[p].empty() || gold_tokens[g].empty()) {
          return pred_norm[p] == gold_norm[g] ? 1.0 : 0.0;
        }
        return TokenF1(pred_tokens[p], gold_tokens[g]);
      },
      min_token_f1);
  std::vector<bool> gold_matched(in.gold.size(), false);
  for (size_t p = 0; p < in.predictions.size(); ++p) {
    const QuoteRecord& pred = *in.predictions[p];
    EvalRow& row = report.rows.emplace_back();
    row.doc = doc;
    row.quote_id = pred.quote_id;
    row.kind = pred.kind;
    row.rule = pred.rule;
    row.mention_type = pred.mention_type;
    row.pass = pred.pass;
    row.confidence = pred.confidence;
    row.prediction = in.prediction_index[p];
    row.basis = "unmatched";
    // Counts direct quotes' pronouns, as before the engine predicted reported speech.
    if (pred.mention_type == "pronoun" && pred.kind != "reported") {
      ++report.pronoun_rows;
      if (pred.speaker.empty()) ++report.pronoun_rows_without_speaker;
    }
    if (match[p] < 0) {
      report.false_hits.push_back(
          {doc, pred.quote, pred.speaker, pred.rule, pred.kind, pred.quote_id, false});
      continue;
    }
    const size_t g = static_cast<size_t>(match[p]);
    const GoldQuote& gold = *in.gold[g];
    gold_matched[g] = true;
    row.gold_row = in.gold_index[g];
    if (gold_scare[g]) {
      report.false_hits.push_back(
          {doc, pred.quote, pred.speaker, pred.rule, pred.kind, pred.quote_id, true});
      continue;
    }
    // Per row, not per document: a row with a canonical name is judged by person even where
    // the document's other rows have none.
    if (!gold.canonical.empty()) {
      row.basis = "person";
      row.correct = PersonMatches(gold.canonical, pred.speaker);
    } else {
      row.basis = NormalizeSpan(gold.speaker) == "*" ? "any" : "mention";
      row.correct = SpeakerMatches(gold.speaker, pred.speaker, pred.mention);
    }
    ++d.quotes.tp;
    if (d.person_annotated) {
      if (PersonMatches(gold.canonical, pred.speaker, options.names)) {
        ++d.persons.tp;
      } else {
        report.wrong_persons.push_back({doc, gold.quote, gold.canonical, pred.speaker, pred.mention,
                                        pred.rule, gold.kind, pred.quote_id});
      }
    }
    if (SpeakerMatches(gold.speaker, pred.speaker, pred.mention)) {
      ++d.pairs.tp;
    } else {
      report.wrong_speakers.push_back({doc, gold.quote, gold.speaker, pred.speaker, pred.mention,
                                       pred.rule, gold.kind, pred.quote_id});
    }
  }
  for (size_t g = 0; g < in.gold.size(); ++g) {
    if (gold_matched[g] || gold_scare[g]) continue;
    const GoldQuote& gold = *in.gold[g];
    report.misses.push_back({doc, gold.speaker, gold.quote, gold.kind});
  }
  d.quotes.fp = d.predictions - d.quotes.tp;
  d.quotes.fn = positives - d.quotes.tp;
  d.pairs.fp = d.predictions - d.pairs.tp;
  d.pairs.fn = positives - d.pairs.tp;
  if (d.person_annotated) {
    d.persons.fp = d.predictions - d.persons.tp;
    d.persons.fn = positives - d.persons.tp;
  }

  // Exact-span matching, reported beside: its own one-to-one assignment.
  const std::vector<int> exact = AssignGreedy(
      in.predictions.size(), in.gold.size(),
      [&](size_t p, size_t g) { return pred_norm[p] == gold_norm[g] ? 1.0 : 0.0; }, 1.0);
  for (int g : exact) {
    if (g >= 0 && !gold_scare[static_cast<size_t>(g)]) ++d.exact.tp;
  }
  d.exact.fp = d.predictions - d.exact.tp;
  d.exact.fn = positives - d.exact.tp;
  return d;
}

// Scores one document, direct and reported speech apart: a reported prediction never matches a
// direct gold row, nor the reverse, so the direct figures do not move when either side gains
// reported rows.
DocumentEval EvaluateDocument(const std::string& doc, const DocInput& in,
                              const EvalOptions& options, EvalReport& report) {
  DocInput direct, reported;
  direct.extracted = reported.extracted = in.extracted;
  for (size_t i = 0; i < in.gold.size(); ++i) {
    DocInput& to = IsReported(in.gold[i]->kind) ? reported : direct;
    to.gold.push_back(in.gold[i]);
    to.gold_index.push_back(in.gold_index[i]);
  }
  for (size_t i = 0; i < in.predictions.size(); ++i) {
    DocInput& to = IsReported(in.predictions[i]->kind) ? reported : direct;
    to.predictions.push_back(in.predictions[i]);
    to.prediction_index.push_back(in.prediction_index[i]);
  }
  const KindScores k = ScoreKind(doc, direct, options.min_token_f1, options, report);
  const KindScores r = ScoreKind(doc, reported, options.min_reported_token_f1, options, report);
  DocumentEval d;
  d.doc = doc;
  d.extracted = in.extracted;
  d.gold_rows = k.gold_rows;
  d.scare_rows = k.scare_rows;
  d.predictions = k.predictions;
  d.quotes = k.quotes;
  d.exact = k.exact;
  d.pairs = k.pairs;
  d.person_annotated = k.person_annotated;
  d.persons = k.persons;
  d.reported_gold_rows = r.gold_rows;
  d.reported_predictions = r.predictions;
  d.reported = r.quotes;
  d.reported_pairs = r.pairs;
  d.reported_person_annotated = r.person_annotated;
  d.reported_persons = r.persons;
  return d;
}

}  // namespace

size_t CountOccurrences(std::string_view text, std::string_view quote) {
  if (quote.empty()) return 0;
  size_t n = 0;
  for (size_t at = text.find(quote); at != std::string_view::npos;
       at = text.find(quote, at + quote.size())) {
    ++n;
  }
  return n;
}

std::vector<GoldRepeat> RepeatedGoldRows(const std::vector<GoldQuote>& gold,
                                         const std::vector<size_t>& occurrences) {
  assert(occurrences.size() == gold.size());
  struct Seen {
    size_t first_row = 0;
    size_t rows = 0;
    size_t allowed = 1;
  };
  std::map<std::pair<std::string, std::string>, Seen> seen;
  std::vector<GoldRepeat> out;
  for (size_t g = 0; g < gold.size(); ++g) {
    // A reported content is never a repeat of a direct quote with the same words.
    const std::string cls = IsReported(gold[g].kind) ? "r" : "d";
    auto [it, inserted] = seen.try_emplace({gold[g].doc, cls + NormalizeSpan(gold[g].quote)});
    Seen& s = it->second;
    if (inserted) s.first_row = g;
    s.allowed = std::max(s.allowed, occurrences[g]);
    if (++s.rows > s.allowed) out.push_back({g, s.first_row});
  }
  return out;
}

double DecisionFigures::Precision() const {
  return judged == 0 ? 1.0 : static_cast<double>(right) / static_cast<double>(judged);
}

std::vector<DecisionFigures> FiguresByDecision(const std::vector<EvalRow>& rows, bool by_pass) {
  std::map<std::string, DecisionFigures> by_name;
  for (const EvalRow& row : rows) {
    // Unattributed quotes have no rule; confidence.txt calls them `@none`.
    std::string name = by_pass ? row.pass : (row.rule.empty() ? "@none" : row.rule);
    DecisionFigures& f = by_name[name];
    f.name = std::move(name);
    ++f.rows;
    if (row.basis == "any") continue;  // any speaker agrees: says nothing of precision
    ++f.judged;
    if (row.correct) ++f.right;
  }
  std::vector<DecisionFigures> out;
  for (auto& [name, f] : by_name) out.push_back(std::move(f));
  std::stable_sort(out.begin(), out.end(), [](const DecisionFigures& a, const DecisionFigures& b) {
    if (a.Errors() != b.Errors()) return a.Errors() > b.Errors();
    return a.Precision() < b.Precision();
  });
  return out;
}

Reliability ComputeReliability(const std::vector<std::pair<double, bool>>& rows, size_t bins) {
  Reliability r;
  if (bins == 0) return r;
  std::vector<ReliabilityBin> all(bins);
  std::vector<double> sum(bins, 0), right(bins, 0);
  for (size_t b = 0; b < bins; ++b) {
    all[b].low = static_cast<double>(b) / static_cast<double>(bins);
    all[b].high = static_cast<double>(b + 1) / static_cast<double>(bins);
  }
  for (const auto& [confidence, correct] : rows) {
    const double c = std::clamp(confidence, 0.0, 1.0);
    // The tolerance keeps 0.3 (2.9999… tenths in binary) in the bin that starts at 0.3.
    const auto b = std::min(bins - 1, static_cast<size_t>(c * static_cast<double>(bins) + 1e-9));
    ++all[b].count;
    sum[b] += c;
    right[b] += correct ? 1 : 0;
  }
  r.rows = rows.size();
  for (size_t b = 0; b < bins; ++b) {
    if (all[b].count == 0) continue;
    const double n = static_cast<double>(all[b].count);
    all[b].mean_confidence = sum[b] / n;
    all[b].precision = right[b] / n;
    r.ece += n / static_cast<double>(r.rows) * std::abs(all[b].precision - all[b].mean_confidence);
    r.bins.push_back(all[b]);
  }
  return r;
}

EvalReport Evaluate(const std::vector<GoldQuote>& gold, const std::vector<QuoteRecord>& predictions,
                    const std::vector<std::string>& extracted_docs, EvalOptions options) {
  // Documents in a stable order: extracted ones as given (then any only predictions name),
  // then gold-only ones in gold order.
  std::vector<std::string> order;
  std::unordered_map<std::string, DocInput> docs;
  auto slot = [&](const std::string& id) -> DocInput& {
    auto [it, inserted] = docs.try_emplace(id);
    if (inserted) order.push_back(id);
    return it->second;
  };
  for (const std::string& id : extracted_docs) slot(id).extracted = true;
  for (size_t i = 0; i < predictions.size(); ++i) {
    DocInput& d = slot(predictions[i].doc);
    d.extracted = true;
    d.predictions.push_back(&predictions[i]);
    d.prediction_index.push_back(i);
  }
  for (size_t i = 0; i < gold.size(); ++i) {
    DocInput& d = slot(gold[i].doc);
    d.gold.push_back(&gold[i]);
    d.gold_index.push_back(i);
  }

  EvalReport report;
  for (const std::string& id : order) {
    const DocInput& in = docs.at(id);
    DocumentEval d = EvaluateDocument(id, in, options, report);
    if (!d.extracted) {
      ++report.gold_docs_not_extracted;
      report.gold_rows_not_extracted += d.gold_rows + d.reported_gold_rows;
    }
    report.reported_gold_rows += d.reported_gold_rows;
    report.reported_predictions += d.reported_predictions;
    report.reported += d.reported;
    report.reported_pairs += d.reported_pairs;
    if (d.reported_person_annotated) {
      report.reported_persons += d.reported_persons;
      ++report.reported_person_documents;
    }
    report.quotes += d.quotes;
    report.exact += d.exact;
    report.pairs += d.pairs;
    if (d.person_annotated) {
      report.persons += d.persons;
      ++report.person_documents;
    }
    report.documents.push_back(std::move(d));
  }
  std::vector<std::pair<double, bool>> calibrated;
  for (const EvalRow& row : report.rows) {
    if (row.Calibrated()) calibrated.emplace_back(row.confidence, row.correct);
  }
  report.reliability = ComputeReliability(calibrated);
  report.by_rule = FiguresByDecision(report.rows, /*by_pass=*/false);
  report.by_pass = FiguresByDecision(report.rows, /*by_pass=*/true);
  for (const DecisionFigures& f : report.by_rule) report.errors += f.Errors();
  return report;
}

}  // namespace saidby
