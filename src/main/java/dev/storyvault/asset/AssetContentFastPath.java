package dev.storyvault.asset;

import dev.storyvault.identity.Caller;
import dev.storyvault.platform.ApiProblem;
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

  private final Assets assets;
  private final AssetDelivery delivery;
  private final ProblemWriter problems;

  AssetContentFastPath(Assets assets, AssetDelivery delivery, ProblemWriter problems) {
    this.assets = assets;
    this.delivery = delivery;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String method = request.getMethod();
    String uri = request.getRequestURI();
    return !("GET".equals(method) || "HEAD".equals(method))
        || request.getQueryString() != null
        || !CONTENT.matches(uri);
  }

  @Override
  protected boolean answered(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<Assets.Current> current = readable(request);
    if (current.isEmpty()) return false;
    try {
      delivery.sendCurrent(request, response, current.get());
    } catch (ApiProblem problem) {
      response.reset();
      problems.write(response, problem);
    }
    return true;
  }

  private Optional<Assets.Current> readable(HttpServletRequest request) {
    String id = CONTENT.segment(request.getRequestURI());
    Caller caller = Caller.of(request);
    return AssetAccess.looksLikeId(id)
        ? assets.current(id).filter(c -> AssetAccess.readsDirectly(caller, c.asset()))
        : Optional.empty();
  }
}
