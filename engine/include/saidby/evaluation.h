// Evaluation: extracted quotes scored against gold annotations (corpus/<c>/gold.csv), per
// document and summed over documents (micro). Pure: no I/O, nothing printed; the caller reads
// gold and articles and prints the EvalReport. Cost: per document O(predicted × gold) token-F1
// comparisons over token lists built once; the report owns copies of every string it lists.
// Spans match on word-overlap F1 ≥ 0.8, one to one, greedily by best overlap; speakers match
// after case/accent folding, `UNKNOWN` ~ empty, `*` ~ anything, and by the surname rule below.
// Reported speech (kind `reported`) is scored apart: its gold rows match only `reported`
// predictions, at their own overlap threshold (0.5), and direct figures never see them.
//
// Example:
//   EvalReport r = Evaluate(gold, predictions, {"a1", "a2"});
//   if (r.pairs.F1() < 0.9) ...;  r.misses lists what the extractor did not find
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "saidby/extractor.h"
#include "saidby/words.h"

namespace saidby {

class RuleSet;

// One row of gold.csv (doc,speaker,quote,kind,cue; see CONTRACT.md).
struct GoldQuote {
  std::string doc;
  std::string speaker;  // canonical name, `UNKNOWN`, `*` (any speaker), or a source mention
  std::string quote;    // exact text between the marks; for `reported`, the content
  // full, partial, continued, scare (not speech: never a positive), or reported (indirect
  // speech, scored apart from the others)
  std::string kind;
  std::string cue;
  // Who the speaker mention refers to (optional `canonical` column): the person's or
  // organisation's full name, `UNKNOWN` when the text never says; empty when not annotated.
  std::string canonical;
};

// Counts and the ratios made from them. A ratio whose denominator is 0 is 1 (nothing was
// predicted, so nothing was wrong; nothing was to be found, so nothing was missed), and F1 is 0
// when P + R is 0. So a document with neither gold nor predictions scores 1/1/1.
struct Figures {
  size_t tp = 0;
  size_t fp = 0;
  size_t fn = 0;
  double Precision() const;
  double Recall() const;
  double F1() const;
  Figures& operator+=(const Figures& o);
};

// A gold row or prediction of reported (indirect) speech: scored apart from direct quotes.
bool IsReported(std::string_view kind);

struct DocumentEval {
  std::string doc;
  bool extracted = true;  // false: gold rows only, no article was in the input
  // Direct speech: gold rows and predictions of every kind but `reported`.
  size_t gold_rows = 0;  // all direct gold rows, scare ones included
  size_t scare_rows = 0;
  size_t predictions = 0;
  Figures quotes;  // spans, token F1 ≥ threshold
  Figures exact;   // spans, normalized text equal
  Figures pairs;   // (span, speaker)
  // (span, person): scored only when every direct gold row of the document has a canonical name.
  bool person_annotated = false;
  Figures persons;
  // Reported speech, the same figures over `reported` rows only (content token F1 ≥ the
  // reported threshold); person figures when every reported gold row has a canonical name.
  size_t reported_gold_rows = 0;
  size_t reported_predictions = 0;
  Figures reported;
  Figures reported_pairs;
  bool reported_person_annotated = false;
  Figures reported_persons;
};

// A non-scare gold row that no prediction matched.
struct EvalMiss {
  std::string doc, speaker, quote, kind;
};

// A prediction that matched no gold row, or matched a scare row (`scare` true).
struct EvalFalseHit {
  std::string doc, quote, speaker, rule, kind;  // kind: the prediction's
  size_t quote_id = 0;
  bool scare = false;
};

// A prediction matched to a non-scare gold row, with a speaker that does not agree.
struct EvalWrongSpeaker {
  std::string doc, quote, gold_speaker, predicted_speaker, mention, rule, kind;  // gold kind
  size_t quote_id = 0;
};

// One prediction as calibration sees it (tools/calibrate): what decided it, its confidence and
// whether it was right. Right means its span matched a non-scare gold row and its speaker
// agrees: by person (PersonMatches) when that row has a canonical name, else by mention
// (SpeakerMatches).
struct EvalRow {
  static constexpr size_t kNoGold = static_cast<size_t>(-1);
  std::string doc;
  size_t quote_id = 0;
  std::string kind, rule, mention_type, pass;
  double confidence = 0;
  size_t prediction = 0;      // its index in the predictions given to Evaluate
  size_t gold_row = kNoGold;  // index in the gold given of the row its span matched, scare too
  // "person" or "mention": how the speaker was judged; "any": the gold speaker is `*` with no
  // canonical name, so any speaker agrees and the row says nothing of precision; "unmatched":
  // no gold quote, or a scare row, matched its span.
  std::string basis;
  bool correct = false;
  // Whether the row counts in the reliability table: direct speech ("scare" predictions are not
  // speech; "reported" ones are kept out until their confidence is calibrated) judged on a basis
  // other than "any".
  bool Calibrated() const { return basis != "any" && kind != "scare" && !IsReported(kind); }
};

// What one rule (or one pass) decided, judged as EvalRow::correct judges: the rows it decided;
// of those judged (basis other than "any"), the right ones; the rest are its errors, false hits
// and wrong speakers alike.
struct DecisionFigures {
  std::string name;  // the rule id (`@none` when no rule named the speaker), or the pass
  size_t rows = 0;
  size_t judged = 0;
  size_t right = 0;
  size_t Errors() const { return judged - right; }
  double Precision() const;  // right / judged; 1 when nothing was judged
};

// `rows` grouped by their rule (`by_pass` false) or pass, worst first: most errors, then lowest
// precision, then name.
std::vector<DecisionFigures> FiguresByDecision(const std::vector<EvalRow>& rows, bool by_pass);

// Predictions binned by confidence against how often they were right.
struct ReliabilityBin {
  double low = 0, high = 0;  // [low, high); the last bin holds 1.0 too
  size_t count = 0;
  double mean_confidence = 0;
  double precision = 0;  // the share of its rows that were right
};

struct Reliability {
  std::vector<ReliabilityBin> bins;  // non-empty bins, ascending
  size_t rows = 0;
  // Expected calibration error: Σ over bins of (count / rows) · |precision − mean_confidence|;
  // 0 when there are no rows.
  double ece = 0;
};

// (confidence, right) pairs in `bins` equal-width bins of [0, 1] (confidences are clamped to it).
Reliability ComputeReliability(const std::vector<std::pair<double, bool>>& rows, size_t bins = 10);

struct EvalReport {
  Figures quotes;   // TP matched non-scare gold; FP unmatched or scare-matched predictions;
                    // FN unmatched non-scare gold
  Figures exact;    // the same, where a match needs the normalized text to be equal
  Figures pairs;    // TP matched with the speaker agreeing; FP other predictions; FN other
                    // non-scare gold
  Figures persons;  // as pairs, over the documents whose gold names every row's person
  size_t person_documents = 0;
  // Reported speech, apart: content (token F1 ≥ min_reported_token_f1), (content, speaker) and
  // (content, person) over the documents whose reported gold rows all have a canonical name.
  size_t reported_gold_rows = 0;
  size_t reported_predictions = 0;
  Figures reported;
  Figures reported_pairs;
  Figures reported_persons;
  size_t reported_person_documents = 0;
  // Direct predictions whose mention is a pronoun, and those of them with no speaker: saidby leaves
  // a pronoun unresolved only when no compatible person or organisation comes before it.
  size_t pronoun_rows = 0;
  size_t pronoun_rows_without_speaker = 0;
  std::vector<DocumentEval> documents;  // extracted docs in the order given, then gold-only docs
  std::vector<EvalMiss> misses;
  std::vector<EvalFalseHit> false_hits;
  std::vector<EvalWrongSpeaker> wrong_speakers;
  std::vector<EvalWrongSpeaker> wrong_persons;  // gold_speaker holds the canonical name
  // Every prediction, in document order, and the reliability of those that are Calibrated().
  std::vector<EvalRow> rows;
  Reliability reliability;
  // The rows by the rule and by the pass that decided them (FiguresByDecision), and the errors
  // of all of them: a rule's share of the errors is its Errors() / errors.
  std::vector<DecisionFigures> by_rule;
  std::vector<DecisionFigures> by_pass;
  size_t errors = 0;
  // Gold documents with no article in the input; their non-scare rows are counted as misses.
  size_t gold_docs_not_extracted = 0;
  size_t gold_rows_not_extracted = 0;
};

struct EvalOptions {
  double min_token_f1 = 0.8;  // default 0.8: the word-overlap F1 at which two spans match
  // The same for reported content: its annotated boundaries are looser than quotation marks
  // (PolNeAR keeps or drops "that", a trailing clause, an adverbial), so half the words suffice.
  double min_reported_token_f1 = 0.5;
  // Given-name equivalences for person matching ("Ben Cardin" is "Benjamin Cardin"); none if
  // null.
  const RuleSet* names = nullptr;
};

// `extracted_docs`: the ids of every document that was extracted, including those with no
// predictions; a prediction's doc counts as extracted even if absent here. Documents with no
// gold rows are scored normally (every prediction is a false hit).
EvalReport Evaluate(const std::vector<GoldQuote>& gold, const std::vector<QuoteRecord>& predictions,
                    const std::vector<std::string>& extracted_docs, EvalOptions options = {});

// A gold row that repeats an earlier row: same doc, (normalized) quote and class (reported or
// direct), beyond as many rows as the article holds the quote. Two rows for a quote that occurs
// twice are not repeats.
struct GoldRepeat {
  size_t row = 0;        // index into the gold rows
  size_t first_row = 0;  // the first row of its doc and quote
};

// The repeated rows of `gold`, ascending. `occurrences[i]`: how many times gold[i].quote occurs
// verbatim in its article (CountOccurrences); 0 (no article, or not verbatim) counts as once.
std::vector<GoldRepeat> RepeatedGoldRows(const std::vector<GoldQuote>& gold,
                                         const std::vector<size_t>& occurrences);

// Non-overlapping occurrences of `quote` in `text` (0 for an empty quote).
size_t CountOccurrences(std::string_view text, std::string_view quote);

// Word-overlap F1 of two token lists (multisets): 2·|a∩b| / (|a| + |b|); 0 if either is empty.
double TokenF1(const std::vector<std::string>& a, const std::vector<std::string>& b);

// Whether a prediction's speaker agrees with a gold speaker:
//   gold `*`: any prediction (PolNeAR: pronoun or missing source);
//   gold `UNKNOWN`: only an empty predicted speaker;
//   otherwise names agree when equal after case and accent folding, or when the predicted
//   name's surname (its last folded word) is a word of the gold speaker, or the gold speaker's
//   words are a run of the predicted name's ("Hillary" in "Hillary Clinton"). These serve
//   mention-style gold ("Flynn", "a Trump spokesman") and is applied to every gold speaker, so
//   "Trump" agrees with gold "Donald Trump", and "Donald Trump" with gold "a Trump spokesman" —
//   deliberately lenient.
//   A gold speaker that is a description, not a name (it starts with a lower-case word or with
//   "The", "A", "An", "One", …, or ends in one: "the company", "a source close to the talks",
//   "Trump’s campaign manager"), is a mention
//   of someone the text need not name; it agrees with the predicted *mention* when their words
//   are equal or one is a contiguous part of the other, at least two words long ("a source" in
//   "a source involved in the talks"). An empty predicted speaker agrees with nothing else.
bool SpeakerMatches(std::string_view gold_speaker, std::string_view predicted_speaker,
                    std::string_view predicted_mention = {});

// Whether a predicted speaker is the person (or organisation) a gold canonical name names:
// `UNKNOWN` agrees only with an empty speaker; otherwise the folded names, with initials and a
// leading "the" dropped, are equal, or the words of one are all words of the other and both end
// in the same word ("Clinton" and "Hillary Rodham Clinton" are "Hillary Clinton"). With
// `names`, first names that RuleSet::SameGivenName calls one name agree ("Joe", "Joseph").
bool PersonMatches(std::string_view canonical, std::string_view predicted_speaker,
                   const RuleSet* names = nullptr);

}  // namespace saidby
