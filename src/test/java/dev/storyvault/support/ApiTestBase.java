package dev.storyvault.support;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A server on a random port, an admin, and two users with their own keys. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = {dev.storyvault.StoryVaultApplication.class, MovableClock.Config.class})
public abstract class ApiTestBase {

  @LocalServerPort protected int port;

  /** The application's clock: tests of expiry move it instead of sleeping. */
  @org.springframework.beans.factory.annotation.Autowired protected MovableClock clock;

  protected Api admin;
  protected Api alice;
  protected Api bob;
  protected Api anonymous;
  protected String aliceId;
  protected String bobId;
  protected String bobKey;

  @BeforeEach
  void callers() {
    admin = new Api("http://127.0.0.1:" + port, TestModes.ADMIN_KEY);
    tools.jackson.databind.JsonNode a = keyFor("alice", List.of("read", "write"));
    tools.jackson.databind.JsonNode b = keyFor("bob", List.of("read", "write"));
    alice = admin.as(a.get("key").asString());
    aliceId = a.get("user_id").asString();
    bob = admin.as(b.get("key").asString());
    bobId = b.get("user_id").asString();
    bobKey = b.get("key").asString();
    anonymous = admin.anonymous();
  }

  /**
   * Purges an item from its owner's trash: a delete is for good (blobs released, references gone)
   * only after this, or after the grace period.
   */
  protected static void purgeFromTrash(Api owner, String itemId) {
    owner.delete("/api/trash/" + trashId(owner, itemId));
  }

  /** The id of the owner's trash item that holds {@code itemId}. */
  protected static String trashId(Api owner, String itemId) {
    for (tools.jackson.databind.JsonNode item : owner.get("/api/trash").json().get("items")) {
      if (item.get("item_id").asString().equals(itemId)) return item.get("id").asString();
    }
    throw new IllegalStateException(itemId + " is not in the trash");
  }

  /** A new person (role user), signed in: their login token. */
  protected String aSignedInPerson() {
    String username = "person-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    String password = "correct horse battery";
    admin.postJson("/api/users", Map.of("username", username, "password", password));
    Api.Response login =
        anonymous.postJson("/api/auth/login", Map.of("username", username, "password", password));
    if (login.status() != 200) throw new IllegalStateException("Could not log in: " + login.text());
    return login.json().get("token").asString();
  }

  protected String newKey(String name, List<String> scopes) {
    return keyFor(name, scopes).get("key").asString();
  }

  /** A new key (and service account); its JSON has "key" and "user_id". */
  protected tools.jackson.databind.JsonNode keyFor(String name, List<String> scopes) {
    Api.Response created = admin.postJson("/api/keys", Map.of("name", name, "scopes", scopes));
    if (created.status() != 201)
      throw new IllegalStateException("Could not create a key: " + created.text());
    return created.json();
  }
}
