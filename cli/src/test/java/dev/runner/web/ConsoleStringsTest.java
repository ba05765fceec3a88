package dev.runner.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runner.schedule.DaylightNote;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console's two dictionaries have the same keys, and every key a module asks for by its literal
 * name is in them: a string cannot be left untranslated in a page no test opens in Chinese.
 */
class ConsoleStringsTest {

  static final Path FOLDER = Path.of("src/main/resources/dev/runner/web/console");

  static final Pattern ENTRY = Pattern.compile("(?m)^\\s*'([A-Za-z0-9_.]+)':");

  /** t('key'), and the column keys the tables keep in arrays ('col.task'). */
  static final Pattern USE = Pattern.compile("\\bt\\('([A-Za-z0-9_.]+)'|'((?:col|nav)\\.[a-z]+)'");

  static Set<String> keys(String file) throws IOException {
    Set<String> keys = new TreeSet<>();
    Matcher m = ENTRY.matcher(Files.readString(FOLDER.resolve(file), StandardCharsets.UTF_8));
    while (m.find()) {
      keys.add(m.group(1));
    }
    return keys;
  }

  @Test
  void english_and_chinese_have_the_same_keys_and_every_key_used_is_there() throws IOException {
    Set<String> en = keys("lang-en.js");
    Set<String> zh = keys("lang-zh.js");
    assertThat(en).hasSizeGreaterThan(100);
    assertThat(zh).as("keys of lang-zh.js").isEqualTo(en);
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.list(FOLDER)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
        Matcher m = USE.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) {
          used.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
      }
    }
    assertThat(used).hasSizeGreaterThan(50);
    assertThat(en).as("keys the modules use").containsAll(used);
  }

  /** Keys a module makes from what the server sends: each value the server can send has one. */
  @Test
  void every_problem_type_and_daylight_note_the_server_sends_has_its_words() throws Exception {
    Set<String> en = keys("lang-en.js");
    String ui = Files.readString(FOLDER.resolve("ui.js"), StandardCharsets.UTF_8);
    int types = 0;
    for (Field field : ApiProblem.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        field.setAccessible(true);
        String kind = ((String) field.get(null)).replace("urn:runner:problem:", "");
        assertThat(en).contains("problem." + kind.replace('-', '_'));
        assertThat(ui).contains("'" + kind + "'");
        types++;
      }
    }
    assertThat(types).isGreaterThan(10);
    for (DaylightNote.Kind kind : DaylightNote.Kind.values()) {
      if (kind != DaylightNote.Kind.OFFSET_CHANGE) { // worded as fires.dst, with its two offsets
        assertThat(en).contains("fires." + kind.jsonName());
      }
    }
  }

  @Test
  void no_module_puts_text_in_as_markup() throws IOException {
    try (Stream<Path> files = Files.list(FOLDER)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
        String code = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(code)
            .as(file.getFileName().toString())
            .doesNotContain(".innerHTML")
            .doesNotContain(".outerHTML")
            .doesNotContain("insertAdjacentHTML")
            .doesNotContain("document.write")
            .doesNotContain("eval(");
      }
    }
  }
}
