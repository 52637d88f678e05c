package dev.storyvault.identity;

import dev.storyvault.platform.ApiProblem;
import java.util.Set;

/** Who is calling: resolved once per request from the bearer credential, or anonymous. */
public record Caller(String userId, Role role, Set<Scope> scopes) {

  public static final Caller ANONYMOUS = new Caller(null, Role.GUEST, Set.of());

  /** The caller resolved for this request by bearer authentication (anonymous if none). */
  public static Caller of(jakarta.servlet.http.HttpServletRequest request) {
    return request.getAttribute(BearerAuthentication.CALLER) instanceof Caller caller
        ? caller
        : ANONYMOUS;
  }

  public boolean isAnonymous() {
    return userId == null;
  }

  public boolean isGuest() {
    return userId != null && role == Role.GUEST;
  }

  public boolean isAdmin() {
    return role == Role.ADMIN || scopes.contains(Scope.ADMIN);
  }

  /**
   * The caller may see an object owned by {@code ownerId}; {@code isPublic} opens it to everyone.
   */
  public boolean canRead(String ownerId, boolean isPublic) {
    return isPublic || isAdmin() || (userId != null && userId.equals(ownerId));
  }

  /** The caller may change an object owned by {@code ownerId}. */
  public boolean canWrite(String ownerId) {
    return isAdmin() || (userId != null && userId.equals(ownerId) && scopes.contains(Scope.WRITE));
  }

  public Caller requireAuthenticated() {
    if (isAnonymous())
      throw ApiProblem.unauthorized("Send 'Authorization: Bearer <api key or token>'.");
    return this;
  }

  public Caller requireScope(Scope scope) {
    requireAuthenticated();
    if (!scopes.contains(scope) && !isAdmin()) {
      throw ApiProblem.forbidden("This credential lacks the '" + scope.wireName() + "' scope.");
    }
    return this;
  }

  public Caller requireAdmin() {
    requireAuthenticated();
    if (!isAdmin()) throw ApiProblem.forbidden("Only an admin may do this.");
    return this;
  }
}
