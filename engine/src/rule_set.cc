#include "saidby/rule_set.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <atomic>
#include <cassert>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <sstream>
#include <tuple>

#include "name_run.h"
#include "rule_pattern.h"
#include "saidby/file_reader.h"
#include "text_util.h"

namespace saidby {

std::string RuleProblem::ToString() const {
  // Line 0: the problem is the file or folder itself, with no place inside it.
  if (line == 0) return file + ": " + reason;
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + reason;
}

RuleSet::RuleSet() {
  static std::atomic<uint64_t> next{1};
  serial_ = next++;
}
RuleSet::~RuleSet() = default;

const PronounEntry* RuleSet::Pronoun(const std::string& lower) const {
  auto it = pronouns_.find(lower);
  return it == pronouns_.end() ? nullptr : &it->second;
}

const PronounEntry* RuleSet::PossessiveOf(const std::string& lower) const {
  auto it = possessive_of_.find(lower);
  return it == possessive_of_.end() ? nullptr : Pronoun(it->second);
}

bool RuleSet::SameGivenName(const std::string& a, const std::string& b) const {
  if (a == b) return true;
  static const std::vector<std::string> kNone;
  auto formal = [&](const std::string& n) -> const std::vector<std::string>& {
    auto it = formal_names_.find(n);
    return it == formal_names_.end() ? kNone : it->second;
  };
  const std::vector<std::string>&fa = formal(a), &fb = formal(b);
  if (std::find(fa.begin(), fa.end(), b) != fa.end()) return true;
  if (std::find(fb.begin(), fb.end(), a) != fb.end()) return true;
  return std::any_of(fa.begin(), fa.end(), [&](const std::string& f) {
    return std::find(fb.begin(), fb.end(), f) != fb.end();
  });
}

const GivenName* RuleSet::FindGivenName(const std::string& folded) const {
  auto it = given_names_.find(folded);
  return it == given_names_.end() ? nullptr : &it->second;
}

const std::string& RuleSet::TitleMeaning(const std::string& lower) const {
  auto it = title_meaning_.find(lower);
  return it == title_meaning_.end() ? lower : it->second;
}

Gender RuleSet::TitleGender(const std::string& lower) const {
  auto it = title_gender_.find(lower);
  return it == title_gender_.end() ? Gender::kUnknown : it->second;
}

const WordFacts& RuleSet::Facts(const std::string& lower) const {
  static const WordFacts kPlain;
  auto it = facts_.find(lower);
  return it == facts_.end() ? kPlain : it->second;
}

bool RuleSet::BreaksName(const std::string& lower) const {
  // LexiconSymbol gives C, P, T or D to exactly the cues, pronouns, titles and determiners.
  const WordFacts& f = Facts(lower);
  return f.not_name || f.lexicon == 'C' || f.lexicon == 'P' || f.lexicon == 'T' || f.lexicon == 'D';
}

size_t RuleSet::PhraseWordsFrom(const std::string& lower) const {
  auto it = phrase_words_.find(lower);
  return it == phrase_words_.end() ? 0 : it->second;
}

char32_t RuleSet::LiteralSymbol(const std::string& lower) const {
  auto it = literals_.find(lower);
  return it == literals_.end() ? 0 : it->second;
}

namespace {

// A lexicon entry or key with its spaces and tabs collapsed.
std::string CollapseSpaces(std::string_view s) { return CollapseBlanks(s, " \t"); }

constexpr size_t kMaxPhraseWords = 8;  // longest lexicon entry or literal, in words

size_t WordCount(const std::string& s) {
  return static_cast<size_t>(std::count(s.begin(), s.end(), ' ')) + 1;
}

struct LexiconLine {
  std::string entry;
  std::vector<std::string> tags;
  size_t line;
  size_t column;
};

bool HasUpper(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    CodePoint c = DecodeAt(s, i);
    if (IsUpper(c.cp)) return true;
    i += std::max<size_t>(c.width, 1);
  }
  return false;
}

}  // namespace

// Reads files and builds a RuleSet; collects every problem rather than stopping at the first.
class RuleLoader {
 public:
  explicit RuleLoader(std::string dir) : dir_(std::move(dir)), rules_(new RuleSet()) {}

