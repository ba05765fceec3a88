package dev.runner.cli.docs;

import dev.runner.cli.FullCommandLine;
import dev.runner.cli.Invocation;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Shell completion, generated from the command tree by picocli, with one addition of ours: where a
 * command takes a task's name, the names come from {@code runner list --names} of the home on the
 * command line. {@code completions/} holds the generated scripts; a test keeps them current.
 */
public final class Completion {

  private Completion() {}

  /** Commands whose first argument is a task name (here and in {@code runner shell}). */
  public static final java.util.List<String> TASK_COMMANDS =
      java.util.List.of("run", "next", "enable", "disable", "backfill", "test");

  static String bash(Invocation invocation) {
    CommandLine line = FullCommandLine.tree(invocation);
    return AutoComplete.bash("runner", line)
        + """

        # --- task names (runner's own addition) ---
        # Completes the TASK argument of run, next, enable, disable, backfill and notify test with
        # the names in the home given by --home (or $RUNNER_HOME, or the current directory).
        _runner_task_names() {
          local i home=()
          for ((i = 1; i < COMP_CWORD; i++)); do
            case "${COMP_WORDS[i]}" in
              --home|--config|--env-file) home+=("${COMP_WORDS[i]}" "${COMP_WORDS[i+1]}") ;;
              --home=*|--config=*|--env-file=*) home+=("${COMP_WORDS[i]}") ;;
            esac
          done
          runner "${home[@]}" list --names 2>/dev/null
        }

        _runner_complete() {
          local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" i command=""
          for ((i = 1; i < COMP_CWORD; i++)); do
            case "${COMP_WORDS[i]}" in
              --home|--config|--env-file) ((i++)) ;;
              -*) ;;
              *) command="${COMP_WORDS[i]}" ;;
            esac
          done
          if [[ "$cur" != -* && "$prev" != -* ]] && [[ "$command" =~ ^(%s)$ ]] \\
              && [[ "$prev" =~ ^(%s)$ ]]; then
            COMPREPLY=( $(compgen -W "$(_runner_task_names)" -- "$cur") )
            return 0
          fi
          _complete_runner "$@"
        }

        complete -F _runner_complete -o default runner
        """
            .formatted(String.join("|", TASK_COMMANDS), String.join("|", TASK_COMMANDS));
  }

  private static final String ZSH_HEADER =
      """
      # runner completion for zsh, through zsh's bash completion support
      autoload -U +X compinit && compinit
      autoload -U +X bashcompinit && bashcompinit
      """;

  /** Self-contained, for {@code source <(runner completion zsh)}. */
  static String zsh(Invocation invocation) {
    return ZSH_HEADER + bash(invocation);
  }

  /** {@code completions/runner.zsh}: the zsh set-up, then the bash script beside it. */
  static String zshFile() {
    return ZSH_HEADER + "source \"${0:A:h}/runner.bash\"\n";
  }
}
