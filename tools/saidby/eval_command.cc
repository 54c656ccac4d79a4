#include "eval_command.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <any>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "batch_runner.h"
#include "commands.h"
#include "gold_file.h"
#include "grouped_log.h"
#include "report_text.h"
#include "saidby/article_source.h"
#include "saidby/csv.h"
#include "saidby/evaluation.h"
#include "saidby/extractor.h"
#include "saidby/file_reader.h"

namespace saidby::cli {

namespace {

// CLI::Range lets "nan" through (every comparison with it is false), which disabled the gate.
CLI::Validator UnitInterval(const std::string& flag) {
  return CLI::Validator(
      [flag](std::string& text) -> std::string {
        char* end = nullptr;
        const double v = std::strtod(text.c_str(), &end);
        if (text.empty() || *end != '\0' || !std::isfinite(v) || v < 0 || v > 1)
          return flag + " must be a number from 0 to 1, not '" + text + "'";
        return {};
      },
      "0..1");
}

}  // namespace

void AddEvalOptions(CLI::App& app, EvalFlags& flags) {
  app.add_option("--gold", flags.gold, "Gold annotations (doc,speaker,quote,kind,cue)")->required();
  app.add_option("paths", flags.paths, "Articles: files or folders")->required();
  app.add_option("--min-f1", flags.min_f1, "Exit 3 when the pair F1 is below X")
      ->check(UnitInterval("--min-f1"));
  app.add_option("--min-person-f1", flags.min_person_f1,
                 "Exit 3 when the person F1 (gold with a canonical column) is below X")
      ->check(UnitInterval("--min-person-f1"));
  app.add_option("--max-ece", flags.max_ece,
                 "Exit 3 when the expected calibration error of the confidence is above X")
      ->check(UnitInterval("--max-ece"));
  app.add_option("--reported", flags.reported,
                 "Reported-speech gold (doc,speaker,quote,kind,cue; kind reported); default: "
                 "reported.csv beside a --gold gold.csv, if present");
  app.add_option("--reported-token-f1", flags.reported_token_f1,
                 "Word-overlap F1 at which a reported content matches (default 0.5)")
      ->check(UnitInterval("--reported-token-f1"));
  app.add_option("--min-reported-f1", flags.min_reported_f1,
                 "Exit 3 when the reported content F1 is below X")
      ->check(UnitInterval("--min-reported-f1"));
  app.add_option("--min-reported-pair-f1", flags.min_reported_pair_f1,
                 "Exit 3 when the reported (content, speaker) pair F1 is below X")
      ->check(UnitInterval("--min-reported-pair-f1"));
  app.add_option("--format", flags.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  app.add_option("--rules", flags.rules_dir, "Rules folder to use instead of the shipped rules");
  app.add_option("-j,--jobs", flags.jobs, "Extraction threads (default: all cores)")
      ->check(CLI::Range(1, 1024));
  app.add_option("--max-doc-bytes", flags.max_doc_bytes, "Skip (and report) larger articles")
      ->check(CLI::PositiveNumber);
  app.add_flag("-q,--quiet", flags.quiet, "No warnings on stderr (errors are still reported)");
}

namespace {

std::string FiguresLine(const Figures& f) {
  return "P=" + Fixed(f.Precision()) + " R=" + Fixed(f.Recall()) + " F1=" + Fixed(f.F1()) +
         "  (tp=" + std::to_string(f.tp) + " fp=" + std::to_string(f.fp) +
         " fn=" + std::to_string(f.fn) + ")";
}

std::string SpeakerOrNone(const std::string& s) { return s.empty() ? "(none)" : s; }

struct RunSummary {
  std::string gold_path;
  size_t gold_rows = 0;  // direct speech
  size_t scare_rows = 0;
  size_t predictions = 0;  // direct speech
  size_t extracted = 0;
  double min_token_f1 = 0;
  std::string reported_path;  // the reported gold's file(s), for the report
  double min_reported_token_f1 = 0;
};

void PrintTextReport(const EvalReport& r, const RunSummary& s, std::ostream& out) {
  out << "saidby eval: " << s.extracted << " documents extracted, " << s.predictions
      << " quotes predicted; gold " << s.gold_path << ": " << s.gold_rows << " rows ("
      << s.scare_rows << " scare)\n";
  if (r.gold_docs_not_extracted > 0) {
    out << "warning: " << r.gold_docs_not_extracted << " gold documents ("
        << r.gold_rows_not_extracted
        << " rows) have no article in the input; their rows count as misses\n";
  }
  char threshold[32];
  std::snprintf(threshold, sizeof threshold, "%g", s.min_token_f1);
  const std::string quote_label = std::string("quote F1 (token F1 >= ") + threshold + "): ";
  out << quote_label << FiguresLine(r.quotes) << "\n";
  out << Pad("quote exact:", quote_label.size()) << FiguresLine(r.exact) << "\n";
  out << Pad("pair F1:", quote_label.size()) << FiguresLine(r.pairs) << "\n";
  if (r.person_documents > 0) {
    out << Pad("person F1:", quote_label.size()) << FiguresLine(r.persons) << "  ("
        << r.person_documents << " documents with canonical names)\n";
  }
  // Reported speech, apart, once either side has some: no line changes for a direct-only gold.
  if (r.reported_gold_rows > 0 || r.reported_predictions > 0) {
    std::snprintf(threshold, sizeof threshold, "%g", s.min_reported_token_f1);
    const std::string label = std::string("reported content F1 (token F1 >= ") + threshold + "): ";
    out << "reported speech: " << r.reported_gold_rows << " gold rows ("
        << (s.reported_path.empty() ? "none" : s.reported_path) << "), " << r.reported_predictions
        << " predicted\n";
    out << label << FiguresLine(r.reported) << "\n";
    out << Pad("reported pair F1:", label.size()) << FiguresLine(r.reported_pairs) << "\n";
    if (r.reported_person_documents > 0) {
      out << Pad("reported person F1:", label.size()) << FiguresLine(r.reported_persons) << "  ("
          << r.reported_person_documents << " documents with canonical names)\n";
    }
  }
  out << Pad("pronoun rows:", quote_label.size()) << r.pronoun_rows << ", "
      << r.pronoun_rows_without_speaker << " without a speaker (no compatible entity before)\n";

  const Reliability& rel = r.reliability;
  out << Pad("confidence ECE:", quote_label.size()) << Fixed(rel.ece) << "  (" << rel.rows
      << " rows judged; RELIABILITY below)\n";
  // Confidence bins against how often their rows were right: a calibrated confidence is close
  // to its bin's precision.
  out << "\nRELIABILITY (" << rel.rows << " rows; ECE " << Fixed(rel.ece) << ")\n"
      << "  confidence   rows  mean conf  precision\n";
  for (const ReliabilityBin& b : rel.bins) {
    out << "  " << Fixed(b.low, 2) << "-" << Fixed(b.high, 2) << PadLeft(std::to_string(b.count), 7)
        << PadLeft(Fixed(b.mean_confidence), 11) << PadLeft(Fixed(b.precision), 11) << "\n";
  }

  // Which rule and which pass to blame: each one's rows, precision and share of the errors.
  for (const auto& [title, column, list] :
       {std::tuple{"PER RULE", "rule", &r.by_rule}, {"PER PASS", "pass", &r.by_pass}}) {
    size_t width = std::string_view(column).size();
    for (const DecisionFigures& f : *list) width = std::max(width, f.name.size());
    out << "\n"
        << title << " (" << r.errors
        << " errors: false hits and wrong speakers; most errors first)\n"
        << "  " << Pad(column, width) << "   rows  judged  right  precision  errors  share\n";
    for (const DecisionFigures& f : *list) {
      const double share =
          r.errors == 0 ? 0.0 : static_cast<double>(f.Errors()) / static_cast<double>(r.errors);
      out << "  " << Pad(f.name.empty() ? "(none)" : f.name, width)
          << PadLeft(std::to_string(f.rows), 7) << PadLeft(std::to_string(f.judged), 8)
          << PadLeft(std::to_string(f.right), 7) << PadLeft(Fixed(f.Precision()), 11)
          << PadLeft(std::to_string(f.Errors()), 8) << PadLeft(Fixed(share), 7) << "\n";
    }
  }

  size_t doc_width = 3;
  for (const DocumentEval& d : r.documents) doc_width = std::max(doc_width, d.doc.size());
  out << "\nPER DOCUMENT\n"
      << Pad("doc", doc_width)
      << "  gold scare  pred   quote P     R    F1   exact F1    pair P     R    F1\n";
  for (const DocumentEval& d : r.documents) {
    out << Pad(d.doc, doc_width) << PadLeft(std::to_string(d.gold_rows), 6)
        << PadLeft(std::to_string(d.scare_rows), 6) << PadLeft(std::to_string(d.predictions), 6)
        << PadLeft(Fixed(d.quotes.Precision()), 10) << PadLeft(Fixed(d.quotes.Recall()), 6)
        << PadLeft(Fixed(d.quotes.F1()), 6) << PadLeft(Fixed(d.exact.F1()), 11)
        << PadLeft(Fixed(d.pairs.Precision()), 10) << PadLeft(Fixed(d.pairs.Recall()), 6)
        << PadLeft(Fixed(d.pairs.F1()), 6) << (d.extracted ? "" : "  (no article in the input)")
        << "\n";
  }

  out << "\nMISSES (" << r.misses.size() << ")\n";
  for (const EvalMiss& m : r.misses) {
    out << "  " << m.doc << "  [" << m.speaker << "] (" << m.kind << ") \"" << ShownQuote(m.quote)
        << "\"\n";
  }
  out << "\nFALSE HITS (" << r.false_hits.size() << ")\n";
  for (const EvalFalseHit& f : r.false_hits) {
    out << "  " << f.doc << " #" << f.quote_id << "  [" << SpeakerOrNone(f.speaker) << "] ("
        << f.kind << ", " << f.rule << ") \"" << ShownQuote(f.quote) << "\""
        << (f.scare ? "  -- scare quote reported as speech" : "") << "\n";
  }
  for (const auto& [title, list] :
       {std::pair{"WRONG SPEAKERS", &r.wrong_speakers}, {"WRONG PERSONS", &r.wrong_persons}}) {
    if (list == &r.wrong_persons && r.person_documents == 0) continue;
    out << "\n" << title << " (" << list->size() << ")\n";
    for (const EvalWrongSpeaker& w : *list) {
      out << "  " << w.doc << " #" << w.quote_id << "  (" << w.kind << ") \"" << ShownQuote(w.quote)
          << "\"\n"
          << "      gold [" << w.gold_speaker << "]  predicted ["
          << SpeakerOrNone(w.predicted_speaker) << "]  mention \"" << w.mention << "\"  (" << w.rule
          << ")\n";
    }
  }
}

nlohmann::ordered_json FiguresJson(const Figures& f) {
  return {{"precision", f.Precision()},
          {"recall", f.Recall()},
          {"f1", f.F1()},
          {"tp", f.tp},
          {"fp", f.fp},
          {"fn", f.fn}};
}

void PrintJsonReport(const EvalReport& r, const RunSummary& s, std::ostream& out) {
  using Json = nlohmann::ordered_json;
  Json j;
  j["gold"] = s.gold_path;
  j["gold_rows"] = s.gold_rows;
  j["scare_rows"] = s.scare_rows;
  j["documents_extracted"] = s.extracted;
  j["predictions"] = s.predictions;
  j["min_token_f1"] = s.min_token_f1;
  j["gold_docs_not_extracted"] = r.gold_docs_not_extracted;
  j["gold_rows_not_extracted"] = r.gold_rows_not_extracted;
  j["overall"] = {{"quote", FiguresJson(r.quotes)},
                  {"quote_exact", FiguresJson(r.exact)},
                  {"pair", FiguresJson(r.pairs)}};
  if (r.person_documents > 0) {
    j["overall"]["person"] = FiguresJson(r.persons);
    j["person_documents"] = r.person_documents;
  }
  // Reported speech, apart from the direct figures above.
  j["reported_gold"] = s.reported_path;
  j["reported_gold_rows"] = r.reported_gold_rows;
  j["reported_predictions"] = r.reported_predictions;
  j["min_reported_token_f1"] = s.min_reported_token_f1;
  j["overall"]["reported"] = FiguresJson(r.reported);
  j["overall"]["reported_pair"] = FiguresJson(r.reported_pairs);
  if (r.reported_person_documents > 0) {
    j["overall"]["reported_person"] = FiguresJson(r.reported_persons);
    j["reported_person_documents"] = r.reported_person_documents;
  }
  Json bins = Json::array();
  for (const ReliabilityBin& b : r.reliability.bins) {
    bins.push_back({{"low", b.low},
                    {"high", b.high},
                    {"count", b.count},
                    {"mean_confidence", b.mean_confidence},
                    {"precision", b.precision}});
  }
  j["pronoun_rows"] = {{"rows", r.pronoun_rows},
                       {"without_speaker", r.pronoun_rows_without_speaker}};
  j["reliability"] = {{"rows", r.reliability.rows}, {"ece", r.reliability.ece}, {"bins", bins}};
  j["errors"] = r.errors;
  for (const auto& [key, list] : {std::pair{"by_rule", &r.by_rule}, {"by_pass", &r.by_pass}}) {
    Json decisions = Json::array();
    for (const DecisionFigures& f : *list) {
      decisions.push_back({{"name", f.name},
                           {"rows", f.rows},
                           {"judged", f.judged},
                           {"right", f.right},
                           {"precision", f.Precision()},
                           {"errors", f.Errors()},
                           {"error_share", r.errors == 0 ? 0.0
                                                         : static_cast<double>(f.Errors()) /
                                                               static_cast<double>(r.errors)}});
    }
    j[key] = std::move(decisions);
  }
  Json docs = Json::array();
  for (const DocumentEval& d : r.documents) {
    docs.push_back({{"doc", d.doc},
                    {"extracted", d.extracted},
                    {"gold_rows", d.gold_rows},
                    {"scare_rows", d.scare_rows},
                    {"predictions", d.predictions},
                    {"quote", FiguresJson(d.quotes)},
                    {"quote_exact", FiguresJson(d.exact)},
                    {"pair", FiguresJson(d.pairs)},
                    {"reported_gold_rows", d.reported_gold_rows},
                    {"reported_predictions", d.reported_predictions},
                    {"reported", FiguresJson(d.reported)},
                    {"reported_pair", FiguresJson(d.reported_pairs)}});
  }
  j["documents"] = std::move(docs);
  Json misses = Json::array();
  for (const EvalMiss& m : r.misses) {
    misses.push_back(
        {{"doc", m.doc}, {"speaker", m.speaker}, {"kind", m.kind}, {"quote", m.quote}});
  }
  j["misses"] = std::move(misses);
  // Every prediction with what decided it and whether it was right: tools/calibrate's input.
  Json rows = Json::array();
  for (const EvalRow& row : r.rows) {
    rows.push_back({{"doc", row.doc},
                    {"quote_id", row.quote_id},
                    {"kind", row.kind},
                    {"rule", row.rule},
                    {"mention_type", row.mention_type},
                    {"confidence", row.confidence},
                    {"basis", row.basis},
                    {"correct", row.correct}});
  }
  j["rows"] = std::move(rows);
  Json false_hits = Json::array();
  for (const EvalFalseHit& f : r.false_hits) {
    false_hits.push_back({{"doc", f.doc},
                          {"quote_id", f.quote_id},
                          {"speaker", f.speaker},
                          {"rule", f.rule},
                          {"kind", f.kind},
                          {"scare", f.scare},
                          {"quote", f.quote}});
  }
  j["false_hits"] = std::move(false_hits);
  // Wrong persons name the gold's canonical name where wrong speakers name its mention.
  for (const auto& [key, list, gold_key] :
       {std::tuple{"wrong_speakers", &r.wrong_speakers, "gold_speaker"},
        {"wrong_persons", &r.wrong_persons, "canonical"}}) {
    Json wrong = Json::array();
    for (const EvalWrongSpeaker& w : *list) {
      wrong.push_back({{"doc", w.doc},
                       {"quote_id", w.quote_id},
                       {gold_key, w.gold_speaker},
                       {"predicted_speaker", w.predicted_speaker},
                       {"mention", w.mention},
                       {"rule", w.rule},
                       {"kind", w.kind},
                       {"quote", w.quote}});
    }
    j[key] = std::move(wrong);
  }
  out << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

}  // namespace

int EvaluateCorpus(const EvalFlags& flags, bool keep_articles, EvalRun& run) {
  run.rules = LoadRulesOrReport(flags.rules_dir.empty() ? DefaultRulesDir() : flags.rules_dir);
  if (!run.rules) return kUsage;
  const RuleSet* rules = run.rules.get();

  Result<GoldSet> loaded = LoadGold(flags.gold, flags.reported);
  if (!loaded.ok()) {
    spdlog::error("{}", loaded.status().message());
    return kUsage;
  }
  GoldSet& gold_set = loaded.value();
  run.reported_shown = gold_set.reported_shown;
  std::vector<GoldQuote>& all_gold = gold_set.rows;

  std::unordered_map<std::string, std::vector<size_t>> gold_of_doc;
  for (size_t g = 0; g < all_gold.size(); ++g) gold_of_doc[all_gold[g].doc].push_back(g);

  // Every article is read and extracted by the BatchRunner and handed over in input order, so
  // the report does not depend on -j. Each also counts how often its gold quotes occur in it,
  // to tell a repeated gold row from a quote the article holds twice.
  struct Read {
    std::vector<std::pair<size_t, size_t>> counts;
    Article article;  // with keep_articles
  };
  const Extractor extractor(*rules, ExtractOptions{});
  GroupedLog log(flags.quiet);
  BatchOptions batch;
  batch.jobs = flags.jobs;
  batch.max_doc_bytes = flags.max_doc_bytes;
  BatchRunner runner(extractor, batch, log);
  std::vector<size_t> occurrences(all_gold.size(), 0);
  BatchHooks hooks;
  hooks.read = [&](const Article& article, BatchDoc& doc) {
    Read read;
    if (auto it = gold_of_doc.find(article.id); it != gold_of_doc.end()) {
      for (size_t g : it->second) {
        read.counts.emplace_back(g, CountOccurrences(article.text, all_gold[g].quote));
      }
    }
    if (keep_articles) read.article = article;
    doc.data = std::move(read);
  };
  hooks.emit = [&](BatchDoc& doc) {
    Read& read = std::any_cast<Read&>(doc.data);
    for (auto [g, n] : read.counts) occurrences[g] = std::max(occurrences[g], n);
    run.extracted_docs.push_back(doc.id);
    if (keep_articles) run.articles.push_back(std::move(read.article));
    for (QuoteRecord& q : doc.quotes.quotes) run.predictions.push_back(std::move(q));
    return true;
  };
  ArticleList list = ListArticles(flags.paths, "");
  if (NothingToRead(list, log)) return kUsage;
  runner.Run(std::move(list), /*from_stdin=*/false, hooks);
  run.skipped = runner.stats().skipped > 0;

  std::vector<GoldQuote>& gold = run.gold;
  const std::vector<GoldRepeat> repeats = RepeatedGoldRows(all_gold, occurrences);
  auto repeat = repeats.begin();
  for (size_t g = 0; g < all_gold.size(); ++g) {
    if (repeat != repeats.end() && repeat->row == g) {
      const size_t n = occurrences[g];
      log.Warn(gold_set.files[gold_set.file_of[g]] + ":" + std::to_string(gold_set.lines[g]) +
               ": repeats line " + std::to_string(gold_set.lines[repeat->first_row]) + " (doc " +
               all_gold[g].doc + ", the same quote; " +
               (n == 0
                    ? std::string("not found verbatim in an article")
                    : "the article holds it " + std::to_string(n) + (n == 1 ? " time" : " times")) +
               "); this row is not counted");
      ++repeat;
      continue;
    }
    gold.push_back(std::move(all_gold[g]));
  }
  log.Finish();
  run.summary = runner.Summary();
  std::vector<QuoteRecord>& predictions = run.predictions;
  const std::vector<std::string>& extracted_docs = run.extracted_docs;

  EvalOptions options;
  options.names = rules;
  options.min_reported_token_f1 = flags.reported_token_f1;
  run.min_token_f1 = options.min_token_f1;
  run.min_reported_token_f1 = options.min_reported_token_f1;
  run.report = Evaluate(gold, predictions, extracted_docs, options);
  if (run.report.gold_docs_not_extracted > 0 && !flags.quiet) {
    spdlog::warn(
        "{}: {} documents ({} rows) have no article in the input; their rows count as misses",
        flags.gold, run.report.gold_docs_not_extracted, run.report.gold_rows_not_extracted);
  }
  return kOk;
}

int RunEval(const EvalFlags& flags) {
  EvalRun run;
  if (const int status = EvaluateCorpus(flags, /*keep_articles=*/false, run); status != kOk) {
    return status;
  }
  const EvalReport& report = run.report;
  const std::vector<GoldQuote>& gold = run.gold;
  const std::vector<QuoteRecord>& predictions = run.predictions;
  const bool skipped = run.skipped;
  // The line that ends the run (unless --quiet), after the report and any gate's verdict.
  auto finish = [&](int code) {
    if (!flags.quiet) spdlog::info("{}", run.summary);
    return code;
  };

  RunSummary summary;
  summary.gold_path = flags.gold;
  summary.gold_rows = static_cast<size_t>(std::count_if(
      gold.begin(), gold.end(), [](const GoldQuote& g) { return !IsReported(g.kind); }));
  summary.scare_rows = static_cast<size_t>(std::count_if(
      gold.begin(), gold.end(), [](const GoldQuote& g) { return g.kind == "scare"; }));
  summary.predictions = predictions.size() - report.reported_predictions;
  summary.reported_path = run.reported_shown;
  summary.min_reported_token_f1 = run.min_reported_token_f1;
  summary.extracted = run.extracted_docs.size();
  summary.min_token_f1 = run.min_token_f1;
  if (flags.format == "json") {
    PrintJsonReport(report, summary, std::cout);
  } else {
    PrintTextReport(report, summary, std::cout);
  }
  std::cout.flush();
  if (!std::cout) {
    spdlog::error("stdout: write failed: {}", std::strerror(errno));
    return finish(kWriteFailed);
  }

  if (flags.min_f1 >= 0 && report.pairs.F1() < flags.min_f1) {
    spdlog::error("pair F1 {} is below --min-f1 {}", Fixed(report.pairs.F1(), 4), flags.min_f1);
    return finish(kBelowThreshold);
  }
  if (flags.min_person_f1 >= 0 && report.persons.F1() < flags.min_person_f1) {
    spdlog::error("person F1 {} is below --min-person-f1 {}", Fixed(report.persons.F1(), 4),
                  flags.min_person_f1);
    return finish(kBelowThreshold);
  }
  // Reported-speech gates: not yet in the corpus thresholds (the engine does not report it yet).
  if (flags.min_reported_f1 >= 0 && report.reported.F1() < flags.min_reported_f1) {
    spdlog::error("reported content F1 {} is below --min-reported-f1 {}",
                  Fixed(report.reported.F1(), 4), flags.min_reported_f1);
    return finish(kBelowThreshold);
  }
  if (flags.min_reported_pair_f1 >= 0 && report.reported_pairs.F1() < flags.min_reported_pair_f1) {
    spdlog::error("reported pair F1 {} is below --min-reported-pair-f1 {}",
                  Fixed(report.reported_pairs.F1(), 4), flags.min_reported_pair_f1);
    return finish(kBelowThreshold);
  }
  if (flags.max_ece >= 0 && report.reliability.ece > flags.max_ece) {
    spdlog::error("expected calibration error {} is above --max-ece {}",
                  Fixed(report.reliability.ece, 4), flags.max_ece);
    return finish(kBelowThreshold);
  }
  return finish(skipped ? kSomeSkipped : kOk);
}

}  // namespace saidby::cli
