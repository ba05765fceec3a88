package dev.runner.config;

import dev.runner.task.TaskType;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The task types: the built-in ones and those of the jars in the home's {@code plugins/} folder, by
 * name. Two types with one name, or a plugin that cannot be loaded, are configuration problems.
 */
public final class TaskTypes {

  private final Map<String, TaskType> byName;
  private final List<Problem> problems;

  private TaskTypes(Map<String, TaskType> byName, List<Problem> problems) {
    this.byName = Map.copyOf(byName);
    this.problems = List.copyOf(problems);
  }

  /** The types of {@code loader} alone (tests, and homes without plugins). */
  public static TaskTypes load(ClassLoader loader) {
    return load(loader, null);
  }

  /** The built-in types and the plugins in {@code pluginDir} (which need not exist). */
  public static TaskTypes load(ClassLoader parent, Path pluginDir) {
    List<Problem> problems = new ArrayList<>();
    ClassLoader loader = parent;
    List<Path> jars = jars(pluginDir, problems);
    if (!jars.isEmpty()) {
      List<URL> urls = new ArrayList<>();
      for (Path jar : jars) {
        try {
          urls.add(jar.toUri().toURL());
        } catch (MalformedURLException e) {
          problems.add(problem(jar, "cannot be loaded: " + e.getMessage()));
        }
      }
      loader = new URLClassLoader("runner-plugins", urls.toArray(URL[]::new), parent);
    }
    Map<String, TaskType> found = new TreeMap<>();
    Iterator<TaskType> types = ServiceLoader.load(TaskType.class, loader).iterator();
    while (true) {
      TaskType type;
      try {
        if (!types.hasNext()) {
          break;
        }
        type = types.next();
      } catch (ServiceConfigurationError e) {
        problems.add(
            new Problem(
                pluginDir == null ? Path.of("plugins") : pluginDir,
                Position.START,
                null,
                "a plugin's task type cannot be loaded: " + e.getMessage(),
                "rebuild the plugin against this runner's runner-tasks, or remove its jar"));
        continue;
      }
      TaskType earlier = found.putIfAbsent(type.name(), type);
      if (earlier != null) {
        problems.add(
            new Problem(
                origin(type),
                Position.START,
                type.name(),
                "task type \""
                    + type.name()
                    + "\" is defined twice: by "
                    + where(earlier)
                    + " and by "
                    + where(type),
                "rename one of them, or remove one jar from plugins/"));
      }
    }
    return new TaskTypes(found, problems);
  }

  private static List<Path> jars(Path pluginDir, List<Problem> problems) {
    if (pluginDir == null || !Files.isDirectory(pluginDir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(pluginDir)) {
      return list.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      problems.add(problem(pluginDir, "cannot be read: " + e.getMessage()));
      return List.of();
    }
  }

  private static Problem problem(Path file, String message) {
    return new Problem(file, Position.START, null, message, null);
  }

  private static Path origin(TaskType type) {
    CodeSource source = type.getClass().getProtectionDomain().getCodeSource();
    try {
      return source == null ? Path.of("runner") : Path.of(source.getLocation().toURI());
    } catch (Exception e) {
      return Path.of("runner");
    }
  }

  private static String where(TaskType type) {
    Path origin = origin(type);
    return origin.getFileName().toString().endsWith(".jar")
            && origin.getParent() != null
            && origin.getParent().getFileName().toString().equals("plugins")
        ? "plugins/" + origin.getFileName()
        : "runner (built in)";
  }

  public TaskType get(String name) {
    return byName.get(name);
  }

  public Set<String> names() {
    return new TreeSet<>(byName.keySet());
  }

  /** What went wrong loading plugins; reported with the configuration's problems. */
  public List<Problem> problems() {
    return problems;
  }
}
