// RuleSet: the linguistic knowledge of saidby, loaded from a rules folder (see rules/README.md).
//
// Load → check → compile happens once in Load(); the result is immutable and shared by all
// threads without locks. It is expensive to build and deliberately not copyable.
// Every problem is reported as "file:line:column: reason"; Load() fails if any exists.
// Patterns are compiled into one RE2::Set over a string of token-class symbols, so matching a
// window costs linear time whatever the number of rules.
//
// Example:
//   RuleCheck check = RuleSet::Load("rules/en");
//   if (!check.problems.empty()) { for (auto& p : check.problems) print(p); return 2; }
//   const RuleSet& rules = *check.rules;
#pragma once

#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "saidby/confidence_table.h"
#include "saidby/document.h"

namespace saidby {

class NameRunFinder;

struct RuleProblem {
  std::string file;
  size_t line = 0;    // 1-based; 0 when the file or folder itself is the problem
  size_t column = 0;  // 1-based, in bytes
  std::string reason;
  std::string ToString() const;  // "file:line:column: reason", or "file: reason" for line 0
};

enum class Gender { kUnknown, kMale, kFemale };
enum class Number { kSingular, kPlural };

struct PronounEntry {
  Gender gender = Gender::kUnknown;
  Number number = Number::kSingular;
};

struct GivenName {
  uint16_t male = 0;  // languages that record the name as male
  uint16_t female = 0;
  // The gender when the records agree by at least two to one, else unknown ("Andrea").
  Gender gender() const {
    if (male > 2 * female) return Gender::kMale;
    if (female > 2 * male) return Gender::kFemale;
    return Gender::kUnknown;
  }
};

struct AttributionRule {
  std::string id;
  int priority = 0;
  double confidence = 0.9;
  std::string source;  // the pattern as written
  std::string file;
  size_t line = 0;
  std::vector<std::string> examples;  // sentences that must match
  std::vector<size_t> example_lines;  // the line of each in `file`, for a problem with it
  std::string regex;                  // compiled form over class symbols
  std::vector<int> speaker_groups;    // capture groups of SPEAKER parts (alternatives)
  std::vector<int> cue_groups;        // capture groups of each CUE, in pattern order
  std::vector<int> content_groups;    // capture groups of CONTENT parts (reported rules)
  bool continues = false;             // `continue = yes`: speaker from the previous quote
  bool reported = false;              // `reported = yes`: reported speech (reported_speech.h)
  bool object_cues = true;            // `object-cues = no`: cues tagged @object do not count
  bool only_object_cues = false;      // `object-cues = only`: only cues tagged @object count
  bool listener_cues = true;          // `listener-cues = no`: cues tagged @listener do not count
  int program_size = 0;               // RE2 instructions of its compiled regex
};

// Over this many RE2 instructions a rule is reported by `rules check` (rules/README.md): each
// DFA state RE2 builds costs time in proportion, and text it has not seen needs new states.
inline constexpr int kRuleProgramBudget = 10000;

// Token classes of the pattern language. Each token of a window gets exactly one symbol;
// a class is the set of symbols it accepts.
enum class TokenClass : char {
  kQuote = 'Q',       // the quote being attributed
  kOtherQuote = 'q',  // any other quote in the window
  kCue = 'C',
  kName = 'N',   // a capitalised word that may be part of a name
  kTitle = 'T',  // title or role word (spokesperson, President, Mr)
  kPronoun = 'P',
  kDeterminer = 'D',  // words that start a role description (a, the, former, senior)
  kParticle = 'k',    // name particles (von, der, bin, al)
  kWord = 'w',        // any other word
  kComma = ',',
  kColon = ':',
  kPeriod = '.',  // sentence-final . ? !
  kDash = '-',
  kOpenParen = '(',
  kCloseParen = ')',
  kPunct = 'p',  // any other punctuation
};

// What the lexicons and the patterns' literals say of one lower-case word, in one lookup.
struct WordFacts {
  char32_t literal = 0;  // LiteralSymbol
  char lexicon = 'w';    // LexiconSymbol (rule_pattern.h)
  bool not_name = false;
};

class RuleSet {
 public:
  struct LoadResult;
  // Loads and checks every file of `dir`. On any problem, `rules` is null.
  static LoadResult Load(const std::string& dir);
  ~RuleSet();
  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;

