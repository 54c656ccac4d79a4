// `saidby rules suggest`: what a rules folder lacks, mined from the gold rows `eval` finds
// missed (engine/include/saidby/rule_suggestion.h): cue words, title nouns and draft patterns,
// printed as lines to paste into cues.txt, titles.txt and patterns.txt (or as JSON). It never
// writes to a rules folder.
#pragma once

#include <CLI/CLI.hpp>

#include "eval_command.h"

namespace saidby::cli {

struct SuggestFlags {
  EvalFlags eval;  // --gold, --reported, --rules, --format and the articles
  size_t top = 20;
};

void AddSuggestOptions(CLI::App& app, SuggestFlags& flags);
int RunSuggest(const SuggestFlags& flags);

}  // namespace saidby::cli
