package dev.runner.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runner.notify.spi.ChannelType;
import dev.runner.notify.webhook.WebhookPresets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * tasks_config.schema.json is written by hand; this keeps its channels in step with the channel
 * types runner builds in. Update the schema when this fails.
 */
class JsonSchemaTest {

  static final Path SCHEMA = Path.of("..", "tasks_config.schema.json");

  final ChannelTypes channels = TaskTypes.load(getClass().getClassLoader()).channels();

  /** The types shipped in runner's own classes, not the test-only ones beside them. */
  List<ChannelType> builtIn() {
    List<ChannelType> types = new ArrayList<>();
    for (String name : channels.names()) {
      ChannelType type = channels.get(name);
      if (type.getClass()
          .getProtectionDomain()
          .getCodeSource()
          .equals(ChannelTypes.class.getProtectionDomain().getCodeSource())) {
        types.add(type);
      }
    }
    return types;
  }

  @Test
  void the_schema_describes_each_built_in_channel_type_and_its_fields() throws Exception {
    JsonNode defs = new ObjectMapper().readTree(SCHEMA.toFile()).get("$defs");
    assertThat(defs.at("/rules/items/properties/channels/items/$ref").asText())
        .isEqualTo("#/$defs/channel");

    Set<String> described = new TreeSet<>();
    for (JsonNode branch : defs.at("/channel/allOf")) {
      String name = branch.at("/if/properties/type/const").asText();
      described.add(name);
      assertThat(branch.at("/then/$ref").asText()).isEqualTo("#/$defs/" + name + "_channel");
    }
    assertThat(described)
        .as("channel types in the schema")
        .containsExactlyElementsOf(builtIn().stream().map(ChannelType::name).toList());

    for (ChannelType type : builtIn()) {
      JsonNode channel = defs.get(type.name() + "_channel");
      Set<String> fields = new TreeSet<>(type.fields());
      fields.add("type");
      Set<String> properties = new TreeSet<>();
      channel.get("properties").fieldNames().forEachRemaining(properties::add);
      assertThat(properties).as("fields of the %s channel", type.name()).isEqualTo(fields);
      assertThat(channel.at("/properties/type/const").asText()).isEqualTo(type.name());
      assertThat(channel.get("additionalProperties").asBoolean(true)).isFalse();
    }
  }

  @Test
  void the_schema_lists_every_webhook_preset() throws Exception {
    JsonNode presets =
        new ObjectMapper()
            .readTree(SCHEMA.toFile())
            .at("/$defs/webhook_channel/properties/preset/enum");
    Set<String> listed = new LinkedHashSet<>();
    presets.forEach(p -> listed.add(p.asText()));
    assertThat(listed).containsExactlyInAnyOrderElementsOf(WebhookPresets.names());
  }
}
