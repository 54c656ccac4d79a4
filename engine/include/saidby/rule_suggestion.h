// Rule suggestions: what a rules folder lacks, mined from the gold rows that extraction missed
// (`saidby rules suggest`), in the spirit of bootstrapped pattern learning (Quootstrap).
//
// Each gold row comes judged (found: its span matched and its speaker agreed) and located in
// its document. Around every row, the words of its sentence(s) outside any quote, up to
// `reach` on either side, are its context. Three lists come out:
//   cues    words not in cues.txt, grouped by their Snowball stem ("noted", "notes"), scored by
//           how much more often they stand next to missed rows than next to found ones: a
//           missed row counts 1 − p0 and a found one −p0, p0 the share of rows missed, so a word
//           as common beside either ("the", "campaign") scores about 0;
//   titles  lower-case role nouns not in titles.txt: the head of a described gold speaker ("a
//           party strategist") and the words just before a named one, scored the same way;
//   drafts  for missed quotes whose window no pattern matches and that name their gold speaker,
//           the window's classes from the quote to the speaker, one token beyond, as a
//           patterns.txt rule; a draft shared by `min_misses` quotes or more is kept.
// Pure: reads the RuleSet, writes nothing; deterministic (ties go by text).
// Cost: linear in the context words, plus one window built and matched per missed quote.
//
// Example:
//   Suggestions s = SuggestRules(rules, docs, cases, {});
//   for (const SuggestedWord& c : s.cues) print(c.forms, c.missed, c.example);
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "saidby/document.h"
#include "saidby/rule_set.h"

namespace saidby {

// One gold row, judged and located.
struct SuggestCase {
  size_t doc = 0;                // index into the documents given
  std::optional<TextSpan> span;  // its words in the document's text; none: not found there
  std::string speaker;           // the gold speaker (`*`, `UNKNOWN` name no one)
  bool reported = false;         // reported speech: the span is its content, no quote marks
  bool found = false;            // the extraction got it right
};

struct SuggestOptions {
  size_t reach = 8;       // context words on either side of a row
  size_t min_misses = 2;  // a suggestion stands next to at least this many missed rows
  size_t max_cues = 20;   // how many of each list to keep
  size_t max_phrases = 10;
  size_t max_titles = 20;
  size_t max_drafts = 10;
  size_t max_examples = 3;  // examples of a draft rule
};

struct SuggestedWord {
  std::string word;                // the form seen most often next to missed rows
  std::vector<std::string> forms;  // every form of its stem seen in the contexts, not yet listed
  size_t missed = 0;               // missed rows it stands next to
  size_t found = 0;                // found rows it stands next to
  double score = 0;
  std::string example_doc;
  std::string example;  // the context of its first missed row, the row's words shortened
};

struct DraftRule {
  std::string pattern;                // patterns.txt syntax
  std::string classes;                // its first window's tokens as `--explain` prints them
  size_t missed = 0;                  // missed quotes whose window it matches
  std::vector<std::string> examples;  // their windows' text
  std::vector<std::string> example_docs;
};

struct Suggestions {
  size_t rows = 0, missed = 0, located = 0;  // gold rows; missed; found in their text
  size_t draft_windows = 0;  // missed quotes no pattern matches whose speaker is in the window
  std::vector<SuggestedWord> cues;
  std::vector<SuggestedWord> phrases;  // two-word cues ("pointed out") that beat their words
  std::vector<SuggestedWord> titles;
  std::vector<DraftRule> drafts;
};

// `docs`: every document the cases name, with sentences (MakeDocument).
Suggestions SuggestRules(const RuleSet& rules, const std::vector<Document>& docs,
                         const std::vector<SuggestCase>& cases, const SuggestOptions& options = {});

}  // namespace saidby
