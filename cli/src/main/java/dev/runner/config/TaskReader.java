package dev.runner.config;

import dev.runner.config.TaskDef.Catchup;
import dev.runner.config.TaskDef.NotifyRule;
import dev.runner.config.TaskDef.Overlap;
import dev.runner.config.TaskDef.RetryPolicy;
import dev.runner.config.TaskDef.TriggerOn;
import dev.runner.config.TaskDef.WindowSpec;
import dev.runner.notify.spi.Channel;
import dev.runner.notify.spi.ChannelType;
import dev.runner.schedule.Cron;
import dev.runner.schedule.DateTimeText;
import dev.runner.schedule.ScheduleException;
import dev.runner.schedule.ScheduleSpec;
import dev.runner.schedule.ScheduleSpec.RepeatUnit;
import dev.runner.task.Task;
import dev.runner.task.TaskType;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one task object: the common fields (docs/configuration.md, "Task fields"), then the type's
 * own.
 */
final class TaskReader {

  /** The schedule fields: a task has one of them, or none (run by hand or as a dependent). */
  private static final List<String> SCHEDULE_FIELDS =
      List.of(
          "cron",
          "every",
          "interval_seconds",
          "interval_minutes",
          "interval_hours",
          "at",
          "repeat");

  static final Set<String> COMMON_FIELDS = commonFields();

  private static Set<String> commonFields() {
    Set<String> fields = new LinkedHashSet<>(List.of("type", "enabled", "description"));
    fields.addAll(SCHEDULE_FIELDS);
    fields.addAll(
        List.of(
            "start_time",
            "end_time",
            "max_executions",
            "timezone",
            "catchup",
            "overlap",
            "timeout",
            "retries",
            "depends_on",
            "trigger_on",
            "window",
            "hosts",
            "params",
            "notify",
            "task_notify"));
    return Collections.unmodifiableSet(fields);
  }

  /**
   * Lowercase letters of any script (a script without case, as Chinese, counts as lowercase), so
   * {@code 备份} is a name and {@code Backup} and {@code backup} cannot be two tasks. The lock file
   * and log folder of a name outside a-z are a hash of it (see TaskFiles), safe on any disk.
   */
  private static final String NAME_CHARS = "\\p{Ll}\\p{Lo}\\p{Lm}\\p{M}0-9_.-";

  private static final Pattern NAME = Pattern.compile("[" + NAME_CHARS + "]+");

  /** Long enough for any name people write, short enough to stay a file name everywhere. */
  static final int MAX_NAME = 64;

  /** Where a cron is asked for a fire to prove it has one; a leap day is within its search. */
  private static final Instant NEVER_CHECK_FROM = Instant.parse("2024-01-01T00:00:00Z");

  private static final Set<String> REPEAT_FIELDS =
      Set.of("unit", "interval", "time", "days", "day_of_month", "month");
  private static final Set<String> RETRY_FIELDS = Set.of("max", "backoff", "factor", "max_delay");
  private static final Set<String> WINDOW_FIELDS = Set.of("size", "start");
  private static final Set<String> RULE_FIELDS =
      Set.of("name", "enabled", "triggers", "threshold", "channels");
  private static final Set<String> TRIGGERS =
      new LinkedHashSet<>(
          List.of(
              "success",
              "business_failure",
              "technical_failure",
              "timeout",
              "crashed",
              "cancelled",
              "recovered"));

  private final Path file;
  private final TaskTypes types;
  private final Environment environment;
  private final ZoneId defaultZone;
  private final List<Problem> problems;

  TaskReader(
      Path file,
      TaskTypes types,
      Environment environment,
      ZoneId defaultZone,
      List<Problem> problems) {
    this.file = file;
    this.types = types;
    this.environment = environment;
    this.defaultZone = defaultZone;
    this.problems = problems;
  }

  /**
   * A NUL cannot reach the operating system (a command line, an environment value, a path ends at
   * it), so a string holding one could never run: said here rather than by the tick that tries.
   */
  private void noNulCharacters(String path, JsonValue value) {
    if (value instanceof JsonValue.Str str && str.value().indexOf('\0') >= 0) {
      problems.add(
          new Problem(
              file,
              str.position(),
              path,
              "holds a NUL character (\\u0000), which no command, argument or path can carry",
              "remove the \\u0000"));
    } else if (value instanceof JsonValue.Obj o) {
      o.members().values().forEach(m -> noNulCharacters(path + "." + m.key(), m.value()));
    } else if (value instanceof JsonValue.Arr a) {
      for (int i = 0; i < a.items().size(); i++) {
        noNulCharacters(path + "[" + i + "]", a.items().get(i));
      }
    }
  }

