// consumer TEXT: extracts the quotes of TEXT with the installed rules and prints one line per
// quote, "speaker<TAB>quote<TAB>start<TAB>end", then the library's version on the last line.
#include <saidby/extractor.h>
#include <saidby/rule_set.h>
#include <saidby/version.h>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: consumer TEXT\n";
    return 2;
  }
  saidby::RuleSet::LoadResult loaded = saidby::RuleSet::Load(SAIDBY_RULES_DIR);
  if (!loaded.rules) {
    for (const saidby::RuleProblem& p : loaded.problems) std::cerr << p.ToString() << "\n";
    return 2;
  }
  saidby::Extractor extractor(*loaded.rules, saidby::ExtractOptions{});
  saidby::Result<saidby::ArticleQuotes> r = extractor.Extract({"doc", "consumer", argv[1]});
  if (!r.ok()) {
    std::cerr << "consumer: " << r.status().message() << "\n";
    return 1;
  }
  for (const saidby::QuoteRecord& q : r.value().quotes) {
    std::cout << q.speaker << "\t" << q.quote << "\t" << q.start << "\t" << q.end << "\n";
  }
  std::cout << "saidby " << SAIDBY_VERSION << "\n";
  return 0;
}