  RuleSet::LoadResult Run() {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(dir_, ec)) {
      Problem(dir_, 0, 0,
              fs::exists(dir_, ec) ? "not a rules folder (it is a file, not a folder)"
                                   : "not a rules folder (no such directory)");
      return Finish();
    }
    std::unordered_set<std::string> abbreviations;
    LoadLexicon("abbreviations.txt", {},
                [&](const LexiconLine& l) { abbreviations.insert(l.entry); });
    LoadLexicon("cues.txt", {"thought", "object", "question", "listener"},
                [&](const LexiconLine& l) {
                  Add(rules_->cues_, l);
                  for (const std::string& t : l.tags) {
                    (t == "thought"    ? rules_->thought_cues_
                     : t == "object"   ? rules_->object_cues_
                     : t == "question" ? rules_->question_cues_
                                       : rules_->listener_cues_)
                        .insert(l.entry);
                  }
                });
    LoadLexicon("titles.txt", {"male", "female", "means=", "figure"}, [&](const LexiconLine& l) {
      Add(rules_->titles_, l);
      for (const auto& t : l.tags) {
        if (t == "figure") {
          rules_->figure_titles_.insert(l.entry);
        } else if (t.rfind("means=", 0) == 0) {
          rules_->title_meaning_[l.entry] = AsciiLower(t.substr(6));
        } else {
          rules_->title_gender_[l.entry] = t == "male" ? Gender::kMale : Gender::kFemale;
        }
      }
    });
    LoadLexicon("pronouns.txt", {"male", "female", "plural"}, [&](const LexiconLine& l) {
      PronounEntry p;
      for (const auto& t : l.tags) {
        if (t == "male") p.gender = Gender::kMale;
        if (t == "female") p.gender = Gender::kFemale;
        if (t == "plural") p.number = Number::kPlural;
      }
      rules_->pronouns_[l.entry] = p;
    });
    LoadLexicon("determiners.txt", {"unnamed", "article", "of="}, [&](const LexiconLine& l) {
      Add(rules_->determiners_, l);
      for (const std::string& tag : l.tags) {
        if (tag.rfind("of=", 0) == 0) {
          // "his" @of=he: the pronoun whose referent owns what follows ("his campaign").
          const std::string pronoun = AsciiLower(tag.substr(3));
          if (rules_->pronouns_.count(pronoun) == 0) {
            Problem(PathOf("determiners.txt"), l.line, l.column,
                    "@of=" + pronoun + " names no entry of pronouns.txt");
          } else {
            rules_->possessive_of_[l.entry] = pronoun;
          }
          continue;
        }
        (tag == "unnamed" ? rules_->unnamed_determiners_ : rules_->articles_).insert(l.entry);
      }
    });
    LoadLexicon("particles.txt", {}, [&](const LexiconLine& l) {
      // A capitalised word is a name word already; and the name finder relies on it.
      if (HasUpper(l.entry)) {
        Problem(PathOf("particles.txt"), l.line, l.column, "a particle is written in lower case");
      }
      Add(rules_->particles_, l);
    });
    LoadLexicon("auxiliaries.txt", {}, [&](const LexiconLine& l) { Add(rules_->auxiliaries_, l); });
    LoadLexicon("stop_words.txt", {},
                [&](const LexiconLine& l) { rules_->stop_words_.insert(l.entry); });
    LoadLexicon("work_nouns.txt", {},
                [&](const LexiconLine& l) { rules_->work_nouns_.insert(l.entry); });
    LoadLexicon("speech_nouns.txt", {},
                [&](const LexiconLine& l) { rules_->speech_nouns_.insert(l.entry); });
    LoadLexicon("not_names.txt", {}, [&](const LexiconLine& l) { Add(rules_->not_names_, l); });
    LoadLexicon("organisations.txt", {},
                [&](const LexiconLine& l) { rules_->organisation_heads_.insert(l.entry); });
    LoadLexicon("places.txt", {}, [&](const LexiconLine& l) { rules_->places_.insert(l.entry); });
    ShadowedEntries();
    AddCountries();
    LoadGivenNames();
    LoadLexicon("nicknames.txt", {}, [&](const LexiconLine& l) {
      const std::vector<std::string_view> words = SplitWords(l.entry);
      if (words.size() != 2) {
        Problem(PathOf("nicknames.txt"), l.line, l.column,
                "expected two words, a nickname and its given name ('ben benjamin')");
        return;
      }
      rules_->formal_names_[FoldName(words[0])].push_back(FoldName(words[1]));
    });
    rules_->abbreviations_ = abbreviations;
    rules_->splitter_ = std::make_unique<SentenceSplitter>(std::move(abbreviations));
    BuildNameFinder();
    LoadPatterns();
    LoadConfidence();
    return Finish();
  }

 private:
  void Problem(const std::string& file, size_t line, size_t column, std::string reason) {
    problems_.push_back({file, line, column, std::move(reason)});
  }

  void Add(std::unordered_set<std::string>& set, const LexiconLine& l) {
    set.insert(l.entry);
    rules_->max_phrase_words_ = std::max(rules_->max_phrase_words_, WordCount(l.entry));
  }

  std::string PathOf(const std::string& name) const {
    return (std::filesystem::path(dir_) / name).string();
  }

  // Reads a whole file; reports a missing, unreadable, empty or non-UTF-8 file.
  bool ReadLines(const std::string& name, std::vector<std::string>& lines) {
    const std::string path = PathOf(name);
    Result<std::string> read =
        ReadRegularFile(path, kMaxRuleFileBytes, "the limit for a rule file");
    if (!read.ok()) {
      Problem(path, 0, 0, "required rule file: " + read.status().message());
      return false;
    }
    const std::string& bytes = read.value();
    if (bytes.empty()) {
      Problem(path, 1, 1, "file is empty");
      return false;
    }
    size_t off = 0;
    if (Status s = ValidateText(bytes, &off); !s.ok()) {
      // Report the line and column of the bad byte, not only its offset.
      size_t line = 1 + static_cast<size_t>(std::count(bytes.begin(), bytes.begin() + off, '\n'));
      size_t bol = bytes.rfind('\n', off == 0 ? 0 : off - 1);
      size_t col = bol == std::string::npos || off == 0 ? off + 1 : off - bol;
      Problem(path, line, col, s.message().substr(0, s.message().find(" at byte")));
      return false;
    }
    std::string line;
    std::istringstream is(bytes);
    while (std::getline(is, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines.push_back(line);
    }
    return true;
  }

  void LoadLexicon(const std::string& name, std::vector<std::string> allowed_tags,
                   const std::function<void(const LexiconLine&)>& add) {
    std::vector<std::string> lines;
    if (!ReadLines(name, lines)) return;
    const std::string path = PathOf(name);
    size_t entries = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
      std::string_view l = lines[i];
      if (size_t hash = l.find('#'); hash != std::string_view::npos) l = l.substr(0, hash);
      size_t tag_at = l.find('@');
      std::string entry = CollapseSpaces(l.substr(0, tag_at));
      if (entry.empty()) {
        if (tag_at != std::string_view::npos)
          Problem(path, i + 1, tag_at + 1, "tag without an entry");
        continue;
      }
      LexiconLine out{AsciiLower(entry), {}, i + 1, l.find_first_not_of(" \t") + 1};
      // Attribution tries every phrase length up to the longest entry at every token: one
      // entry of thousands of words would make every window cost the square of that.
      if (WordCount(out.entry) > kMaxPhraseWords) {
        Problem(path, i + 1, out.column,
                "entry has " + std::to_string(WordCount(out.entry)) + " words (at most " +
                    std::to_string(kMaxPhraseWords) + ")");
        continue;
      }
      while (tag_at != std::string_view::npos) {
        size_t end = l.find_first_of(" \t@", tag_at + 1);
        std::string tag(
            l.substr(tag_at + 1, end == std::string_view::npos ? end : end - tag_at - 1));
        // A tag with a value ("@means=senator") is allowed by its key.
        const std::string key = tag.substr(0, tag.find('='));
        const bool valued = key.size() < tag.size();
        if (std::find(allowed_tags.begin(), allowed_tags.end(), valued ? key + "=" : tag) ==
                allowed_tags.end() ||
            (valued && key.size() + 1 == tag.size())) {
          Problem(path, i + 1, tag_at + 1,
                  "unknown tag '@" + tag + "'" +
                      (allowed_tags.empty() ? " (this file takes no tags)" : ""));
        } else {
          out.tags.push_back(tag);
        }
        tag_at = l.find('@', tag_at + 1);
      }
      NoteEntry(name, out);
      add(out);
      ++entries;
    }
    if (entries == 0) Problem(path, 1, 1, "no entries (only comments or blank lines)");
  }

  // The lexicons that give a word its token class, in the order LexiconSymbol (rule_pattern.cc)
  // asks them: a word in two of them takes the first one's class only.
  static constexpr std::pair<const char*, const char*> kClassLexicons[] = {
      {"cues.txt", "CUE"},        {"pronouns.txt", "PRONOUN"},   {"titles.txt", "TITLE"},
      {"determiners.txt", "DET"}, {"particles.txt", "PARTICLE"}, {"auxiliaries.txt", "AUXVERB"}};

  struct EntryPlace {
    size_t line = 0, column = 0;
  };

  // Where each entry of a class lexicon first is: one listed again in its file is a warning,
  // and so is one in two of them (ShadowedEntries).
  void NoteEntry(const std::string& file, const LexiconLine& l) {
    if (std::none_of(std::begin(kClassLexicons), std::end(kClassLexicons),
                     [&](const auto& c) { return file == c.first; })) {
      return;
    }
    auto [at, fresh] = entries_[file].try_emplace(l.entry, EntryPlace{l.line, l.column});
    if (!fresh) {
      warnings_.push_back({PathOf(file), l.line, l.column,
                           "'" + l.entry + "' is listed again (first on line " +
                               std::to_string(at->second.line) + ")"});
    }
  }

  // A word in two class lexicons is read as the class asked first; its entry in the other
  // never gives it that class in a window (rules/README.md, "Which class a word is").
  void ShadowedEntries() {
    std::vector<RuleProblem> shadowed;
    std::string order;
    for (const auto& [file, cls] : kClassLexicons)
      order += order.empty() ? cls : std::string(" > ") + cls;
    for (size_t a = 0; a < std::size(kClassLexicons); ++a) {
      const auto& [winner_file, winner_class] = kClassLexicons[a];
      const auto& winners = entries_[winner_file];
      for (size_t b = a + 1; b < std::size(kClassLexicons); ++b) {
        const auto& [file, cls] = kClassLexicons[b];
        for (const auto& [entry, place] : entries_[file]) {
          auto w = winners.find(entry);
          if (w == winners.end()) continue;
          // Reported once, by the first class that shadows it.
          bool earlier = false;
          for (size_t c = 0; c < a && !earlier; ++c) {
            earlier = entries_[kClassLexicons[c].first].count(entry) > 0;
          }
          if (earlier) continue;
          shadowed.push_back({PathOf(file), place.line, place.column,
                              "'" + entry + "' is shadowed by " + PathOf(winner_file) + ":" +
                                  std::to_string(w->second.line) + ": a window reads it as " +
                                  winner_class + ", never " + cls + " (class precedence " + order +
                                  "); remove one of the two entries"});
        }
      }
    }
    std::sort(shadowed.begin(), shadowed.end(), [](const RuleProblem& x, const RuleProblem& y) {
      return std::tie(x.file, x.line) < std::tie(y.file, y.line);
    });
    warnings_.insert(warnings_.end(), shadowed.begin(), shadowed.end());
  }

  void LoadPatterns();
  void LoadConfidence();

  // The English names of ICU's countries ("Germany", "United Kingdom") are places too.
  void AddCountries() {
    for (const char* const* code = icu::Locale::getISOCountries(); *code; ++code) {
      icu::UnicodeString name;
      icu::Locale("", *code).getDisplayCountry(icu::Locale::getEnglish(), name);
      std::string utf8;
      name.toUTF8String(utf8);
      rules_->places_.insert(AsciiLower(utf8));
    }
  }

  // given_names.txt: `name @male=M @female=F`; a name that another lexicon claims as a title,
  // place, determiner, cue or pronoun word is no given name ("China", "Will", "The"). A
  // particle may be one ("Al", "Ben"): entities read it so only when capitalised.
  void LoadGivenNames() {
    std::vector<std::string> lines;
    if (!ReadLines("given_names.txt", lines)) return;
    const std::string path = PathOf("given_names.txt");
    // The words other lexicons claim, in one set: one lookup a name instead of eight (61,000
    // names are loaded by every process).
    std::unordered_set<std::string> claimed;
    for (const auto* set :
         {&rules_->titles_, &rules_->determiners_, &rules_->not_names_, &rules_->cues_,
          &rules_->places_, &rules_->organisation_heads_, &rules_->auxiliaries_}) {
      claimed.insert(set->begin(), set->end());
    }
    for (const auto& [word, entry] : rules_->pronouns_) claimed.insert(word);
    rules_->given_names_.reserve(lines.size());
    for (size_t i = 0; i < lines.size(); ++i) {
      std::string_view l = lines[i];
      if (size_t hash = l.find('#'); hash != std::string_view::npos) l = l.substr(0, hash);
      const size_t tag_at = l.find('@');
      const std::string entry = CollapseSpaces(l.substr(0, tag_at));
      if (entry.empty()) continue;
      GivenName g;
      bool tagged = false;
      for (size_t at = tag_at; at != std::string_view::npos; at = l.find('@', at + 1)) {
        const size_t end = l.find_first_of(" \t", at);
        const std::string_view tag =
            l.substr(at + 1, end == std::string_view::npos ? end : end - at - 1);
        const size_t eq = tag.find('=');
        const std::string_view key = tag.substr(0, eq);
        unsigned long count = 0;
        const std::string_view digits = eq == std::string_view::npos ? "" : tag.substr(eq + 1);
        const bool numeric = !digits.empty() && digits.size() <= 4 &&
                             digits.find_first_not_of("0123456789") == std::string_view::npos;
        for (char d : numeric ? digits : std::string_view()) count = count * 10 + (d - '0');
        if ((key != "male" && key != "female") || !numeric) {
          Problem(path, i + 1, at + 1,
                  "expected @male=COUNT or @female=COUNT, not '@" + std::string(tag) + "'");
          continue;
        }
        (key == "male" ? g.male : g.female) = static_cast<uint16_t>(count);
        tagged = true;
      }
      if (!tagged) {
        Problem(path, i + 1, 1, "a given name needs @male=COUNT or @female=COUNT");
        continue;
      }
      std::string lower = AsciiLower(entry);
      if (claimed.count(lower)) continue;
      // FoldName of ASCII is its lower case. Spellings that fold alike ("Lael", "Laël"): the
      // first listed (the file is sorted, so the unaccented one) keeps its record.
      const bool ascii = std::all_of(entry.begin(), entry.end(),
                                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
      rules_->given_names_.try_emplace(ascii ? std::move(lower) : FoldName(entry), g);
    }
    if (rules_->given_names_.empty())
      Problem(path, 1, 1, "no entries (only comments or blank lines)");
  }

  // Capitalised words joined by spaces and lower-case particles ("Ursula von der Leyen",
  // "J. Smith", "al-Assad"); built from particles.txt so it stays data-driven.
  void BuildNameFinder() {
    std::vector<std::string> parts(rules_->particles_.begin(), rules_->particles_.end());
    rules_->name_finder_ = std::make_unique<NameRunFinder>(parts);
  }

  RuleSet::LoadResult Finish() {
    auto note_phrase = [&](const std::string& entry) {
      const size_t space = entry.find(' ');
      if (space == std::string::npos) return;
      size_t& longest = rules_->phrase_words_[entry.substr(0, space)];
      longest = std::max(longest, WordCount(entry));
    };
    for (const auto* set : {&rules_->cues_, &rules_->titles_, &rules_->determiners_}) {
      for (const std::string& e : *set) note_phrase(e);
    }
    for (const auto& [literal, symbol] : rules_->literals_) note_phrase(literal);
    for (const auto* set : {&rules_->cues_, &rules_->titles_, &rules_->determiners_,
                            &rules_->particles_, &rules_->auxiliaries_}) {
      for (const std::string& e : *set) rules_->facts_[e].lexicon = LexiconSymbol(*rules_, e);
    }
    for (const auto& [pronoun, entry] : rules_->pronouns_) {
      rules_->facts_[pronoun].lexicon = LexiconSymbol(*rules_, pronoun);
    }
    for (const auto& [literal, symbol] : rules_->literals_)
      rules_->facts_[literal].literal = symbol;
    for (const std::string& e : rules_->not_names_) rules_->facts_[e].not_name = true;
    for (const std::string& e : rules_->cues_) {
      if (!rules_->thought_cues_.count(e))
        rules_->reporting_cue_starts_.insert(e.substr(0, e.find(' ')));
    }
    RuleSet::LoadResult r;
    r.problems = std::move(problems_);
    r.warnings = std::move(warnings_);
    if (r.problems.empty()) r.rules.reset(rules_.release());
    return r;
  }

  std::string dir_;
  std::unique_ptr<RuleSet> rules_;
  std::vector<RuleProblem> problems_;
  std::vector<RuleProblem> warnings_;
  std::map<std::string, std::unordered_map<std::string, EntryPlace>> entries_;  // file -> entry
};

