package dev.storyvault.asset;

import dev.storyvault.document.BoundedJson;
import dev.storyvault.document.JsonLimits;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Asset metadata: a JSON object of at most 16 KiB, 8 levels deep; anything else is 400 {@code
 * invalid-metadata}.
 */
@Component
class MetadataJson {

  static final int MAX_BYTES = 16 * 1024;

  private final BoundedJson json =
      new BoundedJson(
          new JsonLimits(
              "Asset metadata",
              MAX_BYTES,
              8,
              MAX_BYTES,
              HttpStatus.BAD_REQUEST,
              "invalid-metadata",
              "invalid-metadata"));

  Map<String, Object> parse(String value) {
    return json.readObject(value);
  }

  String write(Map<String, Object> metadata) {
    return json.write(metadata);
  }
}
