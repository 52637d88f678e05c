package dev.storyvault.identity;

import dev.storyvault.platform.ApiProblem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins issue and revoke API keys. The secret is in the creation response and nowhere else. */
@RestController
@RequestMapping("/api/keys")
class KeysController {

    private final ApiKeys keys;
    private final Users users;
    private final TransactionTemplate transaction;
    private final AuditLog audit;

    KeysController(ApiKeys keys, Users users, TransactionTemplate transaction, AuditLog audit) {
        this.keys = keys;
        this.users = users;
        this.transaction = transaction;
        this.audit = audit;
    }

    record NewKey(String name, List<String> scopes, String userId) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiKeys.IssuedKey create(Caller caller, @RequestBody NewKey request) {
        caller.requireAdmin();
        String name = request.name() == null || request.name().isBlank() ? "api key" : request.name().strip();
        if (name.length() > 100) throw ApiProblem.badRequest("invalid-name", "A key name has at most 100 characters.");
        Set<Scope> scopes = request.scopes() == null || request.scopes().isEmpty()
                ? Set.of(Scope.READ, Scope.WRITE)
                : request.scopes().stream().map(Scope::parse).collect(Collectors.toSet());
        // why: a new service account and its key appear together or not at all
        return transaction.execute(status -> {
            String userId = request.userId() != null ? existingUser(request.userId()) : users.create(name, Role.SERVICE);
            ApiKeys.IssuedKey issued = keys.issue(name, userId, scopes);
            audit.record(caller.userId(), "key.created", "key " + issued.id() + " '" + name + "' for " + userId, null);
            return issued;
        });
    }

    @GetMapping
    Map<String, List<ApiKeys.KeyInfo>> list(Caller caller) {
        caller.requireAdmin();
        return Map.of("items", keys.list());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(Caller caller, @PathVariable String id) {
        caller.requireAdmin();
        if (!keys.revoke(id)) throw ApiProblem.notFound("active key");
        audit.record(caller.userId(), "key.revoked", "key " + id, null);
    }

    private String existingUser(String userId) {
        return users.find(userId).map(Users.User::id).orElseThrow(() -> ApiProblem.notFound("user"));
    }
}
