package dev.storyvault.asset.inspection;

import dev.storyvault.document.BoundedJson;
import dev.storyvault.document.JsonLimits;
import java.nio.file.Path;
import org.springframework.http.HttpStatus;

/**
 * Proves an upload is one well-formed JSON document within the nesting limit, by streaming through
 * its tokens (the document kernel's reader): nothing is built in memory, so a 100,000-deep document
 * costs nothing but a refusal (422). Its size is bounded by the data upload limit before this runs.
 */
final class JsonCheck {

  private static final int MAX_STRING = 5_000_000;

  private JsonCheck() {}

  static void verify(Path file, int maxDepth) {
    new BoundedJson(
            new JsonLimits(
                "A JSON asset",
                Long.MAX_VALUE,
                maxDepth,
                MAX_STRING,
                HttpStatus.UNPROCESSABLE_CONTENT,
                "invalid-json",
                "json-too-deep"))
        .checkWellFormed(file);
  }
}