  const SentenceSplitter& splitter() const { return *splitter_; }
  // A number no other RuleSet of this process has: caches keyed by it never outlive their rules
  // (an address may be reused by the next RuleSet loaded).
  uint64_t serial() const { return serial_; }
  const std::vector<AttributionRule>& rules() const { return rules_; }
  // The rule's pattern as group 1 of an expression to match with RE2::ANCHOR_START: "(?s:.)*?(P)"
  // finds what an unanchored search for P finds, but anchored RE2 needs no reverse DFA to find
  // where the match starts: half the automata to build on text it has not seen.
  const re2::RE2& regex(size_t rule) const { return prefilter_->GetRE2(static_cast<int>(rule)); }
  // Which rules may match a window: FilteredRE2 over the rules' patterns (ids are rule
  // indexes) and the atoms (lower-case strings) whose presence it needs to know.
  const re2::FilteredRE2& prefilter() const { return *prefilter_; }
  const std::vector<std::string>& atoms() const { return atoms_; }
  // The rules marked `reported = yes` (reported_speech.h), kept apart from the quote rules:
  // their own prefilter and atoms, and each regex the pattern alone as group 1, to match
  // unanchored (reported patterns end at END, so RE2 can search from the end).
  const std::vector<AttributionRule>& reported_rules() const { return reported_rules_; }
  const re2::RE2& reported_regex(size_t rule) const {
    return reported_prefilter_->GetRE2(static_cast<int>(rule));
  }
  const re2::FilteredRE2& reported_prefilter() const { return *reported_prefilter_; }
  const std::vector<std::string>& reported_atoms() const { return reported_atoms_; }
  // Runs of capitalised words (with particles) anywhere in a text: candidate person names
  // (see name_run.h).
  const NameRunFinder& name_finder() const { return *name_finder_; }

  // Lower-case lexicon lookups; multi-word entries are joined by single spaces.
  // "mr.", "u.s.": a word with its period that does not end a sentence.
  bool IsAbbreviation(const std::string& lower) const { return abbreviations_.count(lower) > 0; }
  bool IsCue(const std::string& lower) const { return cues_.count(lower) > 0; }
  // A cue that reports speech: not tagged @thought in cues.txt ("wondered" attributes a quote
  // but reports nothing).
  bool ReportsSpeech(const std::string& lower) const {
    return cues_.count(lower) > 0 && thought_cues_.count(lower) == 0;
  }
  // A cue whose object is a thing or a person, not a bare clause (tagged @object: "praised the
  // plan", "denied the report"); rules with `object-cues = no` do not take it.
  bool TakesObject(const std::string& lower) const { return object_cues_.count(lower) > 0; }
  // A cue whose object is asked and answers (tagged @question: "asked Keller").
  bool AsksObject(const std::string& lower) const { return question_cues_.count(lower) > 0; }
  // A cue whose object is the listener, not what was said (tagged @listener: "told reporters");
  // rules with `listener-cues = no` do not take it.
  bool TakesListener(const std::string& lower) const { return listener_cues_.count(lower) > 0; }
  // The first word of a cue that reports speech ("according" of "according to").
  bool StartsReportingCue(const std::string& lower) const {
    return reporting_cue_starts_.count(lower) > 0;
  }
  bool IsTitle(const std::string& lower) const { return titles_.count(lower) > 0; }
  bool IsDeterminer(const std::string& lower) const { return determiners_.count(lower) > 0; }
  // "a", "one", "another" (tagged @unnamed): a description they start is a new, unnamed person.
  bool IsUnnamedDeterminer(const std::string& lower) const {
    return unnamed_determiners_.count(lower) > 0;
  }
  // "the", "his", "this" (tagged @article): a cue word after one is a noun ("the report").
  bool IsArticle(const std::string& lower) const { return articles_.count(lower) > 0; }
  bool IsParticle(const std::string& lower) const { return particles_.count(lower) > 0; }
  // "was", "has", "would": may stand between a speaker and a cue, never inside a description.
  bool IsAuxiliary(const std::string& lower) const { return auxiliaries_.count(lower) > 0; }
  // "memoir", "show", "titled": introduces the title of a work ("her memoir, “Tough Choices”").
  bool IsWorkNoun(const std::string& lower) const { return work_nouns_.count(lower) > 0; }
  bool IsNotName(const std::string& lower) const { return not_names_.count(lower) > 0; }
  // Given names (given_names.txt), keyed by FoldName: how many of the lexicon's languages
  // record each gender. Null for a word that is no given name.
  const GivenName* FindGivenName(const std::string& folded) const;
  // Whether two folded given names are one name (nicknames.txt): equal, one a familiar form of
  // the other ("ben", "benjamin"), or both familiar forms of one name ("bill", "will").
  bool SameGivenName(const std::string& a, const std::string& b) const;
  // "authority", "foundation", "times" (organisations.txt): a name ending in one is no person.
  bool IsOrganisationHead(const std::string& lower) const {
    return organisation_heads_.count(lower) > 0;
  }
  // "ohio", "new hampshire" (places.txt) and the English names of ICU's countries, lower case.
  bool IsPlace(const std::string& lower) const { return places_.count(lower) > 0; }
  // A title, determiner, not-a-name word, cue or pronoun: a word that ends a run of names
  // ("Finnish President Anna Keller" holds "Anna Keller"). Read off Facts: one lookup.
  bool BreaksName(const std::string& lower) const;
  const PronounEntry* Pronoun(const std::string& lower) const;
  // The pronoun a possessive determiner stands for ("his" → he; determiners.txt's @of=), or null.
  const PronounEntry* PossessiveOf(const std::string& lower) const;
  Gender TitleGender(const std::string& lower) const;
  // The title a short form stands for ("sen" → "senator", titles.txt's @means=), else `lower`.
  const std::string& TitleMeaning(const std::string& lower) const;
  // A public figure's position (titles.txt's @figure: "senator", "nominee"), by which an article
  // may refer back to the person it is about; not "spokesman" or "voter", who are someone else.
  bool IsFigureTitle(const std::string& lower) const { return figure_titles_.count(lower) > 0; }
  // "statement", "email", "release" (speech_nouns.txt): a text or utterance whose author speaks
  // through it ("the statement said").
  bool IsSpeechNoun(const std::string& lower) const { return speech_nouns_.count(lower) > 0; }
  // Function words (stop_words.txt): never the content a paraphrase shares with a quote.
  bool IsStopWord(const std::string& lower) const { return stop_words_.count(lower) > 0; }
  // Longest multi-word entry (in words) among all lexicons and literals.
  size_t max_phrase_words() const { return max_phrase_words_; }
  // Most words in a multi-word cue, title, determiner or literal that starts with the word
  // `lower`; 0 when none does. Attribution tries phrases only where one may start.
  size_t PhraseWordsFrom(const std::string& lower) const;
  // All of the above for one word (attribution classifies every word of every window).
  const WordFacts& Facts(const std::string& lower) const;
  // Symbol for a literal word used in patterns, or 0 (a byte or a code point: rule_pattern.h).
  char32_t LiteralSymbol(const std::string& lower) const;
  // Symbol for a literal word that only reported rules use ("that"), or 0. Quote windows read
  // it as the word it is, so reported rules never change how a quote is attributed.
  char32_t ReportedLiteralSymbol(const std::string& lower) const {
    auto it = reported_literals_.find(lower);
    return it == reported_literals_.end() ? 0 : it->second;
  }
  // Calibrated confidence by rule and mention type (confidence.txt); empty when the folder has
  // no confidence.txt, and then each rule's `confidence =` constant is used.
  const ConfidenceTable& confidence() const { return confidence_; }

