package dev.storyvault.trash;

import dev.storyvault.identity.Caller;
import dev.storyvault.identity.Scope;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/trash}: the caller's deleted items (an admin sees everyone's), newest first; restore
 * one, or purge it before its time.
 */
@RestController
class TrashController {

  private final Trash trash;
  private final TrashRoom room;

  TrashController(Trash trash, TrashRoom room) {
    this.trash = trash;
    this.room = room;
  }

  @GetMapping("/api/trash")
  Map<String, Object> list(Caller caller) {
    caller.requireAuthenticated();
    List<TrashedItem> items =
        caller.isAdmin()
            ? trash.where("1 = 1 ORDER BY deleted_at DESC, id DESC LIMIT 500")
            : trash.where(
                "owner_id = ? ORDER BY deleted_at DESC, id DESC LIMIT 500", caller.userId());
    return Map.of("items", items.stream().map(TrashedItem::view).toList());
  }

  @PostMapping("/api/trash/{id}/restore")
  Map<String, Object> restore(Caller caller, @PathVariable String id) {
    TrashedItem item = room.visible(caller, id);
    caller.requireScope(Scope.WRITE);
    room.restore(item);
    return Map.of("restored", true, "kind", item.kind(), "item_id", item.itemId());
  }

  @DeleteMapping("/api/trash/{id}")
  ResponseEntity<Void> purge(Caller caller, @PathVariable String id) {
    TrashedItem item = room.visible(caller, id);
    caller.requireScope(Scope.WRITE);
    room.purge(item);
    return ResponseEntity.noContent().build();
  }
}
