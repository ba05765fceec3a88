package dev.runner.notify.webhook;

import dev.runner.config.Suggest;
import dev.runner.notify.spi.Channel;
import dev.runner.notify.spi.ChannelFields;
import dev.runner.notify.spi.ChannelType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@code "type": "webhook"}: an HTTP request to {@code url}, its own or a preset's body. */
public final class WebhookChannelType implements ChannelType {

  private static final Set<String> METHODS = Set.of("POST", "PUT", "GET", "PATCH");

  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public Set<String> fields() {
    return Set.of("url", "method", "headers", "body_template", "preset");
  }

  @Override
  public Channel configure(ChannelFields fields) {
    String preset = fields.string("preset").orElse(null);
    WebhookPresets.Preset defaults = null;
    if (preset != null) {
      defaults = WebhookPresets.PRESETS.get(preset);
      if (defaults == null) {
        String hint = Suggest.didYouMean(preset, WebhookPresets.names());
        fields.problem(
            "preset",
            "unknown preset \"" + preset + "\"",
            hint != null
                ? hint
                : "one of " + String.join(", ", new TreeSet<>(WebhookPresets.names())));
      }
    }
    String url = fields.string("url").orElse(null);
    if (url == null) {
      fields.problem(null, "a webhook channel needs a url", null);
    } else if (!url.startsWith("http://") && !url.startsWith("https://")) {
      fields.problem("url", "'" + url + "' is not an http(s) URL", null);
    }
    String method = fields.string("method").orElse("POST").toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      fields.problem("method", "'" + method + "' is not one of POST, PUT, PATCH, GET", null);
    }
    Map<String, String> headers =
        new LinkedHashMap<>(defaults == null ? Map.of() : defaults.headers());
    headers.putAll(fields.stringMap("headers").orElse(Map.of()));
    headers.values().forEach(value -> fields.checkTemplate("headers", value));
    String body =
        fields
            .template("body_template")
            .orElse(defaults == null ? WebhookPresets.GENERIC : defaults.body());
    boolean json =
        headers.entrySet().stream()
            .filter(h -> h.getKey().equalsIgnoreCase("Content-Type"))
            .map(h -> h.getValue().toLowerCase(Locale.ROOT).contains("json"))
            .findFirst()
            .orElse(defaults == null || defaults.json());
    return new WebhookChannel(
        url == null ? "" : url, method, headers, body, json, defaults == null ? null : preset);
  }
}
