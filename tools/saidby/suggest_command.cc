#include "suggest_command.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "commands.h"
#include "report_text.h"
#include "saidby/document.h"
#include "saidby/rule_suggestion.h"

namespace saidby::cli {

void AddSuggestOptions(CLI::App& app, SuggestFlags& flags) {
  app.add_option("--gold", flags.eval.gold, "Gold annotations (doc,speaker,quote,kind,cue)")
      ->required();
  app.add_option("paths", flags.eval.paths, "Articles: files or folders")->required();
  app.add_option("--reported", flags.eval.reported,
                 "Reported-speech gold; default: reported.csv beside a --gold gold.csv");
  app.add_option("--rules", flags.eval.rules_dir,
                 "Rules folder to use instead of the shipped rules (it is never written)");
  app.add_option("--top", flags.top, "How many cue and title suggestions to list (default 20)")
      ->check(CLI::Range(1, 1000));
  app.add_option("--format", flags.eval.format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
}

namespace {

// "noted" and the forms of its stem that inflect it as cues.txt writes a verb (-s, -es, -d,
// -ed, -ing, -ies, -ied; a final e or y dropped, a consonant doubled): a noun of the same
// stem ("declaration") is left out.
std::vector<std::string> Inflections(const SuggestedWord& s) {
  std::string base = s.forms.empty() ? s.word : s.forms.front();  // the shortest
  std::vector<std::string> prefixes = {base, base + base.back()};
  if (base.size() > 2 && (base.back() == 'e' || base.back() == 'y')) {
    prefixes.push_back(base.substr(0, base.size() - 1));
  }
  static const char* const kSuffixes[] = {"", "s", "es", "d", "ed", "ing", "ies", "ied"};
  std::vector<std::string> out;
  for (const std::string& f : s.forms) {
    bool inflects = f == s.word;
    for (const std::string& p : prefixes) {
      for (const char* suffix : kSuffixes) inflects = inflects || f == p + suffix;
    }
    if (inflects) out.push_back(f);
  }
  return out;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// The regular inflections of a verb seen in its past form ("noted": note, notes, noting), by
// English spelling rules that are right far more often than not ("opened" gives "opene"): a
// hint to check, never a line to paste. Empty for a word that is no "-ed" form.
std::vector<std::string> GuessedInflections(const std::string& past) {
  if (past.size() < 5 || past.compare(past.size() - 2, 2, "ed") != 0) return {};
  std::string stem = past.substr(0, past.size() - 2);
  std::string base = stem, ing;
  const size_t n = stem.size();
  if (stem.back() == 'i') {  // "replied"
    base = stem.substr(0, n - 1) + "y";
    return {base, stem + "es", base + "ing"};
  }
  if (n >= 2 && stem[n - 1] == stem[n - 2] && !IsVowel(stem.back()) && stem.back() != 's' &&
      stem.back() != 'l') {
    base = stem.substr(0, n - 1);  // "stopped"
    ing = stem + "ing";
  } else if (std::string_view("cgvzu").find(stem.back()) != std::string_view::npos ||
             (n >= 3 && !IsVowel(stem[n - 1]) && IsVowel(stem[n - 2]) && !IsVowel(stem[n - 3]) &&
              std::string_view("wxy").find(stem.back()) == std::string_view::npos)) {
    base = stem + "e";  // "noted", "urged", "announced"
    ing = stem + "ing";
  } else {
    ing = base + "ing";
  }
  const bool sibilant = base.back() == 's' || base.back() == 'x' || base.back() == 'z' ||
                        (base.size() > 2 && (base.substr(base.size() - 2) == "sh" ||
                                             base.substr(base.size() - 2) == "ch"));
  return {base, base + (sibilant ? "es" : "s"), ing};
}

std::string Example(const SuggestedWord& s) {
  return s.example_doc.empty() ? "" : "; e.g. " + s.example_doc + ": " + ShownQuote(s.example);
}

void PrintText(const Suggestions& s, const std::string& rules_dir, size_t top, std::ostream& out) {
  out << "# saidby rules suggest: " << s.rows << " gold rows, " << s.missed << " missed ("
      << s.located << " rows found in their article's text); rules " << rules_dir << "\n"
      << "# Nothing here is checked: paste what fits, then run `saidby rules check` and `saidby "
         "diff`.\n";
  out << "\n# cues.txt: words next to missed rows that the rules do not know, most telling first "
         "(every inflection of a verb is a line of its own)\n";
  for (size_t i = 0; i < s.cues.size() && i < top; ++i) {
    const SuggestedWord& c = s.cues[i];
    out << "# " << i + 1 << ". " << c.word << ": next to " << c.missed << " missed rows, "
        << c.found << " found (score " << Fixed(c.score, 1) << ")" << Example(c) << "\n";
    const std::vector<std::string> forms = Inflections(c);
    std::string unseen;
    for (const std::string& f : GuessedInflections(c.word)) {
      if (std::find(forms.begin(), forms.end(), f) == forms.end()) unseen += " " + f;
    }
    if (!unseen.empty()) out << "#    also check:" << unseen << "\n";
    for (const std::string& f : forms) out << f << "\n";
  }
  if (!s.phrases.empty()) {
    out << "\n# cues.txt: two-word cues, surer than either word alone\n";
    for (size_t i = 0; i < s.phrases.size(); ++i) {
      const SuggestedWord& c = s.phrases[i];
      out << "# " << i + 1 << ". next to " << c.missed << " missed rows, " << c.found
          << " found (score " << Fixed(c.score, 1) << ")" << Example(c) << "\n"
          << c.word << "\n";
    }
  }
  out << "\n# titles.txt: role nouns of missed speakers that titles.txt lacks\n";
  for (size_t i = 0; i < s.titles.size() && i < top; ++i) {
    const SuggestedWord& t = s.titles[i];
    out << "# " << i + 1 << ". next to " << t.missed << " missed speakers, " << t.found
        << " found (score " << Fixed(t.score, 1) << ")" << Example(t) << "\n"
        << t.word << "\n";
  }
  out << "\n# patterns.txt: windows no pattern matches, shared by several missed quotes ("
      << s.draft_windows << " such windows name their speaker). A draft is as wide as its "
      << "examples: widen its classes, and write examples with invented names before it goes "
         "into rules/ (rules hold no corpus text).\n";
  for (size_t i = 0; i < s.drafts.size(); ++i) {
    const DraftRule& d = s.drafts[i];
    out << "\n# " << d.missed << " missed quotes, windows read \"" << d.classes
        << "\" (as --explain prints them); examples from";
    for (const std::string& doc : d.example_docs) out << " " << doc;
    out << "\n[draft-" << i + 1 << "]\npriority = 30\npattern = " << d.pattern << "\n";
    for (const std::string& e : d.examples) out << "example = " << e << "\n";
  }
}

void PrintJson(const Suggestions& s, const std::string& rules_dir, std::ostream& out) {
  using Json = nlohmann::ordered_json;
  auto words = [](const std::vector<SuggestedWord>& list, bool inflect) {
    Json a = Json::array();
    for (const SuggestedWord& w : list) {
      a.push_back(
          {{"word", w.word},
           {"forms", inflect ? Inflections(w) : std::vector<std::string>{w.word}},
           {"guessed_forms", inflect ? GuessedInflections(w.word) : std::vector<std::string>{}},
           {"missed", w.missed},
           {"found", w.found},
           {"score", w.score},
           {"example_doc", w.example_doc},
           {"example", w.example}});
    }
    return a;
  };
  Json j;
  j["rules"] = rules_dir;
  j["rows"] = s.rows;
  j["missed"] = s.missed;
  j["located"] = s.located;
  j["cues"] = words(s.cues, true);
  j["phrases"] = words(s.phrases, false);
  j["titles"] = words(s.titles, false);
  j["draft_windows"] = s.draft_windows;
  Json drafts = Json::array();
  for (size_t i = 0; i < s.drafts.size(); ++i) {
    const DraftRule& d = s.drafts[i];
    Json examples = Json::array();
    for (size_t e = 0; e < d.examples.size(); ++e) {
      examples.push_back({{"doc", d.example_docs[e]}, {"text", d.examples[e]}});
    }
    drafts.push_back({{"id", "draft-" + std::to_string(i + 1)},
                      {"pattern", d.pattern},
                      {"classes", d.classes},
                      {"missed", d.missed},
                      {"examples", examples}});
  }
  j["drafts"] = std::move(drafts);
  out << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

}  // namespace

int RunSuggest(const SuggestFlags& flags) {
  EvalRun run;
  if (const int status = EvaluateCorpus(flags.eval, /*keep_articles=*/true, run); status != kOk) {
    return status;
  }
  const std::string rules_dir =
      flags.eval.rules_dir.empty() ? DefaultRulesDir() : flags.eval.rules_dir;
  std::vector<Document> docs;
  std::unordered_map<std::string, size_t> doc_of;
  for (Article& a : run.articles) {
    Result<Document> d = MakeDocument(a.id, a.source, std::move(a.text), run.rules->splitter());
    if (!d.ok()) continue;  // extraction read it, so it is valid; an empty text is no loss
    doc_of.emplace(d->id, docs.size());
    docs.push_back(std::move(d).value());
  }

  // A gold row is found when a prediction matched its span with a speaker that agrees; its
  // span is that prediction's, else where its words first occur in the text not yet taken.
  std::vector<bool> found(run.gold.size(), false);
  std::vector<std::optional<TextSpan>> span(run.gold.size());
  for (const EvalRow& row : run.report.rows) {
    if (row.gold_row == EvalRow::kNoGold) continue;
    const QuoteRecord& p = run.predictions[row.prediction];
    span[row.gold_row] = TextSpan{p.start, p.end};
    if (row.correct || row.basis == "any") found[row.gold_row] = true;
  }
  std::map<std::pair<std::string, std::string>, size_t> next_from;
  std::vector<SuggestCase> cases;
  for (size_t g = 0; g < run.gold.size(); ++g) {
    const GoldQuote& gold = run.gold[g];
    if (gold.kind == "scare") continue;
    auto d = doc_of.find(gold.doc);
    if (d == doc_of.end()) continue;
    SuggestCase c;
    c.doc = d->second;
    c.speaker = gold.speaker;
    c.reported = IsReported(gold.kind);
    c.found = found[g];
    c.span = span[g];
    if (!c.span && !gold.quote.empty()) {
      const std::string& text = docs[c.doc].text;
      size_t& from = next_from[{gold.doc, gold.quote}];
      size_t at = text.find(gold.quote, from);
      if (at == std::string::npos) at = text.find(gold.quote);
      if (at != std::string::npos) {
        c.span = TextSpan{at, at + gold.quote.size()};
        from = at + gold.quote.size();
      }
    }
    cases.push_back(std::move(c));
  }

  SuggestOptions options;
  options.max_cues = options.max_titles = flags.top;
  const Suggestions s = SuggestRules(*run.rules, docs, cases, options);
  if (flags.eval.format == "json") {
    PrintJson(s, rules_dir, std::cout);
  } else {
    PrintText(s, rules_dir, flags.top, std::cout);
  }
  std::cout.flush();
  if (!std::cout) {
    spdlog::error("stdout: write failed: {}", std::strerror(errno));
    return kWriteFailed;
  }
  return run.skipped ? kSomeSkipped : kOk;
}

}  // namespace saidby::cli
