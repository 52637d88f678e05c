package dev.storyvault.collection;

import dev.storyvault.identity.Caller;
import dev.storyvault.platform.ApiProblem;
import dev.storyvault.platform.FastPath;
import dev.storyvault.platform.PathShape;
import dev.storyvault.platform.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A catalog listing already in the {@link ListingCache} answered after authentication and rate
 * limiting but before Spring MVC: finding the handler among this server's routes cost a third of
 * such a request. Anything else — not cached, not allowed, another route — goes on to {@link
 * CollectionDocumentsController}, which answers the same way and fills the cache.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class ListingFastPath extends FastPath {

  private static final PathShape DOCUMENTS = new PathShape("/api/collections/", "/documents");

  private final CollectionCatalog catalog;
  private final CollectionAccess access;
  private final ListingCache listings;

  ListingFastPath(
      CollectionCatalog catalog,
      CollectionAccess access,
      ListingCache listings,
      ProblemWriter problems) {
    super(problems);
    this.catalog = catalog;
    this.access = access;
    this.listings = listings;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod()) || !DOCUMENTS.matches(request.getRequestURI());
  }

  @Override
  protected boolean answered(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    byte[] answer = known(request).orElse(null);
    if (answer == null) return false;
    response.setStatus(200);
    response.setContentType("application/json");
    response.setHeader("Cache-Control", "no-store, private");
    response.setContentLength(answer.length);
    response.getOutputStream().write(answer);
    return true;
  }

  private Optional<byte[]> known(HttpServletRequest request) {
    String name = DOCUMENTS.segment(request.getRequestURI());
    Optional<CompiledCollection> found = catalog.find(name);
    if (found.isEmpty() || !ListingCache.applies(found.get().definition())) return Optional.empty();
    CollectionDefinition definition = found.get().definition();
    try {
      if (access.listedOwner(definition, Caller.of(request)) != null) return Optional.empty();
    } catch (ApiProblem refused) {
      return Optional.empty();
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    request.getParameterMap().forEach((key, values) -> parameters.put(key, values[0]));
    return Optional.ofNullable(listings.known(definition, parameters));
  }
}