  /** The task, or null when it has problems (which are reported). */
  TaskDef read(JsonValue.Member member) {
    int before = problems.size();
    String name = member.key();
    if (!NAME.matcher(name).matches()) {
      problems.add(
          new Problem(
              file,
              member.keyPosition(),
              name,
              "a task name may hold only lowercase letters of any script (backup, 备份), digits"
                  + " 0-9, '_', '.' and '-'",
              "rename it, e.g. \""
                  + name.toLowerCase(Locale.ROOT).replaceAll("[^" + NAME_CHARS + "]", "_")
                  + "\""));
    }
    if (name.length() > MAX_NAME) {
      problems.add(
          new Problem(
              file,
              member.keyPosition(),
              name.substring(0, 20) + "…",
              "a task name is at most "
                  + MAX_NAME
                  + " characters, this one has "
                  + name.length()
                  + " (it names the task's lock file and log folder, and every history row)",
              "shorten it; the description can say the rest"));
    }
    if (!(member.value() instanceof JsonValue.Obj obj)) {
      problems.add(
          new Problem(
              file,
              member.value().position(),
              name,
              "a task is an object of fields, not " + member.value().kind(),
              "write {\"cron\": \"0 0 * * *\", \"command\": \"...\"}"));
      return null;
    }
    noNulCharacters(name, obj);
    ObjectFields f = new ObjectFields(file, problems, environment, name, obj);

    String typeName = f.string("type").orElse(name);
    TaskType type = types.get(typeName);
    if (type == null) {
      String hint = Suggest.didYouMean(typeName, types.names());
      f.problem(
          obj.members().containsKey("type") ? "type" : null,
          obj.members().containsKey("type")
              ? "unknown task type \"" + typeName + "\""
              : "no task type \"" + typeName + "\" (a task's type defaults to its name)",
          (hint != null ? hint + " " : "")
              + "known types: "
              + String.join(", ", types.names())
              + (obj.members().containsKey("type")
                  ? ""
                  : "; add \"type\": \"shell\" for a command"));
    }

    Set<String> known = new LinkedHashSet<>(COMMON_FIELDS);
    if (type != null) {
      known.addAll(type.fields());
    }
    for (JsonValue.Member field : obj.members().values()) {
      if (!known.contains(field.key())) {
        String hint = Suggest.didYouMean(field.key(), known);
        f.problemAt(
            field.keyPosition(),
            field.key(),
            "unknown field",
            hint != null ? hint : type == null ? null : "see README for the fields of " + typeName);
      }
    }

    boolean enabled = f.bool("enabled").orElse(true);
    String description = f.string("description").orElse("");
    ZoneId zone = readZone(f);
    ScheduleSpec schedule = readSchedule(f, zone);
    DateTimeText start = f.dateTime("start_time").orElse(null);
    DateTimeText end = f.dateTime("end_time").orElse(null);
    if (start != null && end != null && !end.toInstant(zone).isAfter(start.toInstant(zone))) {
      f.problem("end_time", "end_time is not after start_time", null);
    }
    Long maxExecutions = f.positiveLong("max_executions").orElse(null);
    Duration timeout = f.positiveDuration("timeout").orElse(null);
    Overlap overlap = f.choice("overlap", Overlap.class).orElse(Overlap.SKIP);
    RetryPolicy retries = readRetries(f);
    List<String> dependsOn = f.strings("depends_on").orElse(List.of());
    TriggerOn triggerOn = f.choice("trigger_on", TriggerOn.class).orElse(TriggerOn.SUCCESS);
    List<String> hosts = f.strings("hosts").orElse(List.of());
    if (f.has("hosts") && hosts.isEmpty()) {
      f.problem("hosts", "hosts lists no host", "name at least one, or remove hosts: any host");
    }
    if (!hosts.isEmpty() && !dependsOn.isEmpty()) {
      f.problem(
          "hosts",
          "a task with depends_on runs where its upstream ran",
          "give the upstream the hosts instead, or remove hosts here");
    }
    if (hosts.stream().anyMatch(String::isBlank)
        || hosts.stream().distinct().count() < hosts.size()) {
      f.problem("hosts", "hosts has a blank or repeated name", "list each RUNNER_HOST_ID once");
    }
    WindowSpec window = readWindow(f, schedule);
    Catchup catchup =
        f.choice("catchup", Catchup.class).orElse(window != null ? Catchup.ALL : Catchup.LATEST);
    Map<String, Object> params = readParams(f);
    List<NotifyRule> notify = readNotify(f);

    if (!dependsOn.isEmpty() && schedule != null) {
      f.problem(
          "depends_on",
          "a task with depends_on is started by its upstreams and takes no schedule",
          "remove the schedule, or the depends_on");
    }
    if (f.has("trigger_on") && !f.has("depends_on")) {
      f.problem("trigger_on", "trigger_on needs depends_on", null);
    }
    if (window != null && f.has("catchup") && catchup != Catchup.ALL) {
      f.problem(
          "catchup",
          "a window task runs every window, in order",
          "remove catchup, or set it to \"all\"");
    }
    if (window != null && schedule == null && !f.has("depends_on")) {
      f.problem("window", "a window task needs a schedule", "add \"every\": \"15m\" or a cron");
    }

    Task task = null;
    if (type != null) {
      TypeFields typeFields = new TypeFields(f, type, enabled, environment);
      task = type.configure(typeFields);
    }
    if (problems.size() > before) {
      return null;
    }
    return new TaskDef(
        name,
        typeName,
        enabled,
        description,
        schedule,
        start,
        end,
        maxExecutions,
        zone,
        catchup,
        overlap,
        timeout,
        retries,
        dependsOn,
        triggerOn,
        window,
        hosts,
        params,
        notify,
        task);
  }

