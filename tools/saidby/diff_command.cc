#include "diff_command.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "article_extraction.h"
#include "gold_file.h"
#include "report_text.h"
#include "saidby/article_source.h"
#include "saidby/output_diff.h"
#include "saidby/quote_table.h"

namespace saidby::cli {

void AddDiffOptions(CLI::App& app, DiffFlags& flags) {
  app.add_option("inputs", flags.inputs,
                 "OLD NEW: two extract outputs (CSV or JSON Lines); with two --rules, the "
                 "articles (files, folders)")
      ->required();
  app.add_option("--rules", flags.rules_dirs,
                 "Given twice, OLD_DIR then NEW_DIR: extract the articles with each and compare")
      ->allow_extra_args(false);
  CLI::Option* gold = app.add_option(
      "--gold", flags.gold, "Gold annotations, as eval's: label each change fixed/broken/neutral");
  app.add_option("--reported", flags.reported,
                 "Reported-speech gold (default: reported.csv beside a --gold gold.csv)")
      ->needs(gold);
  app.add_option("--format", flags.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  app.add_option("--max-broken", flags.max_broken, "Exit 3 when more than N changes are broken")
      ->check(CLI::NonNegativeNumber)
      ->needs(gold);
  app.add_option("-j,--jobs", flags.jobs, "Extraction threads (default: all cores)")
      ->check(CLI::Range(1, 1024));
  app.add_option("--max-doc-bytes", flags.max_doc_bytes, "Skip (and report) larger articles")
      ->check(CLI::PositiveNumber);
  app.add_flag("-q,--quiet", flags.quiet, "No warnings on stderr (errors are still reported)");
}

namespace {

std::string RuleOrNone(const std::string& rule) { return rule.empty() ? "@none" : rule; }

std::string SpeakerOrNone(const std::string& s) { return s.empty() ? "(none)" : s; }

// What the gold says of a change's span, for the text report.
std::string GoldText(const RowChange& c) {
  if (!c.gold) return "gold: no quote here";
  if (c.gold->kind == "scare") return "gold: a scare quote, not speech";
  std::string s = "gold [" + c.gold->speaker + "]";
  if (!c.gold->canonical.empty() && c.gold->canonical != c.gold->speaker) {
    s += " = " + c.gold->canonical;
  }
  return s + " (" + c.gold->kind + ")";
}

std::string Decision(const QuoteRecord& r) {
  return RuleOrNone(r.rule) + (r.pass.empty() ? "" : ", " + r.pass);
}

struct Inputs {
  std::string old_name, new_name;
  std::string gold, reported;
  size_t gold_rows = 0;
};

void PrintText(const OutputDiff& d, const Inputs& in, bool judged, std::ostream& out) {
  out << "saidby diff: " << in.old_name << " (" << d.before_rows << " rows) -> " << in.new_name
      << " (" << d.after_rows << " rows)";
  if (judged) out << "; gold " << in.gold << ": " << in.gold_rows << " rows";
  out << "\n";
  out << "found " << d.found << ", lost " << d.lost << ", speakers changed " << d.speakers
      << ", kinds changed " << d.kinds << "; " << d.unchanged << " rows unchanged\n";
  if (judged) {
    out << "fixed " << d.fixed << ", broken " << d.broken << ", neutral " << d.neutral << "\n";
  }
  if (d.changes.empty()) return;

  size_t width = 4;
  for (const RuleChanges& r : d.rules) width = std::max(width, r.rule.size());
  out << "\nPER RULE (each change counts for the rules of its old and new row)\n"
      << "  " << Pad("rule", width) << "  changes" << (judged ? "  fixed  broken  neutral" : "")
      << "\n";
  for (const RuleChanges& r : d.rules) {
    out << "  " << Pad(r.rule, width) << PadLeft(std::to_string(r.changes), 9);
    if (judged) {
      out << PadLeft(std::to_string(r.fixed), 7) << PadLeft(std::to_string(r.broken), 8)
          << PadLeft(std::to_string(r.neutral), 9);
    }
    out << "\n";
  }

  const std::string indent = judged ? "           " : "      ";
  for (auto [which, title] : {std::pair{DiffChange::kFound, "FOUND"},
                              {DiffChange::kLost, "LOST"},
                              {DiffChange::kSpeaker, "SPEAKERS CHANGED"},
                              {DiffChange::kKind, "KINDS CHANGED"}}) {
    // A copy: clang 14 cannot capture a structured binding in a lambda.
    const DiffChange change = which;
    const size_t n =
        static_cast<size_t>(std::count_if(d.changes.begin(), d.changes.end(),
                                          [&](const RowChange& c) { return c.change == change; }));
    if (n == 0) continue;
    out << "\n" << title << " (" << n << ")\n";
    for (const RowChange& c : d.changes) {
      if (c.change != change) continue;
      const QuoteRecord& r = c.Row();
      out << "  " << (judged ? Pad(std::string(DiffVerdictName(c.verdict)), 9) : "") << r.doc;
      if (c.before && c.after && c.before->quote_id != c.after->quote_id) {
        out << " #" << c.before->quote_id << "->#" << c.after->quote_id;
      } else {
        out << " #" << r.quote_id;
      }
      out << " [" << r.start << "-" << r.end << "] \"" << ShownQuote(r.quote) << "\"\n" << indent;
      switch (change) {
        case DiffChange::kFound:
        case DiffChange::kLost:
          out << "[" << SpeakerOrNone(r.speaker) << "] (" << r.kind << ", " << Decision(r) << ")";
          break;
        case DiffChange::kSpeaker:
          out << "[" << SpeakerOrNone(c.before->speaker) << "] (" << Decision(*c.before) << ") -> ["
              << SpeakerOrNone(c.after->speaker) << "] (" << Decision(*c.after) << ")";
          break;
        case DiffChange::kKind:
          out << c.before->kind << " -> " << c.after->kind << " (" << Decision(*c.after) << ")";
          break;
      }
      if (judged) out << "; " << GoldText(c);
      out << "\n";
    }
  }
}

nlohmann::ordered_json RowJson(const std::optional<QuoteRecord>& r) {
  if (!r) return nullptr;
  return {{"quote_id", r->quote_id}, {"kind", r->kind},
          {"speaker", r->speaker},   {"mention", r->mention},
          {"cue", r->cue},           {"rule", r->rule},
          {"pass", r->pass},         {"confidence", r->confidence}};
}

void PrintJson(const OutputDiff& d, const Inputs& in, bool judged, std::ostream& out) {
  using Json = nlohmann::ordered_json;
  Json j;
  j["old"] = in.old_name;
  j["new"] = in.new_name;
  j["gold"] = judged ? Json(in.gold) : Json(nullptr);
  j["reported_gold"] = in.reported;
  j["gold_rows"] = in.gold_rows;
  j["old_rows"] = d.before_rows;
  j["new_rows"] = d.after_rows;
  j["unchanged"] = d.unchanged;
  j["summary"] = {{"found", d.found}, {"lost", d.lost}, {"speaker", d.speakers}, {"kind", d.kinds}};
  if (judged) {
    j["summary"]["fixed"] = d.fixed;
    j["summary"]["broken"] = d.broken;
    j["summary"]["neutral"] = d.neutral;
  }
  Json rules = Json::array();
  for (const RuleChanges& r : d.rules) {
    Json rule = {{"rule", r.rule}, {"changes", r.changes}};
    if (judged) {
      rule["fixed"] = r.fixed;
      rule["broken"] = r.broken;
      rule["neutral"] = r.neutral;
    }
    rules.push_back(std::move(rule));
  }
  j["rules"] = std::move(rules);
  Json changes = Json::array();
  for (const RowChange& c : d.changes) {
    const QuoteRecord& r = c.Row();
    Json gold = nullptr;
    if (c.gold) {
      gold = {{"speaker", c.gold->speaker},
              {"canonical", c.gold->canonical},
              {"kind", c.gold->kind},
              {"quote", c.gold->quote}};
    }
    changes.push_back({{"change", DiffChangeName(c.change)},
                       {"verdict", judged ? Json(DiffVerdictName(c.verdict)) : Json(nullptr)},
                       {"source", r.source},
                       {"doc", r.doc},
                       {"start", r.start},
                       {"end", r.end},
                       {"quote", r.quote},
                       {"old", RowJson(c.before)},
                       {"new", RowJson(c.after)},
                       {"gold", std::move(gold)}});
  }
  j["changes"] = std::move(changes);
  out << j.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
}

}  // namespace

int RunDiff(const DiffFlags& flags) {
  const bool extracting = !flags.rules_dirs.empty();
  if (extracting && flags.rules_dirs.size() != 2) {
    spdlog::error("--rules is given twice, OLD_DIR then NEW_DIR (got {})", flags.rules_dirs.size());
    return kUsage;
  }
  if (!extracting && flags.inputs.size() != 2) {
    spdlog::error(
        "diff takes two extract outputs, OLD NEW (got {}); or --rules OLD_DIR --rules NEW_DIR "
        "and the articles",
        flags.inputs.size());
    return kUsage;
  }
  if (extracting &&
      std::find(flags.inputs.begin(), flags.inputs.end(), "-") != flags.inputs.end()) {
    spdlog::error("diff --rules reads articles from paths, not stdin ('-'): it reads them twice");
    return kUsage;
  }

  Inputs in;
  std::optional<GoldSet> gold;
  if (!flags.gold.empty()) {
    Result<GoldSet> loaded = LoadGold(flags.gold, flags.reported);
    if (!loaded.ok()) {
      spdlog::error("{}", loaded.status().message());
      return kUsage;
    }
    gold = std::move(loaded).value();
    in.gold = flags.gold;
    in.reported = gold->reported_shown;
    in.gold_rows = gold->rows.size();
  }

  std::vector<QuoteRecord> sides[2];
  bool skipped = false;
  if (extracting) {
    // Both sides read the same articles with the Extractor `extract` runs, in-process.
    std::unique_ptr<const RuleSet> rules[2];
    for (int i = 0; i < 2; ++i) {
      rules[i] = LoadRulesOrReport(flags.rules_dirs[i]);
      if (!rules[i]) return kUsage;
    }
    ArticleList list = ListArticles(flags.inputs, "");
    ArticleExtraction extraction;
    extraction.jobs = flags.jobs;
    extraction.max_doc_bytes = flags.max_doc_bytes;
    extraction.quiet = flags.quiet;
    for (int i = 0; i < 2; ++i) {
      ArticleList copy = list;
      if (i == 1) {  // the same articles: their problems and warnings are reported once
        extraction.quiet = true;
        extraction.report_errors = false;
      }
      ExtractArticles(*rules[i], extraction, std::move(copy), false, sides[i], skipped);
    }
    in.old_name = flags.rules_dirs[0];
    in.new_name = flags.rules_dirs[1];
  } else {
    for (int i = 0; i < 2; ++i) {
      Result<std::vector<QuoteRecord>> t = ReadQuoteTable(flags.inputs[i]);
      if (!t.ok()) {
        spdlog::error("{}", t.status().message());
        return kUsage;
      }
      sides[i] = std::move(t).value();
    }
    in.old_name = flags.inputs[0];
    in.new_name = flags.inputs[1];
  }

  DiffOptions options;
  if (gold) options.gold = &gold->rows;
  const OutputDiff d = DiffOutputs(sides[0], sides[1], options);
  if (flags.format == "json") {
    PrintJson(d, in, gold.has_value(), std::cout);
  } else {
    PrintText(d, in, gold.has_value(), std::cout);
  }
  std::cout.flush();
  if (!std::cout) {
    spdlog::error("stdout: write failed: {}", std::strerror(errno));
    return kWriteFailed;
  }
  if (flags.max_broken >= 0 && d.broken > static_cast<size_t>(flags.max_broken)) {
    spdlog::error("{} changes are broken, more than --max-broken {}", d.broken, flags.max_broken);
    return kBelowThreshold;
  }
  return skipped ? kSomeSkipped : kOk;
}

}  // namespace saidby::cli
