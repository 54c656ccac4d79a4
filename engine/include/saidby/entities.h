// Entities: the people, organisations and places an article names, each with its mentions.
//
// Every capitalised name of the document (quoted or not) is a mention. Leading words that only
// modify a person's name are dropped ("Harbour Herald Anna Keller" → "Anna Keller": the name
// starts at the first given name); a possessive and a suffix ("Jr.") are removed. Mentions are
// linked into entities: full names by their words; a surname or a first name alone to the full
// name that has it (of several, the one the article introduced first, a title-case headline
// not counting; never across genders: "Mr. Keller" is not Anna Keller); an acronym to the
// organisation it abbreviates. Type
// and gender come from the lexicons (given_names, organisations, places, titles); a title
// before a name ("Mr", "Senator") makes it a person. Pronouns are resolved to the most salient
// compatible entity: the current sentence first, then earlier sentences, subjects first.
// Cost: linear in the document plus the names it holds. Pure function of its inputs; owns its
// entities and mentions, and refers to the Document only through offsets.
//
// Example:
//   DocumentEntities e = FindEntities(doc, scan, rules);
//   size_t who = e.Antecedent(*rules.Pronoun("she"), pos);
//   if (who != DocumentEntities::npos) std::string name = e.entities()[who].name;
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "saidby/document.h"
#include "saidby/quote_span.h"
#include "saidby/rule_set.h"

namespace saidby {

enum class EntityType { kOther, kPerson, kOrganisation, kPlace };

struct Entity {
  std::string name;  // the fullest form the article gives, middle initials removed
  EntityType type = EntityType::kOther;
  Gender gender = Gender::kUnknown;
  // From a title or honorific, or a given name recorded for that gender only ("Susan"), not
  // from a name also given to the other ("Jan").
  bool gender_certain = false;
  // A person only because it speaks, one word with no given name, title or role ("Twitter
  // said", "Keller said"): "it", "they" and "the company" may refer to it too.
  bool maybe_organisation = false;
  size_t mentions = 0;
  // What the text calls it where it names it, sorted: titles in full form ("senator" for
  // "Sen."), an appositive's head ("tycoon").
  std::vector<std::string> roles;
};

struct EntityMention {
  TextSpan span;     // the name, modifiers and possessive left out: "Anna Keller"
  TextSpan written;  // the capitalised words it was found in: "Harbour Herald Anna Keller"
  size_t entity = 0;
  size_t sentence = 0;    // ordinal of the sentence holding it (see FindEntities)
  bool subject = false;   // opens its sentence or clause, or a speech cue follows it
  bool in_quote = false;  // inside a quotation: never an antecedent
  bool asked = false;     // the object of a question cue ("Keller asked Osei"): who answers
};

class EntityFinder;

// A mention that names no one but describes them: "the Florida senator", "the company", "her
// statement".
struct Description {
  std::vector<std::string> roles;         // its titles in full form ("senator"), or its head noun
  std::string head;                       // its last word, lower case ("company")
  EntityType type = EntityType::kPerson;  // kOther: a person or an organisation (a statement's)
  Gender gender = Gender::kUnknown;       // from a title ("congresswoman")
  bool salient = false;  // with no entity of its role, the most salient of its type will do
};

class DocumentEntities {
 public:
  static constexpr size_t npos = static_cast<size_t>(-1);

  const std::vector<Entity>& entities() const { return entities_; }
  const std::vector<EntityMention>& mentions() const { return mentions_; }

  // The entity of the name written exactly at `name` (a possessive may follow), or npos.
  size_t EntityOfName(TextSpan name) const;
  // The entity a pronoun (or a definite description) at `pos` refers to: a person of its gender
  // for he/she, an organisation for they or when `organisation` is set; mentions inside quotes
  // never. Among the mentions of the pronoun's sentence and the kMaxSentencesBack before it,
  // latest sentence first and each read left to right: a subject of the last kRecentSentences
  // (of the pronoun's gender, then of a gender read only off a given name), a subject of an
  // older one, `preferred` (the previous quote's speaker) if it fits, the latest that fits.
  // Never `excluded`: the object of the pronoun's own verb ("he told Keller"). npos when none
  // fits.
  size_t Antecedent(const PronounEntry& pronoun, size_t pos, bool organisation,
                    size_t preferred = npos, size_t excluded = npos) const;

  // The entity a description at `pos` refers to: the latest mentioned before it (at most
  // kMaxRoleMentionsBack mentions back) that the text gave one of its roles, or, for an
  // organisation, whose name holds its head word ("the ministry"); else, if `d.salient`, the
  // most salient entity of its type, as for a pronoun. npos when none.
  size_t Described(const Description& d, size_t pos, size_t preferred = npos) const;

  static constexpr size_t kMaxRoleMentionsBack = 1024;
  static constexpr size_t kMaxSentencesBack = 4;
  static constexpr size_t kRecentSentences = 3;  // the pronoun's sentence and the two before
  static constexpr size_t kMaxMentionsBack = 256;

 private:
  friend class EntityFinder;
  size_t MentionsBefore(size_t pos) const;  // how many mentions start before `pos`
  // Antecedent's search, for any test of fit: fits(entity, relaxed).
  template <typename Fits>
  size_t MostSalient(size_t pos, const Fits& fits, size_t preferred) const;

  std::vector<Entity> entities_;
  std::vector<EntityMention> mentions_;  // in document order
  // Byte offsets, ascending; a sentence that starts inside a quotation does not count, so the
  // look-back is in narrative sentences.
  std::vector<size_t> sentence_starts_;
};

// Candidates compared so far on this thread by linking and pronoun resolution (work counted
// where it happens, for tests that it grows linearly; AttributionWork includes it).
uint64_t EntityWork();

// REQUIRES: `doc` valid (MakeParagraphs or MakeDocument), `scan` its quote spans.
DocumentEntities FindEntities(const Document& doc, const QuoteScan& scan, const RuleSet& rules);

}  // namespace saidby
