package dev.storyvault.trash;

import dev.storyvault.database.WriteTransactions;
import dev.storyvault.identity.Caller;
import dev.storyvault.platform.ApiProblem;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What can be done with the trash: restore an item (its module writes it back), purge one now, and
 * purge every item whose grace period is over (each in its own transaction).
 */
@Component
class TrashRoom {

  private static final Logger log = LoggerFactory.getLogger(TrashRoom.class);

  private final Trash trash;
  private final Map<String, Trashable> modules;
  private final WriteTransactions writes;
  private final Clock clock;

  TrashRoom(Trash trash, List<Trashable> modules, WriteTransactions writes, Clock clock) {
    this.trash = trash;
    this.modules = modules.stream().collect(Collectors.toMap(Trashable::kind, Function.identity()));
    this.writes = writes;
    this.clock = clock;
  }

  /** The caller's item (an admin's: anyone's); 404 otherwise. */
  TrashedItem visible(Caller caller, String id) {
    caller.requireAuthenticated();
    return trash
        .find(id)
        .filter(item -> caller.isAdmin() || item.ownerId().equals(caller.userId()))
        .orElseThrow(() -> ApiProblem.notFound("trash item"));
  }

  void restore(TrashedItem item) {
    writes.run(
        () -> {
          if (!trash.remove(item.id())) throw ApiProblem.notFound("trash item");
          module(item).restore(item);
        });
  }

  void purge(TrashedItem item) {
    writes.run(
        () -> {
          if (trash.remove(item.id())) module(item).purge(item);
        });
  }

  /** Purges every item whose grace period is over; how many. */
  int purgeDue() {
    int purged = 0;
    for (TrashedItem item : trash.where("purge_after < ? ORDER BY purge_after", clock.millis())) {
      purge(item);
      purged++;
    }
    if (purged > 0) log.info("Purged {} items from the trash", purged);
    return purged;
  }

  /** Purges everything {@code ownerId} has in the trash, grace period or not; how many. */
  int purgeAllOf(String ownerId) {
    List<TrashedItem> items = trash.where("owner_id = ?", ownerId);
    items.forEach(this::purge);
    return items.size();
  }

  private Trashable module(TrashedItem item) {
    Trashable module = modules.get(item.kind());
    if (module == null) throw new IllegalStateException("No module restores " + item.kind());
    return module;
  }
}
