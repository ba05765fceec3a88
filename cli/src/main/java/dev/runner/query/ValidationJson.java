package dev.runner.query;

import dev.runner.config.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validation as {@code validate --json} prints it and the API answers: every problem with its
 * file, line, column, path, message and hint.
 */
public final class ValidationJson {

  private ValidationJson() {}

  /** The --json answer: the same keys, in the same order, valid or not. */
  public static Map<String, Object> of(
      boolean valid, Integer tasks, List<Problem> problems, List<String> warnings) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("valid", valid);
    out.put("tasks", tasks);
    out.put("problems", problems(problems));
    out.put("warnings", warnings);
    return out;
  }

  /** Each problem as an object: the {@code problems} of the answer, and of an API's error. */
  public static List<Map<String, Object>> problems(List<Problem> problems) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Problem p : problems) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("file", p.file().toString());
      row.put("line", p.position().line());
      row.put("column", p.position().column());
      row.put("path", p.path());
      row.put("message", p.message());
      row.put("hint", p.hint());
      rows.add(row);
    }
    return rows;
  }
}