  private ZoneId readZone(ObjectFields f) {
    return f.string("timezone")
        .map(
            text -> {
              try {
                return ZoneId.of(text);
              } catch (DateTimeException e) {
                f.problem("timezone", "'" + text + "' is not a time zone", Zones.hint(text));
                return defaultZone;
              }
            })
        .orElse(defaultZone);
  }

  private ScheduleSpec readSchedule(ObjectFields f, ZoneId zone) {
    List<String> given = SCHEDULE_FIELDS.stream().filter(f::has).toList();
    if (given.size() > 1) {
      f.problem(
          given.get(1),
          "a task takes one schedule, found " + String.join(" and ", given),
          "keep one of them");
      return null;
    }
    if (given.isEmpty()) {
      return null;
    }
    String field = given.get(0);
    boolean anchored = f.has("start_time");
    switch (field) {
      case "cron":
        return f.string("cron")
            .map(
                text -> {
                  try {
                    if (Cron.parse(text, zone).next(NEVER_CHECK_FROM).isEmpty()) {
                      f.problem(
                          "cron",
                          "\"" + text + "\" never matches a real date",
                          "check the day of the month against the month (February has at most"
                              + " 29 days; April, June, September and November 30)");
                      return null;
                    }
                    return new ScheduleSpec.CronSpec(text.trim());
                  } catch (ScheduleException e) {
                    f.problem("cron", e.getMessage(), e.hint());
                    return null;
                  }
                })
            .orElse(null);
      case "every":
        return f.positiveDuration("every")
            .filter(d -> checkInterval(f, "every", d))
            .map(d -> (ScheduleSpec) new ScheduleSpec.EverySpec(d, anchored))
            .orElse(null);
      case "at":
        return f.dateTime("at").map(ScheduleSpec.AtSpec::new).orElse(null);
      case "repeat":
        return readRepeat(f, anchored);
      default:
        Duration unit =
            switch (field) {
              case "interval_seconds" -> Duration.ofSeconds(1);
              case "interval_minutes" -> Duration.ofMinutes(1);
              default -> Duration.ofHours(1);
            };
        return f.positiveLong(field)
            .map(n -> unit.multipliedBy(n))
            .filter(d -> checkInterval(f, field, d))
            .map(d -> (ScheduleSpec) new ScheduleSpec.EverySpec(d, anchored))
            .orElse(null);
    }
  }

  private boolean checkInterval(ObjectFields f, String field, Duration d) {
    if (d.compareTo(Duration.ofSeconds(1)) < 0) {
      f.problem(field, "an interval under one second", "use at least \"1s\"");
      return false;
    }
    return true;
  }

