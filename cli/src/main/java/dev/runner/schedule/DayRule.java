package dev.runner.schedule;

import java.time.LocalDate;

/** Which local dates a calendar schedule fires on. */
@FunctionalInterface
interface DayRule {
  boolean matches(LocalDate date);
}
