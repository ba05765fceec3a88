package dev.runner.cli;

import dev.runner.config.Suggest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A mistake on the command line told in runner's words, the option or argument first, then what was
 * wrong and what it takes ({@code --limit: 'abc' is not a whole number}); picocli's own ("option
 * option '--param'", "'abc' is not an int") speak of Java types and repeat words.
 */
final class UsageWords {

  private UsageWords() {}

  /** The line for {@code ex}, without the "runner: " that every error line starts with. */
  static String of(CommandLine.ParameterException ex) {
    if (ex instanceof CommandLine.UnmatchedArgumentException unmatched
        && !unmatched.getUnmatched().isEmpty()) {
      return unmatched(ex.getCommandLine(), unmatched.getUnmatched().get(0));
    }
    if (ex instanceof CommandLine.MissingParameterException missing
        && !missing.getMissing().isEmpty()) {
      return missing(ex.getCommandLine(), missing);
    }
    ArgSpec arg = ex.getArgSpec();
    if (arg != null && ex.getValue() != null) {
      if (ex.getCause() instanceof CommandLine.TypeConversionException) {
        return name(arg) + ": '" + ex.getValue() + "' is not " + expected(arg);
      }
      if (Map.class.isAssignableFrom(arg.type())) {
        return name(arg)
            + ": '"
            + ex.getValue()
            + "' is not KEY=VALUE; write e.g. "
            + name(arg)
            + " days=7";
      }
    }
    // "at index N" counts words the user may not have typed (the shell adds --home)
    return ex.getMessage().replaceFirst(" at index \\d+", "");
  }

  private static String unmatched(CommandLine line, String word) {
    String command = "`" + path(line) + "`";
    if (word.startsWith("-")) {
      String option = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
      List<String> names = new ArrayList<>();
      for (OptionSpec spec : line.getCommandSpec().options()) {
        names.addAll(Arrays.asList(spec.names()));
      }
      String hint = Suggest.didYouMean(option, names);
      return option + ": not an option of " + command + (hint == null ? "" : "; " + hint);
    }
    if (!line.getSubcommands().isEmpty()) {
      String hint = Suggest.didYouMean(word, line.getSubcommands().keySet());
      if (line.getParent() == null) {
        return "'" + word + "' is not a command" + (hint == null ? "" : "; " + hint);
      }
      return "'"
          + word
          + "' is not a command of "
          + command
          + "; "
          + (hint != null ? hint : "it has " + String.join(", ", line.getSubcommands().keySet()));
    }
    return "'" + word + "': " + command + " takes no more arguments";
  }

  /** What picocli says when the word after an option is another option. */
  private static final Pattern FOUND = Pattern.compile("but found '([^']*)'");

  private static String missing(CommandLine line, CommandLine.MissingParameterException missing) {
    ArgSpec first = missing.getMissing().get(0);
    if (first.isOption()) {
      Matcher found = FOUND.matcher(String.valueOf(missing.getMessage()));
      return name(first)
          + " needs a value: "
          + expected(first)
          + (found.find() ? "; found the option " + found.group(1) + " instead" : "");
    }
    String wanted =
        missing.getMissing().stream()
            .map(a -> a.paramLabel() + describe(a))
            .collect(Collectors.joining(" and "));
    return "`" + path(line) + "` needs " + wanted;
  }

  /** What a value must be, as a person says it. */
  private static String expected(ArgSpec arg) {
    if (Map.class.isAssignableFrom(arg.type())) {
      return "KEY=VALUE";
    }
    Class<?> type = arg.isMultiValue() ? arg.auxiliaryTypes()[0] : arg.type();
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type == double.class || type == Double.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    return arg.paramLabel().replaceAll("^<(.*)>$", "$1").toUpperCase(Locale.ROOT);
  }

  private static String describe(ArgSpec arg) {
    String[] description = arg.description();
    if (description.length == 0 || description[0].isBlank()) {
      return "";
    }
    String text = description[0].strip();
    int stop = text.indexOf(". ");
    text = stop > 0 ? text.substring(0, stop) : text.replaceFirst("\\.$", "");
    return " (" + Character.toLowerCase(text.charAt(0)) + text.substring(1) + ")";
  }

  private static String name(ArgSpec arg) {
    return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
  }

  /** {@code runner history}, as the person typed the command. */
  static String path(CommandLine line) {
    StringBuilder path = new StringBuilder();
    for (CommandLine c = line; c != null; c = c.getParent()) {
      path.insert(0, c.getParent() == null ? "runner" : " " + c.getCommandName());
    }
    return path.toString();
  }
}
