package dev.storyvault.identity;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.platform.ApiProblem;
import dev.storyvault.platform.ClientAddresses;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * People: created by admins (or by sign-up when enabled), log in for a token; guests get one
 * without.
 */
@RestController
class AuthController {

  private final Users users;
  private final Passwords passwords;
  private final AccessTokens tokens;
  private final AuditLog audit;
  private final AuthProperties properties;
  private final WriteTransactions writes;
  private final ClientAddresses addresses;
  private final Accounts accounts;

  AuthController(
      Users users,
      Passwords passwords,
      AccessTokens tokens,
      AuditLog audit,
      AuthProperties properties,
      WriteTransactions writes,
      ClientAddresses addresses,
      Accounts accounts) {
    this.addresses = addresses;
    this.accounts = accounts;
    this.users = users;
    this.passwords = passwords;
    this.tokens = tokens;
    this.audit = audit;
    this.properties = properties;
    this.writes = writes;
  }

  record Login(String username, String password, String role) {}

  @PostMapping("/api/users")
  ResponseEntity<Map<String, Object>> create(
      Caller caller, @RequestBody Login request, HttpServletRequest http) {
    caller.requireAdmin();
    Role role = "admin".equals(request.role()) ? Role.ADMIN : Role.USER;
    if (request.role() != null
        && !request.role().equals("admin")
        && !request.role().equals("user")) {
      throw ApiProblem.badRequest("invalid-role", "role is user or admin.");
    }
    String id =
        accounts.createPerson(
            caller.userId(),
            request.username(),
            request.password(),
            role == Role.ADMIN,
            addresses.of(http));
    return ResponseEntity.status(HttpStatus.CREATED).body(user(id, request.username(), role));
  }

  @PostMapping("/api/auth/signup")
  ResponseEntity<Map<String, Object>> signup(@RequestBody Login request) {
    if (!properties.signupEnabled()) throw ApiProblem.notFound("endpoint");
    String id = register(request, Role.USER);
    return ResponseEntity.status(HttpStatus.CREATED).body(user(id, request.username(), Role.USER));
  }

  @PostMapping("/api/auth/login")
  Map<String, Object> login(@RequestBody Login request, HttpServletRequest http) {
    String username = request.username() == null ? "" : request.username();
    Optional<Users.Credentials> found =
        username.length() > 64 ? Optional.empty() : users.credentials(username);
    boolean ok =
        passwords.matches(
            request.password() == null ? "" : request.password(),
            found.map(Users.Credentials::passwordHash).orElse(null));
    if (!ok || found.isEmpty()) {
      audit.record(
          null, "auth.login-failed", "login failed for '" + username + "'", addresses.of(http));
      throw ApiProblem.unauthorized("Unknown username or wrong password.");
    }
    return token(tokens.issue(found.get().id(), properties.tokenTtl()));
  }

  @PostMapping("/api/auth/logout")
  ResponseEntity<Void> logout(Caller caller, HttpServletRequest http) {
    caller.requireAuthenticated();
    String header = http.getHeader("Authorization");
    if (header == null || !tokens.revoke(header.substring(7).trim())) {
      throw ApiProblem.badRequest(
          "not-a-token", "Only a login or guest token can be logged out; revoke API keys instead.");
    }
    return ResponseEntity.noContent().build();
  }

  /** A short-lived guest: reads public content and plays interactive sessions; cannot upload. */
  @PostMapping("/api/auth/guest")
  ResponseEntity<Map<String, Object>> guest() {
    Map<String, Object> body =
        writes.execute(
            () -> {
              String id = users.create("guest", Role.GUEST);
              return token(tokens.issue(id, properties.guestTtl()));
            });
    return ResponseEntity.status(HttpStatus.CREATED).body(body);
  }

  @GetMapping("/api/users/me")
  Map<String, Object> me(Caller caller) {
    caller.requireAuthenticated();
    Users.User user = users.find(caller.userId()).orElseThrow(() -> ApiProblem.notFound("user"));
    return user(user.id(), user.username(), user.role());
  }

  @GetMapping("/api/audit")
  Map<String, Object> auditLog(Caller caller) {
    caller.requireAdmin();
    return Map.of("items", audit.recent(200));
  }

  private String register(Login request, Role role) {
    return accounts.register(request.username(), request.password(), role);
  }

  private static Map<String, Object> token(AccessTokens.Issued issued) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("token", issued.token());
    body.put("expires_at", issued.expiresAt().toString());
    return body;
  }

  private static Map<String, Object> user(String id, String username, Role role) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("username", username);
    body.put("role", role.name().toLowerCase());
    return body;
  }
}
