package dev.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin jar, compiled and packed in the test, dropped into the home's plugins/ folder. */
class PluginTest {

  @TempDir Path home;
  @TempDir Path build;

  static final String GREET =
      """
      package com.example.greet;

      import dev.runner.task.Task;
      import dev.runner.task.TaskFields;
      import dev.runner.task.TaskResult;
      import dev.runner.task.TaskType;
      import java.util.Set;

      public final class GreetType implements TaskType {
        public String name() { return "%s"; }
        public Set<String> fields() { return Set.of("who"); }
        public Task configure(TaskFields fields) {
          String who = fields.string("who").orElse("world");
          if (who.isBlank()) { fields.problem("who", "who is empty", null); }
          return context -> {
            context.log("hello " + who + " from a plugin, run key " + context.runKey());
            return TaskResult.success("greeted " + who);
          };
        }
      }
      """;

  static final String PAGER =
      """
      package com.example.greet;

      import dev.runner.notify.spi.Channel;
      import dev.runner.notify.spi.ChannelFields;
      import dev.runner.notify.spi.ChannelType;
      import java.util.Set;

      public final class PagerType implements ChannelType {
        public String name() { return "pager"; }
        public Set<String> fields() { return Set.of("to"); }
        public Channel configure(ChannelFields fields) {
          String to = fields.string("to").orElse("");
          if (to.isBlank()) { fields.problem("to", "a pager needs someone to page", null); }
          return new Channel() {
            public String label() { return "pager " + to; }
            public String send(dev.runner.notify.spi.Notification n) {
              return "paged " + to + ": " + n.render("{{task_id}} {{event}}");
            }
          };
        }
      }
      """;

  Path pluginJar(String typeName, String jarName) throws Exception {
    return pluginJar(jarName, "GreetType", GREET.formatted(typeName), "dev.runner.task.TaskType");
  }

  Path pluginJar(String jarName, String className, String source, String service) throws Exception {
    Path src = Files.createDirectories(build.resolve(jarName + "/src/com/example/greet"));
    Files.writeString(src.resolve(className + ".java"), source);
    Path classes = Files.createDirectories(build.resolve(jarName + "/classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status =
        javac.run(
            null,
            null,
            null,
            "-d",
            classes.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            src.resolve(className + ".java").toString());
    assertThat(status).as("the plugin compiles against runner-tasks").isZero();
    Path jar = Files.createDirectories(home.resolve("plugins")).resolve(jarName + ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("META-INF/services/" + service));
      out.write(("com.example.greet." + className + "\n").getBytes());
      List<Path> files;
      try (Stream<Path> walk = Files.walk(classes)) {
        files = walk.filter(Files::isRegularFile).toList();
      }
      for (Path file : files) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(file));
      }
    }
    return jar;
  }

  @Test
  void a_plugin_jar_adds_a_type_with_its_own_fields() throws Exception {
    pluginJar("greet", "greet-plugin");
    CliHarness cli =
        new CliHarness(home)
            .config("{\"hi\": {\"type\": \"greet\", \"who\": \"世界\", \"every\": \"1h\"}}");
    CliHarness.Result run = cli.run("run", "hi");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("hello 世界 from a plugin, run key hi@");
    assertThat(cli.lastMessage()).containsEntry("summary", "greeted 世界");

    cli.config("{\"hi\": {\"type\": \"greet\", \"whom\": \"x\"}}");
    assertThat(cli.run("validate").err()).contains("hi.whom: unknown field; did you mean \"who\"?");
  }

  @Test
  void a_plugin_jar_adds_a_notification_channel_type() throws Exception {
    pluginJar("pager-plugin", "PagerType", PAGER, "dev.runner.notify.spi.ChannelType");
    CliHarness cli =
        new CliHarness(home)
            .config(
                """
                {"t": {"type": "shell", "command": "exit 2", "notify": [{"name": "ops",
                  "triggers": ["technical_failure"], "channels": [{"type": "pager", "to": "ops"}]}]}}
                """);
    CliHarness.Result run = cli.run("notify", "test", "t");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("rule ops -> pager ops: ok (paged ops: t test)");

    cli.config(
        """
        {"t": {"type": "shell", "command": "true", "notify": [{"triggers": ["success"],
          "channels": [{"type": "pager", "too": "x"}]}]}}
        """);
    assertThat(cli.run("validate").err())
        .contains("t.notify[0].channels[0].too: unknown field; did you mean \"to\"?")
        .contains("t.notify[0].channels[0].to: a pager needs someone to page");
  }

  @Test
  void a_plugin_type_that_clashes_with_another_is_a_config_error() throws Exception {
    pluginJar("shell", "my-shell");
    CliHarness cli =
        new CliHarness(home).config("{\"x\": {\"type\": \"shell\", \"command\": \"true\"}}");
    CliHarness.Result validate = cli.run("validate");
    assertThat(validate.code()).isEqualTo(2);
    assertThat(validate.err())
        .contains(
            "my-shell.jar:1:1: shell: task type \"shell\" is defined twice: by runner"
                + " (built in) and by plugins/my-shell.jar");
  }
}
