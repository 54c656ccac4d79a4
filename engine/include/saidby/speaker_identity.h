// Speaker identity across documents: which speaker names of many articles are one person or
// organisation, so that compare counts each once. Names are normalised (case and accents
// folded, a possessive, a leading "the" or credit ("Fox's"), titles and honorifics, middle
// initials and "Jr." removed), then joined: a longer name to its first + last words when that name
// occurs, two full names whose given names are one name (nicknames.txt) when no other reading
// exists, and a surname alone to the full name that holds most of that surname's quotes. Aliases (a
// user's `alias,canonical` table) are applied first. Pure apart from ReadSpeakerAliases.
//
// Example:
//   SpeakerIdentityOptions o{.rules = &rules};
//   std::vector<std::string> who = CanonicalSpeakers({"Ms. Anna J. Keller", "Keller"}, o);
//   // who == {"Ms. Anna J. Keller", "Ms. Anna J. Keller"}: one person, the spelling given most
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "saidby/status.h"

namespace saidby {

class RuleSet;

struct SpeakerAlias {
  std::string alias;      // a name as extract writes it
  std::string canonical;  // the name to count it under
};

// Reads a CSV whose header is exactly `alias,canonical`; every error names FILE:LINE.
Result<std::vector<SpeakerAlias>> ReadSpeakerAliases(const std::string& path);

struct SpeakerIdentityOptions {
  // Titles, given names and nicknames; without rules only case, accents, "the", possessives
  // and initials are normalised.
  const RuleSet* rules = nullptr;
  std::vector<SpeakerAlias> aliases;
  // A surname alone joins the full name with at least this share of the quotes of all full
  // names ending in it (so "Trump" joins the one Trump quoted far more than the others).
  double surname_share = 0.8;
};

// The normalised words of one name, joined by spaces ("Sen. Anna J. Keller's" → "anna
// keller"); empty for an empty name.
std::string SpeakerKey(std::string_view name, const RuleSet* rules);

// The canonical display name for each input name (empty stays empty): the most frequent
// spelling of the group's most quoted full name, ties to the smallest in byte order.
std::vector<std::string> CanonicalSpeakers(const std::vector<std::string>& names,
                                           const SpeakerIdentityOptions& options = {});

}  // namespace saidby
