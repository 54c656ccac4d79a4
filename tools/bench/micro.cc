// saidby_bench: Google Benchmark micro-benchmarks of the hot stages, over the real articles of
// corpus/polnear-dev (loaded once; bytes/s are article bytes):
//   BM_Validate           the UTF-8 floor (ValidateText)
//   BM_QuoteScan          FindQuoteSpans over paragraphs already cut
//   BM_SentenceSplit      ICU sentence breaks of every paragraph (MakeDocument)
//   BM_RuleMatching       Attribute() of single quoted paragraphs: windows, classes, RE2 rules
//   BM_SpeakerResolution  whole-document Extract: names collected, mentions resolved
// Example: build-bench/saidby_bench --benchmark_filter=QuoteScan
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "saidby/attribution.h"
#include "saidby/document.h"
#include "saidby/extractor.h"
#include "saidby/quote_span.h"
#include "saidby/rule_set.h"

namespace {

const saidby::RuleSet& Rules() {
  static const saidby::RuleSet* rules = [] {
    saidby::RuleSet::LoadResult r = saidby::RuleSet::Load(SAIDBY_RULES_DIR);
    if (!r.rules) {
      std::fprintf(stderr, "saidby_bench: %s\n", r.problems.front().ToString().c_str());
      std::exit(2);
    }
    return r.rules.release();
  }();
  return *rules;
}

// The articles of corpus/polnear-dev, sorted by path.
const std::vector<std::string>& Articles() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::filesystem::path> paths;
    for (const auto& e : std::filesystem::directory_iterator(SAIDBY_CORPUS_DIR "/polnear-dev")) {
      if (e.path().extension() == ".txt") paths.push_back(e.path());
    }
    std::sort(paths.begin(), paths.end());
    std::vector<std::string> out;
    for (const auto& p : paths) {
      std::ifstream in(p, std::ios::binary);
      std::ostringstream s;
      s << in.rdbuf();
      out.push_back(s.str());
    }
    return out;
  }();
  return texts;
}

int64_t TotalBytes(const std::vector<std::string>& texts) {
  int64_t n = 0;
  for (const auto& t : texts) n += static_cast<int64_t>(t.size());
  return n;
}

// Single paragraphs that hold a quote: the unit the rule matcher works on.
const std::vector<std::string>& QuotedParagraphs() {
  static const std::vector<std::string> paras = [] {
    std::vector<std::string> out;
    for (const std::string& text : Articles()) {
      saidby::Result<saidby::Document> d = saidby::MakeParagraphs("p", "p", text);
      if (!d.ok()) continue;
      for (const saidby::TextSpan& p : d->paragraphs) {
        std::string para(d->slice(p));
        saidby::Result<saidby::Document> pd = saidby::MakeParagraphs("p", "p", para);
        if (pd.ok() && !saidby::FindQuoteSpans(pd.value()).spans.empty()) out.push_back(para);
      }
    }
    return out;
  }();
  return paras;
}

void BM_Validate(benchmark::State& state) {
  const auto& texts = Articles();
  for (auto _ : state) {
    for (const auto& t : texts) benchmark::DoNotOptimize(saidby::ValidateText(t).ok());
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes(texts));
}
BENCHMARK(BM_Validate);

void BM_QuoteScan(benchmark::State& state) {
  std::vector<saidby::Document> docs;
  for (const auto& t : Articles()) docs.push_back(saidby::MakeParagraphs("d", "s", t).value());
  for (auto _ : state) {
    for (const auto& d : docs) benchmark::DoNotOptimize(saidby::FindQuoteSpans(d).spans.size());
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes(Articles()));
}
BENCHMARK(BM_QuoteScan);

void BM_SentenceSplit(benchmark::State& state) {
  const auto& texts = Articles();
  for (auto _ : state) {
    for (const auto& t : texts) {
      benchmark::DoNotOptimize(saidby::MakeDocument("d", "s", t, Rules().splitter()).ok());
    }
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes(texts));
}
BENCHMARK(BM_SentenceSplit);

void BM_RuleMatching(benchmark::State& state) {
  std::vector<saidby::Document> docs;
  std::vector<saidby::QuoteScan> scans;
  for (const auto& p : QuotedParagraphs()) {
    docs.push_back(saidby::MakeDocument("p", "s", p, Rules().splitter()).value());
    scans.push_back(saidby::FindQuoteSpans(docs.back()));
  }
  for (auto _ : state) {
    for (size_t i = 0; i < docs.size(); ++i) {
      benchmark::DoNotOptimize(saidby::Attribute(docs[i], scans[i], Rules(), false).size());
    }
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes(QuotedParagraphs()));
  state.counters["paragraphs"] = static_cast<double>(docs.size());
}
BENCHMARK(BM_RuleMatching);

void BM_SpeakerResolution(benchmark::State& state) {
  const saidby::Extractor extractor(Rules(), saidby::ExtractOptions{});
  const auto& texts = Articles();
  for (auto _ : state) {
    for (const auto& t : texts) {
      benchmark::DoNotOptimize(extractor.Extract({"d", "s", t}).ok());
    }
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes(texts));
}
BENCHMARK(BM_SpeakerResolution);

}  // namespace

BENCHMARK_MAIN();