void RuleLoader::LoadPatterns() {
  std::vector<std::string> lines;
  if (!ReadLines("patterns.txt", lines)) return;
  const std::string path = PathOf("patterns.txt");

  struct Section {
    std::string id;
    size_t line = 0;
    bool is_define = false;
    std::map<std::string, std::pair<std::string, size_t>> values;  // key -> value, value column
    std::vector<std::pair<std::string, size_t>> examples;          // text, line
    size_t pattern_line = 0;
    size_t priority_line = 0, confidence_line = 0;
  };
  std::vector<Section> sections;
  std::vector<std::tuple<std::string, std::string, size_t, size_t>>
      defines;  // name, expr, line, col
  std::unordered_set<std::string> ids;

  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& raw = lines[i];
    size_t first = raw.find_first_not_of(" \t");
    if (first == std::string::npos || raw[first] == '#') continue;
    if (raw[first] == '[') {
      size_t close = raw.find(']', first);
      if (close == std::string::npos) {
        Problem(path, i + 1, first + 1, "section header has no closing ']'");
        continue;
      }
      std::string id = raw.substr(first + 1, close - first - 1);
      bool valid = !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
      });
      if (!valid) {
        Problem(path, i + 1, first + 2, "rule id must be letters, digits, '-', '_' or '.'");
      }
      Section s;
      s.id = id;
      s.line = i + 1;
      s.is_define = id == "define";
      if (!s.is_define && !ids.insert(id).second) {
        Problem(path, i + 1, first + 2, "duplicate rule id '" + id + "'");
      }
      sections.push_back(std::move(s));
      continue;
    }
    size_t eq = raw.find('=');
    if (eq == std::string::npos) {
      Problem(path, i + 1, first + 1, "expected 'key = value' or '[section]'");
      continue;
    }
    if (sections.empty()) {
      Problem(path, i + 1, first + 1, "'key = value' before any [section]");
      continue;
    }
    std::string key = CollapseSpaces(raw.substr(first, eq - first));
    size_t vstart = raw.find_first_not_of(" \t", eq + 1);
    std::string value = vstart == std::string::npos ? "" : raw.substr(vstart);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.pop_back();
    size_t vcol = (vstart == std::string::npos ? raw.size() : vstart) + 1;
    Section& s = sections.back();
    if (s.is_define) {
      defines.emplace_back(key, value, i + 1, vcol);
      continue;
    }
    if (key == "example") {
      s.examples.emplace_back(value, i + 1);
    } else if (key == "pattern" || key == "priority" || key == "confidence" || key == "continue" ||
               key == "reported" || key == "object-cues" || key == "listener-cues") {
      if (s.values.count(key)) Problem(path, i + 1, first + 1, "'" + key + "' given twice");
      s.values[key] = {value, vcol};
      if (key == "pattern") s.pattern_line = i + 1;
      if (key == "priority") s.priority_line = i + 1;
      if (key == "confidence") s.confidence_line = i + 1;
    } else {
      Problem(path, i + 1, first + 1,
              "unknown key '" + key +
                  "' (expected pattern, priority, confidence, continue, reported, object-cues, "
                  "listener-cues or example)");
    }
  }

  // Parse every expression first: literals must be known before classes are compiled.
  PatternCompiler compiler(*rules_);
  for (auto& [name, expr, line, col] : defines) {
    if (auto err = compiler.Define(name, expr)) Problem(path, line, col + err->column, err->reason);
  }
  struct Pending {
    AttributionRule rule;
    ParsedPattern parsed;
  };
  std::vector<Pending> pending;
  for (const Section& s : sections) {
    if (s.is_define) continue;
    Pending p;
    p.rule.id = s.id;
    p.rule.file = path;
    p.rule.line = s.line;
    auto pat = s.values.find("pattern");
    if (pat == s.values.end()) {
      Problem(path, s.line, 1, "rule '" + s.id + "' has no pattern");
      continue;
    }
    p.rule.source = pat->second.first;
    auto parsed = compiler.Parse(pat->second.first);
    if (!parsed.ok()) {
      Problem(path, s.pattern_line, pat->second.second + parsed.error.column, parsed.error.reason);
      continue;
    }
    p.parsed = std::move(parsed);
    if (auto pr = s.values.find("priority"); pr == s.values.end()) {
      Problem(path, s.line, 1, "rule '" + s.id + "' has no priority");
    } else {
      char* end = nullptr;
      long v = std::strtol(pr->second.first.c_str(), &end, 10);
      if (pr->second.first.empty() || *end != '\0' || v < 0 || v > 1000) {
        Problem(path, s.priority_line, pr->second.second, "priority must be an integer 0-1000");
      }
      p.rule.priority = static_cast<int>(v);
    }
    if (auto c = s.values.find("confidence"); c != s.values.end()) {
      char* end = nullptr;
      double v = std::strtod(c->second.first.c_str(), &end);
      if (c->second.first.empty() || *end != '\0' || !(v >= 0 && v <= 1)) {
        Problem(path, s.confidence_line, c->second.second, "confidence must be a number 0-1");
      }
      p.rule.confidence = v;
    }
    if (auto c = s.values.find("continue"); c != s.values.end()) {
      if (c->second.first != "yes" && c->second.first != "no") {
        Problem(path, s.line, c->second.second, "continue must be 'yes' or 'no'");
      }
      p.rule.continues = c->second.first == "yes";
    }
    if (auto c = s.values.find("reported"); c != s.values.end()) {
      if (c->second.first != "yes" && c->second.first != "no") {
        Problem(path, s.line, c->second.second, "reported must be 'yes' or 'no'");
      }
      p.rule.reported = c->second.first == "yes";
    }
    if (auto c = s.values.find("object-cues"); c != s.values.end()) {
      if (c->second.first != "yes" && c->second.first != "no" && c->second.first != "only") {
        Problem(path, s.line, c->second.second, "object-cues must be 'yes', 'no' or 'only'");
      }
      p.rule.object_cues = c->second.first != "no";
      p.rule.only_object_cues = c->second.first == "only";
    }
    if (auto c = s.values.find("listener-cues"); c != s.values.end()) {
      if (c->second.first != "yes" && c->second.first != "no") {
        Problem(path, s.line, c->second.second, "listener-cues must be 'yes' or 'no'");
      }
      p.rule.listener_cues = c->second.first != "no";
    }
    if (p.rule.reported) {
      // Reported speech has no quote: CONTENT( … ) stands for the words reported.
      if (p.parsed.has_quote || !p.parsed.has_content) {
        Problem(path, s.pattern_line, pat->second.second,
                "a 'reported = yes' pattern needs CONTENT( … ), and no QUOTE");
      }
    } else if (p.parsed.has_content) {
      Problem(path, s.pattern_line, pat->second.second,
              "CONTENT( … ) is for 'reported = yes' rules only");
    } else if (!p.parsed.has_quote) {
      Problem(path, s.pattern_line, pat->second.second,
              "pattern has no QUOTE: it can never attribute a quote");
    }
    if (!p.parsed.has_speaker && !p.rule.continues) {
      Problem(path, s.pattern_line, pat->second.second,
              "pattern has no SPEAKER( … ) part (and is not 'continue = yes')");
    }
    if (s.examples.empty()) {
      Problem(path, s.line, 1, "rule '" + s.id + "' has no example");
    }
    for (const auto& [text, line] : s.examples) {
      p.rule.examples.push_back(text);
      p.rule.example_lines.push_back(line);
    }
    pending.push_back(std::move(p));
  }
  if (!problems_.empty()) return;

  // Literals no quote rule uses are for reported windows only (RuleSet::ReportedLiteralSymbol).
  std::unordered_set<std::string> quote_literals;
  for (const Pending& p : pending) {
    for (const PatternToken& t : p.parsed.tokens) {
      if (!p.rule.reported && t.kind == PatternToken::kLiteral) quote_literals.insert(t.text);
    }
  }
  compiler.AssignLiteralSymbols(rules_->literals_);
  for (auto it = rules_->literals_.begin(); it != rules_->literals_.end();) {
    if (quote_literals.count(it->first)) {
      ++it;
      continue;
    }
    if (it->first.find(' ') != std::string::npos) {
      Problem(path, 0, 0,
              "\"" + it->first + "\": a literal of several words only reported rules use (a " +
                  "quote rule must use it too, or write it as single words)");
    }
    rules_->reported_literals_.insert(*it);
    it = rules_->literals_.erase(it);
  }
  for (const auto& [lit, sym] : rules_->literals_) {
    rules_->max_phrase_words_ = std::max(rules_->max_phrase_words_, WordCount(lit));
  }
  RE2::Options opts;
  opts.set_encoding(compiler.wide() ? RE2::Options::EncodingUTF8 : RE2::Options::EncodingLatin1);
  opts.set_log_errors(false);
  opts.set_max_mem(64 << 20);
  rules_->prefilter_ = std::make_unique<re2::FilteredRE2>(1);
  rules_->reported_prefilter_ = std::make_unique<re2::FilteredRE2>(1);
  for (Pending& p : pending) {
    CompiledPattern c = compiler.Compile(p.parsed);
    p.rule.regex = c.regex;
    p.rule.speaker_groups = c.speaker_groups;
    p.rule.cue_groups = c.cue_groups;
    p.rule.content_groups = c.content_groups;
    // One compiled regex per rule, owned by the prefilter; see RuleSet::regex for the wrapping.
    // A reported rule's is the pattern alone as group 1, matched unanchored (reported_speech.cc).
    const std::string wrapped = p.rule.reported ? "(" + c.regex + ")" : "(?s:.)*?(" + c.regex + ")";
    int id = 0;
    re2::FilteredRE2& prefilter =
        p.rule.reported ? *rules_->reported_prefilter_ : *rules_->prefilter_;
    std::vector<AttributionRule>& list = p.rule.reported ? rules_->reported_rules_ : rules_->rules_;
    if (prefilter.Add(wrapped, opts, &id) != RE2::NoError) {
      // FilteredRE2 says only that RE2 refused it; RE2 says why.
      Problem(path, p.rule.line, 1, "pattern does not compile: " + RE2(wrapped, opts).error());
      continue;
    }
    assert(static_cast<size_t>(id) == list.size());
    p.rule.program_size = prefilter.GetRE2(id).ProgramSize();
    if (p.rule.program_size > kRuleProgramBudget) {
      warnings_.push_back({path, p.rule.line, 1,
                           "rule '" + p.rule.id + "' compiles to " +
                               std::to_string(p.rule.program_size) + " RE2 instructions (budget " +
                               std::to_string(kRuleProgramBudget) +
                               "): slow to match on text not seen before"});
    }
    list.push_back(std::move(p.rule));
  }
  if (problems_.empty()) rules_->prefilter_->Compile(&rules_->atoms_);
  // FilteredRE2 refuses to compile an empty set (a rules folder with no reported rules).
  if (problems_.empty() && !rules_->reported_rules_.empty()) {
    rules_->reported_prefilter_->Compile(&rules_->reported_atoms_);
  }
}

