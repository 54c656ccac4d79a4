// saidby: command-line entry point. Flags are read here, once, into plain structs; each
// subcommand lives in its own file and returns the exit status (see commands.h).
#include <fcntl.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <iostream>

#include "commands.h"
#include "compare_command.h"
#include "diff_command.h"
#include "eval_command.h"
#include "saidby/version.h"
#include "suggest_command.h"

namespace {

// A closed fd 0-2 would be taken by the next file opened, and an output file on fd 2 would
// receive the error messages: hold each closed one with /dev/null before opening anything.
void OpenClosedStandardFds() {
  for (int fd = 0; fd <= 2; ++fd) {
    // open() takes the lowest free fd: this one, as the lower ones are open by now.
    if (::fcntl(fd, F_GETFD) == -1 && errno == EBADF) ::open("/dev/null", O_RDWR);
  }
}

}  // namespace

int main(int argc, char** argv) {
  using namespace saidby::cli;
  OpenClosedStandardFds();
  auto logger = spdlog::stderr_logger_mt("saidby");
  logger->set_pattern("saidby: %l: %v");
  spdlog::set_default_logger(logger);

  CLI::App app{"saidby: find quotations in news articles and who said them", "saidby"};
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "Help for every subcommand");
  app.set_version_flag("--version", std::string("saidby ") + SAIDBY_VERSION);

  ExtractFlags ex;
  CLI::App* extract =
      app.add_subcommand("extract", "One row per quote: CSV (default) or JSON Lines");
  extract->add_option("paths", ex.paths,
                      "Files or folders (*.txt, *.html, *.htm, *.jsonl, *.ndjson, recursive); "
                      "none or '-': JSON Lines on stdin");
  extract->add_option("-o,--output", ex.output, "Write to FILE instead of stdout");
  extract->add_option("--format", ex.format, "csv or jsonl")
      ->check(CLI::IsMember({"csv", "jsonl"}));
  extract->add_option("--rules", ex.rules_dir, "Rules folder to use instead of the shipped rules");
  extract->add_option("-j,--jobs", ex.jobs, "Threads (default: all cores)")
      ->check(CLI::Range(1, 1024));
  extract->add_option("--source", ex.source, "Outlet label for every article");
  extract->add_flag("--keep-scare", ex.keep_scare, "Also report scare quotes (kind 'scare')");
  extract->add_flag("--direct-only", ex.direct_only,
                    "Quotes only: leave out reported speech (kind 'reported')");
  extract->add_flag("--explain", ex.explain,
                    "Add an 'explain' column: rules weighed and why the winner won");
  extract->add_option("--max-doc-bytes", ex.max_doc_bytes, "Skip (and report) larger articles")
      ->check(CLI::PositiveNumber);
  extract->add_flag("-q,--quiet", ex.quiet, "No warnings on stderr (errors are still reported)");
  extract
      ->add_option("--offsets", ex.offsets,
                   "bytes (of the UTF-8 text, the default) or chars (Unicode code points, "
                   "as Python indexes a str)")
      ->check(CLI::IsMember({"bytes", "chars"}));
  extract->add_flag("--with-text", ex.with_text,
                    "With --format jsonl: each row carries its document's text, the text the "
                    "offsets index (of HTML: the text extracted)");
  extract->add_option("--encoding", ex.encoding,
                      "Read every article file as this encoding (ICU name: windows-1252, "
                      "ISO-8859-1, Shift_JIS, ...) instead of detecting it");

  EvalFlags ev;
  CLI::App* eval = app.add_subcommand("eval", "Compare extraction with gold annotations");
  AddEvalOptions(*eval, ev);

  CompareFlags cmp;
  CLI::App* compare =
      app.add_subcommand("compare", "Who is quoted where, and who changed the words");
  AddCompareOptions(*compare, cmp);

  DiffFlags df;
  CLI::App* diff = app.add_subcommand(
      "diff", "What a rule change did: two outputs row by row, judged against gold with --gold");
  AddDiffOptions(*diff, df);

  CLI::App* rules = app.add_subcommand("rules", "Work with rule folders");
  rules->require_subcommand(1);
  std::string check_dir;
  CLI::App* check = rules->add_subcommand("check", "Load, compile and test a rules folder");
  check->add_option("dir", check_dir, "Rules folder (default: the shipped rules)");
  SuggestFlags sg;
  CLI::App* suggest = rules->add_subcommand(
      "suggest", "Cue words, title nouns and draft patterns that the gold rows missed point to");
  AddSuggestOptions(*suggest, sg);

  // Every usage text comes from the option table above (CLI11), so it cannot drift from the
  // flags: on a usage error, the reason, then the help of the command that was being parsed.
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "saidby: error: " << e.what() << "\n" << app.help();
    return kUsage;
  }
  if (extract->parsed()) return RunExtract(ex);
  if (eval->parsed()) return RunEval(ev);
  if (compare->parsed()) return RunCompare(cmp);
  if (diff->parsed()) return RunDiff(df);
  if (check->parsed()) return RunRulesCheck(check_dir.empty() ? DefaultRulesDir() : check_dir);
  if (suggest->parsed()) return RunSuggest(sg);
  return kUsage;
}
