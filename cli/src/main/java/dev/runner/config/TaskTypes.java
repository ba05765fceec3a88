package dev.runner.config;

import dev.runner.notify.spi.ChannelType;
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
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The task types: the built-in ones and those of the jars in the home's {@code plugins/} folder, by
 * name; and the notification channel types, found in the same jars. Two types with one name, or a
 * plugin that cannot be loaded, are configuration problems.
 */
public final class TaskTypes {

  private final Map<String, TaskType> byName;
  private final ChannelTypes channels;
  private final List<Problem> problems;

  private TaskTypes(Map<String, TaskType> byName, ChannelTypes channels, List<Problem> problems) {
    this.byName = Map.copyOf(byName);
    this.channels = channels;
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
    Map<String, TaskType> found =
        find(TaskType.class, TaskType::name, "task type", loader, pluginDir, problems);
    Map<String, ChannelType> channels =
        find(ChannelType.class, ChannelType::name, "channel type", loader, pluginDir, problems);
    return new TaskTypes(found, new ChannelTypes(channels), problems);
  }

  /**
   * The services of {@code kind} by name; one that cannot be loaded or that repeats a name is a
   * problem.
   */
  private static <T> Map<String, T> find(
      Class<T> kind,
      Function<T, String> name,
      String what,
      ClassLoader loader,
      Path pluginDir,
      List<Problem> problems) {
    Map<String, T> found = new TreeMap<>();
    Iterator<T> services = ServiceLoader.load(kind, loader).iterator();
    while (true) {
      T service;
      try {
        if (!services.hasNext()) {
          break;
        }
        service = services.next();
      } catch (ServiceConfigurationError e) {
        problems.add(
            new Problem(
                pluginDir == null ? Path.of("plugins") : pluginDir,
                Position.START,
                null,
                "a plugin's " + what + " cannot be loaded: " + e.getMessage(),
                "rebuild the plugin against this runner's runner-tasks, or remove its jar"));
        continue;
      }
      T earlier = found.putIfAbsent(name.apply(service), service);
      if (earlier != null) {
        problems.add(
            new Problem(
                origin(service),
                Position.START,
                name.apply(service),
                what
                    + " \""
                    + name.apply(service)
                    + "\" is defined twice: by "
                    + where(earlier)
                    + " and by "
                    + where(service),
                "rename one of them, or remove one jar from plugins/"));
      }
    }
    return found;
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

  private static Path origin(Object service) {
    CodeSource source = service.getClass().getProtectionDomain().getCodeSource();
    try {
      return source == null ? Path.of("runner") : Path.of(source.getLocation().toURI());
    } catch (Exception e) {
      return Path.of("runner");
    }
  }

  private static String where(Object service) {
    Path origin = origin(service);
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

  /** The notification channel types, found in runner and the same plugin jars. */
  public ChannelTypes channels() {
    return channels;
  }

  /** What went wrong loading plugins; reported with the configuration's problems. */
  public List<Problem> problems() {
    return problems;
  }
}
