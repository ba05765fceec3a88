package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.render.EnvFileWarning;
import dev.runner.cli.render.ValidationReport;
import dev.runner.config.InvalidConfigException;
import dev.runner.config.RunnerConfig;
import dev.runner.engine.Json;
import dev.runner.query.PassedAt;
import dev.runner.query.ValidationJson;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check tasks_config.json and .env; list every problem as FILE:LINE:COLUMN: task.field.",
      "Exit 0 when valid, 2 when not."
    })
final class ValidateCommand implements Callable<Integer> {

  @ParentCommand RunnerCommand root;

  @Option(names = "--json", description = "Print {\"valid\": ..., \"problems\": [...]}.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Invocation inv = root.invocation();
    List<String> fileWarnings =
        EnvFileWarning.of(root.session().home().envFile()).stream().toList();
    try {
      RunnerConfig config = root.session().config();
      if (!config.invalid().isEmpty()) {
        throw new InvalidConfigException(config.problems()); // the others run, but say them all
      }
      List<String> warnings = new ArrayList<>(fileWarnings);
      warnings.addAll(
          ValidationReport.warnings(config, PassedAt.find(config, inv.clock().instant())));
      if (json) {
        inv.out()
            .println(
                Json.pretty(ValidationJson.of(true, config.tasks().size(), List.of(), warnings)));
      } else {
        warnings.forEach(w -> inv.err().println("warning: " + w));
        inv.out().println(ValidationReport.ok(config));
      }
      return ExitCode.OK;
    } catch (InvalidConfigException e) {
      if (!json) {
        fileWarnings.forEach(w -> inv.err().println("warning: " + w));
        throw e;
      }
      inv.out().println(Json.pretty(ValidationJson.of(false, null, e.problems(), fileWarnings)));
      return ExitCode.USAGE;
    }
  }
}
