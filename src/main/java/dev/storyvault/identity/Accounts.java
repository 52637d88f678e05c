package dev.storyvault.identity;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.platform.ApiProblem;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Account operations shared by the HTTP API and the operator's command line; both are audited. */
@Component
public class Accounts {

  /** The actor recorded for commands run on the operator's command line. */
  public static final String OPERATOR = Users.ADMIN_ID;

  private final Users users;
  private final Passwords passwords;
  private final ApiKeys keys;
  private final AuditLog audit;
  private final WriteTransactions writes;

  Accounts(
      Users users, Passwords passwords, ApiKeys keys, AuditLog audit, WriteTransactions writes) {
    this.users = users;
    this.passwords = passwords;
    this.keys = keys;
    this.audit = audit;
    this.writes = writes;
  }

  /** A person who logs in; recorded in the audit log as {@code actorId}'s action. */
  public String createPerson(
      String actorId, String username, String password, boolean admin, String remoteAddress) {
    Role role = admin ? Role.ADMIN : Role.USER;
    String id = register(username, password, role);
    audit.record(
        actorId,
        "user.created",
        "created " + role.name().toLowerCase() + " '" + username + "' (" + id + ")",
        remoteAddress);
    return id;
  }

  /**
   * A key for {@code userId}, or for a new service account named after the key when null; shown
   * once.
   */
  public ApiKeys.IssuedKey issueKey(String actorId, String name, String userId, Set<Scope> scopes) {
    // why: a new service account and its key appear together or not at all
    return writes.execute(
        () -> {
          String owner =
              userId != null
                  ? users
                      .find(userId)
                      .map(Users.User::id)
                      .orElseThrow(() -> ApiProblem.notFound("user"))
                  : users.create(name, Role.SERVICE);
          ApiKeys.IssuedKey issued = keys.issue(name, owner, scopes);
          audit.record(
              actorId, "key.created", "key " + issued.id() + " '" + name + "' for " + owner, null);
          return issued;
        });
  }

  public boolean revokeKey(String actorId, String keyId) {
    boolean revoked = keys.revoke(keyId);
    if (revoked) audit.record(actorId, "key.revoked", "key " + keyId, null);
    return revoked;
  }

  public static Set<Scope> scopes(String list) {
    return Arrays.stream(list.split(",")).map(Scope::parse).collect(Collectors.toSet());
  }

  String register(String username, String password, Role role) {
    String name = username == null ? "" : username.strip();
    if (!name.matches("[a-z0-9._-]{3,64}")) {
      throw ApiProblem.badRequest(
          "invalid-username", "username is 3-64 lowercase letters, digits, '.', '_' or '-'.");
    }
    if (password == null || password.length() < 8 || password.length() > 200) {
      throw ApiProblem.badRequest("invalid-password", "password has 8 to 200 characters.");
    }
    return users
        .createWithLogin(name, passwords.hash(password), role, null)
        .orElseThrow(
            () ->
                new ApiProblem(
                    org.springframework.http.HttpStatus.CONFLICT,
                    "username-taken",
                    "Conflict",
                    "That username is taken."));
  }
}
