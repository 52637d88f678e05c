package dev.storyvault.asset;

import dev.storyvault.blob.BlobId;
import dev.storyvault.platform.FastPath;
import dev.storyvault.platform.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code GET /api/blobs/{sha256}} of public content answered before Spring MVC and per-request
 * observations: this is the URL CDNs and players hammer, and it needs neither a caller nor a
 * handler lookup. Anything it does not serve (unknown or private hashes, other methods) falls
 * through to {@link AssetDelivery}, which answers the same way, problems included.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ContentAddressedFastPath extends FastPath {

  private static final String PREFIX = "/api/blobs/";

  private final PublicBlobs publicBlobs;
  private final AssetDelivery delivery;

  ContentAddressedFastPath(
      PublicBlobs publicBlobs, AssetDelivery delivery, ProblemWriter problems) {
    super(problems);
    this.publicBlobs = publicBlobs;
    this.delivery = delivery;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String method = request.getMethod();
    return !("GET".equals(method) || "HEAD".equals(method))
        || !request.getRequestURI().startsWith(PREFIX);
  }

  @Override
  protected boolean answered(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String hash = request.getRequestURI().substring(PREFIX.length());
    Optional<AssetVersion> version =
        BlobId.isValid(hash) ? publicBlobs.find(BlobId.of(hash)) : Optional.empty();
    if (version.isEmpty()) return false;
    delivery.sendImmutable(request, response, version.get());
    return true;
  }
}
