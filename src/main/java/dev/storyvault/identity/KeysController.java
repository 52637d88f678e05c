package dev.storyvault.identity;

import dev.storyvault.platform.ApiProblem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
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
  private final Accounts accounts;

  KeysController(ApiKeys keys, Accounts accounts) {
    this.keys = keys;
    this.accounts = accounts;
  }

  record NewKey(String name, List<String> scopes, String userId) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ApiKeys.IssuedKey create(Caller caller, @RequestBody NewKey request) {
    caller.requireAdmin();
    String name =
        request.name() == null || request.name().isBlank() ? "api key" : request.name().strip();
    if (name.length() > 100)
      throw ApiProblem.badRequest("invalid-name", "A key name has at most 100 characters.");
    Set<Scope> scopes =
        request.scopes() == null || request.scopes().isEmpty()
            ? Set.of(Scope.READ, Scope.WRITE)
            : request.scopes().stream().map(Scope::parse).collect(Collectors.toSet());
    return accounts.issueKey(caller.userId(), name, request.userId(), scopes);
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
    if (!accounts.revokeKey(caller.userId(), id)) throw ApiProblem.notFound("active key");
  }
}