  private ScheduleSpec readRepeat(ObjectFields f, boolean anchored) {
    JsonValue.Obj repeat = f.object("repeat").orElse(null);
    if (repeat == null) {
      return null;
    }
    ObjectFields r = f.nested("repeat", repeat, REPEAT_FIELDS);
    RepeatUnit unit = r.choice("unit", RepeatUnit.class).orElse(null);
    if (unit == null && !r.has("unit")) {
      r.problem(
          null, "repeat needs a unit", "add \"unit\": one of minute, hour, day, week, month, year");
    }
    int interval = r.positiveLong("interval").map(Long::intValue).orElse(1);
    LocalTime time =
        r.string("time")
            .map(
                text -> {
                  try {
                    return LocalTime.parse(text.length() == 4 ? "0" + text : text);
                  } catch (DateTimeParseException e) {
                    r.problem("time", "'" + text + "' is not a time of day", "write \"HH:MM\"");
                    return null;
                  }
                })
            .orElse(null);
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String day : r.strings("days").orElse(List.of())) {
      DayOfWeek parsed = weekday(day);
      if (parsed == null) {
        r.problem("days", "'" + day + "' is not a weekday", "use MON TUE WED THU FRI SAT SUN");
      } else {
        days.add(parsed);
      }
    }
    Integer dayOfMonth = r.rangedInt("day_of_month", 1, 31).orElse(null);
    Integer month = r.rangedInt("month", 1, 12).orElse(null);
    if (unit == null) {
      return null;
    }
    if ((unit == RepeatUnit.MINUTE || unit == RepeatUnit.HOUR) && time != null) {
      r.problem(
          "time",
          "time has no meaning for a repeat every " + unit.name().toLowerCase(Locale.ROOT),
          "use unit day, week, month or year");
    }
    if (!days.isEmpty() && unit != RepeatUnit.WEEK) {
      r.problem("days", "days is for unit week", null);
    }
    return new ScheduleSpec.RepeatSpec(unit, interval, time, days, dayOfMonth, month, anchored);
  }

  private static DayOfWeek weekday(String text) {
    String upper = text.toUpperCase(Locale.ROOT);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().startsWith(upper) && upper.length() >= 3) {
        return day;
      }
    }
    return null;
  }

  private RetryPolicy readRetries(ObjectFields f) {
    if (!f.has("retries")) {
      return RetryPolicy.NONE;
    }
    JsonValue value = f.value("retries");
    if (value instanceof JsonValue.Num) {
      return f.rangedInt("retries", 0, 100)
          .map(
              n ->
                  new RetryPolicy(
                      n,
                      RetryPolicy.NONE.backoff(),
                      RetryPolicy.NONE.factor(),
                      RetryPolicy.NONE.maxDelay()))
          .orElse(RetryPolicy.NONE);
    }
    JsonValue.Obj obj = f.object("retries").orElse(null);
    if (obj == null) {
      return RetryPolicy.NONE;
    }
    ObjectFields r = f.nested("retries", obj, RETRY_FIELDS);
    int max = r.rangedInt("max", 0, 100).orElse(3);
    Duration backoff = r.duration("backoff").orElse(RetryPolicy.NONE.backoff());
    double factor = r.number("factor").orElse(RetryPolicy.NONE.factor());
    if (factor < 1) {
      r.problem("factor", "factor below 1 would shrink the delays", "use 1 for a fixed delay");
    }
    // an unset cap never cuts the backoff the user asked for
    Duration maxDelay =
        r.duration("max_delay")
            .orElse(
                backoff.compareTo(RetryPolicy.NONE.maxDelay()) > 0
                    ? backoff
                    : RetryPolicy.NONE.maxDelay());
    return new RetryPolicy(max, backoff, factor, maxDelay);
  }

  private WindowSpec readWindow(ObjectFields f, ScheduleSpec schedule) {
    if (!f.has("window")) {
      return null;
    }
    JsonValue value = f.value("window");
    if (value instanceof JsonValue.Bool b) {
      if (!b.value()) {
        return null;
      }
      if (!(schedule instanceof ScheduleSpec.EverySpec)) {
        f.problem(
            "window",
            "window: true takes its size from an every/interval schedule",
            "give the size: {\"size\": \"15m\"}");
      }
      return new WindowSpec(null, null);
    }
    JsonValue.Obj obj = f.object("window").orElse(null);
    if (obj == null) {
      return null;
    }
    ObjectFields w = f.nested("window", obj, WINDOW_FIELDS);
    Duration size = w.positiveDuration("size").orElse(null);
    if (!w.has("size") && !(schedule instanceof ScheduleSpec.EverySpec)) {
      w.problem(null, "window needs a size", "add \"size\": \"15m\"");
    }
    return new WindowSpec(size, w.dateTime("start").orElse(null));
  }

  private Map<String, Object> readParams(ObjectFields f) {
    if (!f.has("params")) {
      return Map.of();
    }
    return f.object("params")
        .map(obj -> f.expandAll(obj, "params"))
        .map(
            plain -> {
              @SuppressWarnings("unchecked")
              Map<String, Object> map = (Map<String, Object>) plain;
              return map;
            })
        .orElse(Map.of());
  }

  private List<NotifyRule> readNotify(ObjectFields f) {
    String field = f.has("notify") ? "notify" : "task_notify";
    if (f.has("notify") && f.has("task_notify")) {
      f.problem("task_notify", "notify and task_notify are the same field", "keep one");
    }
    if (!f.has(field)) {
      return List.of();
    }
    JsonValue value = f.value(field);
    if (!(value instanceof JsonValue.Arr rules)) {
      f.problem(field, "expected an array of rules, found " + value.kind(), null);
      return List.of();
    }
    List<NotifyRule> out = new ArrayList<>();
    for (int i = 0; i < rules.items().size(); i++) {
      JsonValue item = rules.items().get(i);
      String path = field + "[" + i + "]";
      if (!(item instanceof JsonValue.Obj rule)) {
        f.problemAt(item.position(), path, "a rule is an object", null);
        continue;
      }
      ObjectFields r = f.nested(path, rule, RULE_FIELDS);
      String name = r.string("name").orElse("rule " + (i + 1));
      boolean enabled = r.bool("enabled").orElse(true);
      List<String> triggers = r.strings("triggers").orElse(List.of());
      if (triggers.isEmpty()) {
        r.problem("triggers", "a rule needs triggers", "e.g. [\"technical_failure\", \"timeout\"]");
      }
      for (String trigger : triggers) {
        if (!TRIGGERS.contains(trigger)) {
          String hint = Suggest.didYouMean(trigger, TRIGGERS);
          r.problem(
              "triggers",
              "unknown trigger \"" + trigger + "\"",
              hint != null ? hint : "one of " + String.join(", ", TRIGGERS));
        }
      }
      int threshold = r.rangedInt("threshold", 1, 1000).orElse(1);
      List<Channel> channels = new ArrayList<>();
      if (r.value("channels") instanceof JsonValue.Arr arr) {
        for (int c = 0; c < arr.items().size(); c++) {
          JsonValue channel = arr.items().get(c);
          if (channel instanceof JsonValue.Obj obj) {
            Channel read = readChannel(r, "channels[" + c + "]", obj);
            if (read != null) {
              channels.add(read);
            }
          } else {
            r.problemAt(channel.position(), "channels[" + c + "]", "a channel is an object", null);
          }
        }
      } else {
        r.problem("channels", "a rule needs channels", "e.g. [{\"type\": \"email\", ...}]");
      }
      out.add(new NotifyRule(name, enabled, triggers, threshold, channels));
    }
    return out;
  }

  /**
   * A channel, read by its type from the registry: the built-in email and webhook, or a plugin's.
   * Null when the type is unknown (reported); the type reports its own problems.
   */
  private Channel readChannel(ObjectFields rule, String field, JsonValue.Obj obj) {
    ChannelTypes channelTypes = types.channels();
    String typeName = obj.get("type") instanceof JsonValue.Str s ? s.value() : null;
    ChannelType type = typeName == null ? null : channelTypes.get(typeName);
    if (type == null) {
      String hint = typeName == null ? null : Suggest.didYouMean(typeName, channelTypes.names());
      rule.problemAt(
          obj.position(),
          field + ".type",
          typeName == null ? "a channel needs a type" : "unknown channel type \"" + typeName + "\"",
          (hint != null ? hint + " " : "")
              + "known types: "
              + String.join(", ", channelTypes.names()));
      return null;
    }
    Set<String> allowed = new LinkedHashSet<>(type.fields());
    allowed.add("type");
    ObjectFields c = rule.nested(field, obj, allowed);
    return type.configure(new ChannelFieldsView(c, environment));
  }
}
