package dev.runner.cli.command;

import dev.runner.cli.ExitCode;
import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.Session;
import dev.runner.cli.render.EnvFileWarning;
import dev.runner.config.RunnerConfig;
import dev.runner.web.WebServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "web",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the web console (open the URL in a browser) and the REST API for a home that cron's",
      "tick drives.",
      "Reads as list, history, stats and status --json do; POST /api/v1/tasks/NAME/run starts",
      "a run at once, claimed as a tick claims one. On loopback no login is needed; any other",
      "address (or RUNNER_WEB_TRUST_PROXY=1) needs RUNNER_WEB_PASSWORD in .env or an API token",
      "(runner token create) and refuses to start without one.",
      "The config is read again when it changes; SIGTERM or Ctrl-C stops it cleanly.",
      "The first line on stdout is its URL: runner web: http://127.0.0.1:8080/"
    })
final class WebCommand implements Callable<Integer> {

  @ParentCommand RunnerCommand root;

  @Option(
      names = "--listen",
      paramLabel = "HOST:PORT",
      defaultValue = "127.0.0.1:8080",
      description =
          "Where to listen (default: ${DEFAULT-VALUE}); port 0 takes any free port. On a"
              + " non-loopback address every request must log in; TLS is a reverse proxy's.")
  String listen;

  @Override
  public Integer call() throws Exception {
    Invocation inv = root.invocation();
    Session session = root.session();
    RunnerConfig settings = session.settings();
    new EnvFileWarning(settings.home().dir()).sayOnce(settings.home().envFile(), inv.err());
    WebServer server = WebStart.start(session, inv, listen);
    // SIGTERM and SIGINT run the hook: requests end, runs are recorded, then the JVM may end.
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "runner-web-stop"));
    server.awaitStopped();
    return ExitCode.OK;
  }
}
