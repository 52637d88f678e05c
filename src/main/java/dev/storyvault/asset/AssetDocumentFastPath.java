package dev.storyvault.asset;

import dev.storyvault.identity.Caller;
import dev.storyvault.platform.FastPath;
import dev.storyvault.platform.JsonAnswer;
import dev.storyvault.platform.PathShape;
import dev.storyvault.platform.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/assets/{id}} by its owner, an admin or anyone when public, answered from the
 * cached asset after authentication and rate limiting but before Spring MVC, whose handler lookup
 * and return-value handling were most of such a request. Conditional requests, other media types
 * and anything not read directly go on to {@link AssetDocumentsController}, which answers the same
 * way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class AssetDocumentFastPath extends FastPath {

  private static final PathShape ASSET = new PathShape("/api/assets/", "");

  private final AssetAccess access;
  private final AssetDocumentsController documents;
  private final JsonMapper json;

  AssetDocumentFastPath(
      AssetAccess access,
      AssetDocumentsController documents,
      JsonMapper json,
      ProblemWriter problems) {
    super(problems);
    this.access = access;
    this.documents = documents;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !JsonAnswer.jsonGet(request)
        || request.getQueryString() != null
        || request.getHeader("If-None-Match") != null
        || !ASSET.matches(request.getRequestURI());
  }

  @Override
  protected boolean answered(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<Assets.Current> current =
        access.findReadableDirectly(Caller.of(request), ASSET.segment(request.getRequestURI()));
    if (current.isEmpty()) return false;
    JsonAnswer.send(
        response,
        AssetDocumentsController.etag(current.get().asset()),
        json.writeValueAsBytes(documents.view(current.get())));
    return true;
  }
}
