package dev.runner.cli.shell;

import dev.runner.cli.docs.Completion;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.AutoComplete;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Tab in {@code runner shell}: commands and options from the command tree (picocli's own
 * completion), and task names where a command takes one, as the bash script does.
 */
final class ShellCompleter implements Completer {

  private final CommandSpec tree;
  private final Supplier<List<String>> taskNames;

  ShellCompleter(CommandSpec tree, Supplier<List<String>> taskNames) {
    this.tree = tree;
    this.taskNames = taskNames;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    for (String word : candidates(line.words(), line.wordIndex())) {
      candidates.add(new Candidate(word));
    }
  }

  /** Every word that may stand at {@code index} (the reader filters by what is typed). */
  List<String> candidates(List<String> words, int index) {
    String previous = index > 0 ? words.get(index - 1) : "";
    String current = index < words.size() ? words.get(index) : "";
    if (!current.startsWith("-") && Completion.TASK_COMMANDS.contains(previous)) {
      return taskNames.get();
    }
    List<CharSequence> found = new ArrayList<>();
    AutoComplete.complete(tree, words.toArray(String[]::new), index, 0, current.length(), found);
    return found.stream().map(CharSequence::toString).toList();
  }
}
