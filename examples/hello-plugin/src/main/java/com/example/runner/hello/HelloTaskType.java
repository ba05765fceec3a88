package com.example.runner.hello;

import dev.runner.task.Task;
import dev.runner.task.TaskFields;
import dev.runner.task.TaskType;
import java.util.Set;

/**
 * {@code "type": "hello"}: greets someone. Shows the three things a type does: name itself, list
 * its fields, and turn them into a {@link Task}, reporting mistakes through {@link TaskFields}.
 */
public final class HelloTaskType implements TaskType {

  @Override
  public String name() {
    return "hello";
  }

  @Override
  public Set<String> fields() {
    return Set.of("greeting", "who");
  }

  @Override
  public Task configure(TaskFields fields) {
    String greeting = fields.string("greeting").orElse("你好");
    String who = fields.string("who").orElse("world");
    if (who.isBlank()) {
      fields.problem("who", "who is empty", "write a name, e.g. \"who\": \"me\"");
    }
    return new HelloTask(greeting, who);
  }
}
