// _saidby: the engine for Python (pybind11), wrapped by saidby/__init__.py. Rules(path) loads a
// rules folder once; Rules.extract(text, doc_id, source) returns one dict per row, the fields of
// `saidby extract` with offsets in code points (what a Python str indexes), and releases the
// GIL while it extracts, so threads extract in parallel. Problems become Python exceptions: a
// broken rules folder ValueError (every problem, file:line:column), text that cannot be
// extracted ValueError.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <optional>
#include <string>

#include "saidby/extractor.h"
#include "saidby/rule_set.h"
#include "saidby/version.h"

namespace py = pybind11;

namespace {

class PyRules {
 public:
  explicit PyRules(std::string dir) : dir_(std::move(dir)) {
    saidby::RuleSet::LoadResult loaded = saidby::RuleSet::Load(dir_);
    if (!loaded.rules) {
      std::string message = "cannot load rules from " + dir_ + ":";
      for (const saidby::RuleProblem& p : loaded.problems) message += "\n  " + p.ToString();
      throw py::value_error(message);
    }
    rules_ = std::move(loaded.rules);
  }

  py::list Extract(std::string text, std::string doc_id, std::string source, bool keep_scare,
                   bool direct_only) const {
    py::list rows;
    // An empty text holds no quote; the engine reports it as an unreadable file.
    if (text.empty()) return rows;
    saidby::ExtractOptions options;
    options.keep_scare = keep_scare;
    options.reported = !direct_only;
    options.offsets = saidby::OffsetUnit::kChars;
    saidby::Result<saidby::ArticleQuotes> r = [&] {
      py::gil_scoped_release release;
      return saidby::Extractor(*rules_, options)
          .Extract({std::move(doc_id), std::move(source), std::move(text)});
    }();
    if (!r.ok()) throw py::value_error(r.status().message());
    for (const saidby::QuoteRecord& q : r.value().quotes) rows.append(Row(q));
    return rows;
  }

  const std::string& dir() const { return dir_; }

 private:
  static py::object Offset(const std::optional<saidby::TextSpan>& span, bool end) {
    if (!span) return py::none();
    return py::int_(end ? span->end : span->begin);
  }

  static py::dict Row(const saidby::QuoteRecord& q) {
    py::dict d;
    d["source"] = q.source;
    d["doc"] = q.doc;
    d["quote_id"] = q.quote_id;
    d["start"] = q.start;
    d["end"] = q.end;
    d["kind"] = q.kind;
    d["speaker"] = q.speaker;
    d["mention"] = q.mention;
    d["cue"] = q.cue;
    d["rule"] = q.rule;
    d["confidence"] = q.confidence;
    d["quote"] = q.quote;
    d["pass"] = q.pass;
    d["mention_start"] = Offset(q.mention_span, false);
    d["mention_end"] = Offset(q.mention_span, true);
    d["cue_start"] = Offset(q.cue_span, false);
    d["cue_end"] = Offset(q.cue_span, true);
    return d;
  }

  std::string dir_;
  std::unique_ptr<const saidby::RuleSet> rules_;
};

}  // namespace

PYBIND11_MODULE(_saidby, m) {
  m.doc() = "saidby: find quotations in news articles and who said them";
  m.attr("__version__") = SAIDBY_VERSION;
  m.attr("INSTALLED_RULES_DIR") = SAIDBY_INSTALLED_RULES_DIR;
  m.attr("SOURCE_RULES_DIR") = SAIDBY_SOURCE_RULES_DIR;
  py::class_<PyRules>(m, "Rules")
      .def(py::init<std::string>(), py::arg("path"))
      .def("extract", &PyRules::Extract, py::arg("text"), py::arg("doc_id") = "",
           py::arg("source") = "", py::arg("keep_scare") = false, py::arg("direct_only") = false)
      .def_property_readonly("path", &PyRules::dir)
      .def("__repr__", [](const PyRules& r) { return "saidby.Rules('" + r.dir() + "')"; });
}
