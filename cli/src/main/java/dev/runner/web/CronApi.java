package dev.runner.web;

import dev.runner.cli.render.CronDescriptions;
import dev.runner.config.Suggest;
import dev.runner.query.Fires;
import dev.runner.schedule.DateTimeText;
import dev.runner.schedule.DaylightNotes;
import dev.runner.schedule.NotedFire;
import dev.runner.schedule.ScheduleException;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/cron?expr=&tz=&from=&n=}: {@code runner cron}'s preview for the console's
 * editor: the expression in words, its next fires in the zone (the home's by default), each with a
 * note when daylight saving moves it or repeats its wall time.
 */
final class CronApi {

  static final int DEFAULT_FIRES = 5;
  static final int MAX_FIRES = 100;

  private final WebHome home;

  CronApi(WebHome home) {
    this.home = home;
  }

  void cron(Call call) throws IOException {
    String expression = call.param("expr");
    if (expression == null) {
      throw ApiProblem.parameter("expr", "required, e.g. expr=30%202%20*%20*%20*");
    }
    ZoneId zone = zone(call.param("tz"));
    int count = call.intParam("n", DEFAULT_FIRES, 1, MAX_FIRES);
    Instant from = from(call.param("from"), zone);
    DaylightNotes notes;
    try {
      notes = new DaylightNotes(expression, zone);
    } catch (ScheduleException e) {
      throw ApiProblem.of(
          400,
          ApiProblem.BAD_CRON,
          "Not a cron expression runner reads",
          "expr: " + e.getMessage() + (e.hint() == null ? "" : "; " + e.hint()));
    }
    List<Map<String, Object>> fires = new ArrayList<>();
    for (NotedFire noted :
        NotedFire.of(Fires.next(notes.schedule(), from, count), from, zone, notes)) {
      Map<String, Object> fire = new LinkedHashMap<>();
      fire.put("at", DateTimeText.iso(noted.at(), zone));
      fire.put("note", noted.note() == null ? null : noted.note().toString());
      fire.put("note_parts", noted.note() == null ? null : noted.note().json());
      fires.add(fire);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("expr", expression);
    out.put("tz", zone.getId());
    out.put("description", CronDescriptions.describe(expression));
    out.put("fires", fires);
    call.json(200, out);
  }

  private ZoneId zone(String name) {
    if (name == null) {
      return home.loaded().config().settings().zone();
    }
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      String hint = Suggest.didYouMean(name, ZoneId.getAvailableZoneIds());
      throw ApiProblem.parameter(
          "tz",
          "'"
              + name
              + "' is not a time zone"
              + (hint != null ? "; " + hint : "; use an IANA name such as Asia/Shanghai"));
    }
  }

  private Instant from(String text, ZoneId zone) {
    if (text == null) {
      return home.clock().instant();
    }
    try {
      return DateTimeText.parse(text).toInstant(zone);
    } catch (IllegalArgumentException | DateTimeException e) {
      throw ApiProblem.parameter(
          "from",
          "\""
              + text
              + "\" is not an ISO-8601 date-time (2026-03-08T01:00, with an offset as %2B08:00)");
    }
  }
}
