package dev.storyvault.identity;

import dev.storyvault.platform.ApiProblem;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Account operations shared by the HTTP API and the operator's command line; both are audited. */
@Component
public class Accounts {

    private final Users users;
    private final Passwords passwords;
    private final ApiKeys keys;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    Accounts(Users users, Passwords passwords, ApiKeys keys, AuditLog audit, TransactionTemplate transaction) {
        this.users = users;
        this.passwords = passwords;
        this.keys = keys;
        this.audit = audit;
        this.transaction = transaction;
    }

    public String createPerson(String username, String password, boolean admin) {
        Role role = admin ? Role.ADMIN : Role.USER;
        String id = register(username, password, role);
        audit.record(Users.ADMIN_ID, "user.created", "created " + role.name().toLowerCase() + " '" + username + "' (" + id + ") from the command line", null);
        return id;
    }

    /** A new service account with one key; returns the key (shown once). */
    public String createKey(String name, String scopeList) {
        Set<Scope> scopes = Arrays.stream(scopeList.split(",")).map(Scope::parse).collect(Collectors.toSet());
        return transaction.execute(status -> {
            ApiKeys.IssuedKey issued = keys.issue(name, users.create(name, Role.SERVICE), scopes);
            audit.record(Users.ADMIN_ID, "key.created", "key " + issued.id() + " '" + name + "' from the command line", null);
            return issued.key();
        });
    }

    public boolean revokeKey(String keyId) {
        boolean revoked = keys.revoke(keyId);
        if (revoked) audit.record(Users.ADMIN_ID, "key.revoked", "key " + keyId + " from the command line", null);
        return revoked;
    }

    String register(String username, String password, Role role) {
        String name = username == null ? "" : username.strip();
        if (!name.matches("[a-z0-9._-]{3,64}")) {
            throw ApiProblem.badRequest("invalid-username", "username is 3-64 lowercase letters, digits, '.', '_' or '-'.");
        }
        if (password == null || password.length() < 8 || password.length() > 200) {
            throw ApiProblem.badRequest("invalid-password", "password has 8 to 200 characters.");
        }
        return users.createWithLogin(name, passwords.hash(password), role, null)
                .orElseThrow(() -> new ApiProblem(org.springframework.http.HttpStatus.CONFLICT, "username-taken", "Conflict",
                        "That username is taken."));
    }
}
