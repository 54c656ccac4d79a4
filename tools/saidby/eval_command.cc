#include "eval_command.h"

#include "commands.h"

namespace saidby::cli {

void AddEvalOptions(CLI::App& app, EvalFlags& flags) {
  app.add_option("--gold", flags.gold, "Gold annotations (doc,speaker,quote,kind,cue)")->required();
  app.add_option("paths", flags.paths, "Articles: files or folders")->required();
  app.add_option("--min-f1", flags.min_f1, "Exit 3 when the pair F1 is below X");
  app.add_option("--format", flags.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  app.add_option("--rules", flags.rules_dir, "Rules folder to use instead of the shipped rules");
}

int RunEval(const EvalFlags&) { return kUsage; }

}  // namespace saidby::cli
