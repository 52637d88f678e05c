package dev.storyvault.story;

import dev.storyvault.document.BoundedJson;
import dev.storyvault.document.JsonLimits;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Story request bodies: at most 2 MiB and 32 levels deep, one JSON object (read by the document
 * kernel).
 */
@Component
class StoryJson {

  static final int MAX_BYTES = 2 * 1024 * 1024;
  static final int MAX_DEPTH = 32;

  private final BoundedJson json =
      new BoundedJson(JsonLimits.requestBody("A story document", MAX_BYTES, MAX_DEPTH));

  Map<String, Object> read(InputStream body) throws IOException {
    return json.readObject(body);
  }

  String write(Object value) {
    return json.write(value);
  }

  Map<String, Object> parse(String stored) {
    return json.readStored(stored);
  }
}
