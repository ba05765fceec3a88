package dev.runner.cli.render;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import java.util.Locale;

/**
 * Human descriptions of cron expressions ("at 00:00 every day"), the one thing cron-utils does
 * here. Only loaded when a person is reading: its start-up cost stays off the tick.
 */
public final class CronDescriptions {
  private CronDescriptions() {}

  public static String describe(String expression) {
    String text = expression.trim();
    try {
      boolean seconds = !text.startsWith("@") && text.split("\\s+").length == 6;
      CronParser parser =
          new CronParser(
              CronDefinitionBuilder.instanceDefinitionFor(
                  seconds ? CronType.SPRING : CronType.UNIX));
      return CronDescriptor.instance(Locale.ENGLISH).describe(parser.parse(text));
    } catch (RuntimeException e) {
      return null; // forms cron-utils does not read (a/n, Quartz days in 5 fields): no description
    }
  }
}
