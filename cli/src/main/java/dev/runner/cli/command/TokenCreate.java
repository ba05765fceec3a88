package dev.runner.cli.command;

import dev.runner.access.Scope;
import dev.runner.access.TokenSecret;
import dev.runner.cli.ExitCode;
import dev.runner.cli.Invocation;
import dev.runner.cli.RunnerCommand;
import dev.runner.cli.UsageException;
import dev.runner.cli.render.Times;
import dev.runner.config.Suggest;
import dev.runner.store.WebToken;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code runner token create NAME --scope S}: the token alone on stdout, once, so {@code
 * TOKEN=$(runner token create ci --scope run)} keeps it; how to use it on stderr. Only its SHA-256
 * is stored.
 */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Make an API token and print it once (stdout; it is not kept, only its SHA-256 is).",
      "read: GETs only; run: also run, cancel, backfill, enable and disable; admin: everything."
    })
final class TokenCreate implements Callable<Integer> {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "NAME",
      description = "A name for it: letters, digits, . _ - (ci, phone).")
  String name;

  @Option(
      names = "--scope",
      required = true,
      paramLabel = "read|run|admin",
      description = "What it may do.")
  String scope;

  @Override
  public Integer call() throws Exception {
    RunnerCommand root = (RunnerCommand) spec.root().userObject();
    Invocation inv = root.invocation();
    if (!NAME.matcher(name).matches()) {
      throw new UsageException(
          "token name \""
              + name
              + "\": use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    Scope chosen;
    try {
      chosen = Scope.of(scope);
    } catch (IllegalArgumentException e) {
      String hint = Suggest.didYouMean(scope, Scope.words());
      throw new UsageException("--scope: " + e.getMessage() + (hint == null ? "" : "; " + hint));
    }
    String token = TokenSecret.generate(new SecureRandom());
    WebToken row =
        new WebToken(name, chosen.word(), TokenSecret.hash(token), inv.clock().instant(), null);
    Optional<WebToken> taken =
        root.session()
            .read(
                store -> {
                  if (!store.addToken(row)) {
                    return store.tokens().stream().filter(t -> t.name().equals(name)).findFirst();
                  }
                  TokenAudit.record(store, inv, "token create", name, 201);
                  return Optional.empty();
                });
    if (taken.isPresent()) {
      throw new UsageException(
          "a token named "
              + name
              + " exists (scope "
              + taken.get().scope()
              + ", created "
              + Times.iso(taken.get().createdAt(), root.session().settings().settings().zone())
              + "); choose another name, or `runner token revoke "
              + name
              + "` first");
    }
    inv.out().println(token);
    inv.err()
        .println(
            "token "
                + name
                + " (scope "
                + chosen.word()
                + ") made; it is shown this once. Send it as: Authorization: Bearer <token>");
    return ExitCode.OK;
  }
}