// confidence.txt: `RULE TYPE CONFIDENCE` a line (rules/README.md). Optional: without it the
// rules' own constants stand, so a hand-made rules folder still loads; `rules check` says so.
void RuleLoader::LoadConfidence() {
  const std::string name = "confidence.txt";
  const std::string path = PathOf(name);
  std::error_code ec;
  if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec))) {
    warnings_.push_back({path, 0, 0,
                         "missing: confidence is each rule's `confidence =` value, uncalibrated "
                         "(tools/calibrate writes this file)"});
    return;
  }
  std::vector<std::string> lines;
  if (!ReadLines(name, lines)) return;
  // Ids attribution reports besides the rules of patterns.txt (attribution.cc).
  std::unordered_set<std::string> known = {"*", std::string(kNoRuleId), "@multi-paragraph"};
  for (const AttributionRule& r : rules_->rules_) known.insert(r.id);
  std::map<std::string, size_t> first_line;  // "rule type" -> line, to report a repeated cell
  size_t entries = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view l = lines[i];
    if (size_t hash = l.find('#'); hash != std::string_view::npos) l = l.substr(0, hash);
    std::vector<std::pair<std::string, size_t>> fields;  // text, 1-based column
    for (size_t at = l.find_first_not_of(" \t"); at != std::string_view::npos;) {
      const size_t end = std::min(l.find_first_of(" \t", at), l.size());
      fields.emplace_back(std::string(l.substr(at, end - at)), at + 1);
      at = l.find_first_not_of(" \t", end);
    }
    if (fields.empty()) continue;
    if (fields.size() != 3) {
      Problem(path, i + 1, fields[0].second,
              "expected 'RULE TYPE CONFIDENCE' (3 fields), found " + std::to_string(fields.size()));
      continue;
    }
    const auto& [rule, rule_col] = fields[0];
    const auto& [type_name, type_col] = fields[1];
    const auto& [value, value_col] = fields[2];
    std::optional<MentionType> type;
    if (type_name != "*") {
      type = ParseMentionType(type_name);
      if (!type) {
        Problem(path, i + 1, type_col,
                "unknown mention type '" + type_name +
                    "' (expected name, pronoun, description, none or *)");
        continue;
      }
    }
    char* end = nullptr;
    const double v = std::strtod(value.c_str(), &end);
    if (*end != '\0' || !(v >= 0 && v <= 1)) {
      Problem(path, i + 1, value_col, "confidence must be a number 0-1, not '" + value + "'");
      continue;
    }
    auto [seen, fresh] = first_line.try_emplace(rule + " " + type_name, i + 1);
    if (!fresh) {
      Problem(path, i + 1, rule_col,
              "'" + rule + " " + type_name + "' given twice (first on line " +
                  std::to_string(seen->second) + ")");
      continue;
    }
    if (!known.count(rule) && !rules_->rules_.empty()) {
      warnings_.push_back({path, i + 1, rule_col,
                           "rule '" + rule + "' is not in patterns.txt: this line is never used"});
    }
    rules_->confidence_.Set(rule, type, v);
    ++entries;
  }
  if (entries == 0) Problem(path, 1, 1, "no entries (only comments or blank lines)");
}

RuleSet::LoadResult RuleSet::Load(const std::string& dir) { return RuleLoader(dir).Run(); }

}  // namespace saidby
