package dev.storyvault.collection;

import dev.storyvault.document.BoundedJson;
import dev.storyvault.document.JsonLimits;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The collection module's JSON: bounded readers for what callers send, and stored documents. */
@Component
class CollectionJson {

  static final int MAX_DOCUMENT_BYTES = 1 << 20;
  static final int MAX_DEPTH = 32;

  private final BoundedJson documents =
      new BoundedJson(JsonLimits.requestBody("A document", MAX_DOCUMENT_BYTES, MAX_DEPTH));
  private final BoundedJson definitions =
      new BoundedJson(JsonLimits.requestBody("A collection", 256 * 1024, 64));

  Map<String, Object> document(InputStream body) throws IOException {
    return documents.readObject(body);
  }

  Map<String, Object> definition(InputStream body) throws IOException {
    return definitions.readObject(body);
  }

  Map<String, Object> stored(String json) {
    return documents.readStored(json);
  }

  String write(Object value) {
    return documents.write(value);
  }
}