 private:
  friend class RuleLoader;
  RuleSet();

  uint64_t serial_;
  std::unique_ptr<SentenceSplitter> splitter_;
  std::unordered_set<std::string> abbreviations_, cues_, titles_, determiners_,
      unnamed_determiners_, articles_, particles_, auxiliaries_, work_nouns_, not_names_,
      organisation_heads_, places_, speech_nouns_, thought_cues_, object_cues_, listener_cues_,
      reporting_cue_starts_, stop_words_;
  std::unordered_map<std::string, GivenName> given_names_;
  std::unordered_map<std::string, std::vector<std::string>> formal_names_;  // nickname → names
  std::unordered_map<std::string, PronounEntry> pronouns_;
  std::unordered_map<std::string, std::string> possessive_of_;  // determiner → pronoun
  std::unordered_map<std::string, Gender> title_gender_;
  std::unordered_map<std::string, std::string> title_meaning_;
  std::unordered_set<std::string> figure_titles_, question_cues_;
  std::unordered_map<std::string, char32_t> literals_, reported_literals_;
  std::unordered_map<std::string, size_t> phrase_words_;  // see PhraseWordsFrom
  std::unordered_map<std::string, WordFacts> facts_;      // see Facts
  size_t max_phrase_words_ = 1;
  std::vector<AttributionRule> rules_;
  std::unique_ptr<re2::FilteredRE2> prefilter_;
  std::vector<std::string> atoms_;
  std::vector<AttributionRule> reported_rules_;
  std::unique_ptr<re2::FilteredRE2> reported_prefilter_;
  std::vector<std::string> reported_atoms_;
  std::unique_ptr<NameRunFinder> name_finder_;
  ConfidenceTable confidence_;
};

struct RuleSet::LoadResult {
  std::unique_ptr<const RuleSet> rules;
  std::vector<RuleProblem> problems;
  std::vector<RuleProblem> warnings;  // the rules load, but something deserves a look
};

}  // namespace saidby
