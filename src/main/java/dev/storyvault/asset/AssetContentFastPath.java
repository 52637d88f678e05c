package dev.storyvault.asset;

import dev.storyvault.identity.Caller;
import dev.storyvault.platform.FastPath;
import dev.storyvault.platform.PathShape;
import dev.storyvault.platform.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code GET /api/assets/{id}/content} by its owner, an admin or anyone for a public asset,
 * answered after authentication and rate limiting but before Spring MVC: apps read their private
 * content through this URL, and a profile showed the handler lookup, argument resolution and
 * per-request observations cost more than sending a small file. Anything else (signed URLs, access
 * through a shared document, unknown ids) goes on to {@link AssetDelivery}, which answers the same
 * way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class AssetContentFastPath extends FastPath {

  private static final PathShape CONTENT = new PathShape("/api/assets/", "/content");

  private final AssetAccess access;
  private final AssetDelivery delivery;

  AssetContentFastPath(AssetAccess access, AssetDelivery delivery, ProblemWriter problems) {
    super(problems);
    this.access = access;
    this.delivery = delivery;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String method = request.getMethod();
    return !("GET".equals(method) || "HEAD".equals(method))
        || request.getQueryString() != null
        || !CONTENT.matches(request.getRequestURI());
  }

  @Override
  protected boolean answered(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<Assets.Current> current =
        access.findReadableDirectly(Caller.of(request), CONTENT.segment(request.getRequestURI()));
    if (current.isEmpty()) return false;
    delivery.sendCurrent(request, response, current.get());
    return true;
  }
}
