package dev.runner.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The built-in types, as the loader finds them. */
class BuiltInTypesTest {

  @Test
  void every_built_in_type_is_found_through_the_service_loader_by_its_name() {
    assertThat(ServiceLoader.load(TaskType.class).stream().map(p -> p.get().name()))
        .containsExactlyInAnyOrder(
            "shell", "http", "daily_journal", "weekly_review", "dify_workflow", "backup");
  }
}
