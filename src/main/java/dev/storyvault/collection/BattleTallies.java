package dev.storyvault.collection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Keeps each creature's {@code metadata.used_in_battles} equal to the number of recorded battles it
 * fought in, after a battle is recorded or removed — through the durable event, not in the battle's
 * request. It counts rather than adds, so a redelivered event changes nothing.
 */
@Component
class BattleTallies {

  static final String BATTLES = "battles";
  static final String CREATURES = "creatures";
  private static final int ATTEMPTS = 5;

  private final CollectionDocuments documents;
  private final DocumentEditor editor;
  private final FieldSql sql;
  private final JdbcClient jdbc;
  private final CollectionCatalog catalog;

  BattleTallies(
      CollectionDocuments documents,
      DocumentEditor editor,
      FieldSql sql,
      JdbcClient jdbc,
      CollectionCatalog catalog) {
    this.documents = documents;
    this.editor = editor;
    this.sql = sql;
    this.jdbc = jdbc;
    this.catalog = catalog;
  }

  @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
  void on(BattlesChanged event) {
    if (event.recorded()) recount(creaturesOf(event.battleId()));
    else recountAll();
  }

  private Set<String> creaturesOf(String battleId) {
    Set<String> ids = new TreeSet<>();
    documents
        .find(BATTLES, battleId)
        .ifPresent(
            battle -> {
              if (battle.data().get("creatures") instanceof List<?> list)
                list.forEach(id -> ids.add(String.valueOf(id)));
            });
    return ids;
  }

  /**
   * why all: a removed or changed battle no longer says which creatures it had; the creatures with
   * a count are few next to the battles.
   */
  private void recountAll() {
    Set<String> ids = new TreeSet<>();
    documents.forEachInCollection(
        CREATURES,
        c -> {
          if (usedInBattles(c) > 0) ids.add(c.id());
        });
    documents.forEachInCollection(
        BATTLES,
        b -> {
          if (b.data().get("creatures") instanceof List<?> list)
            list.forEach(id -> ids.add(String.valueOf(id)));
        });
    recount(ids);
  }

  private void recount(Set<String> creatureIds) {
    for (String id : creatureIds) {
      for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
        var creature = documents.find(CREATURES, id);
        if (creature.isEmpty()) break;
        long battles = battlesWith(id);
        if (usedInBattles(creature.get()) == battles) break;
        try {
          editor.update(
              null,
              null,
              creature.get(),
              withCount(creature.get(), battles),
              creature.get().version());
          break;
        } catch (dev.storyvault.platform.ApiProblem stale) {
          if (attempt == ATTEMPTS) throw stale;
        }
      }
    }
  }

  private long battlesWith(String creatureId) {
    IndexedField creatures = catalog.require(BATTLES).definition().field("creatures").orElseThrow();
    FieldSql.Condition holds = sql.arrayHolds(BATTLES, creatures, creatureId);
    return jdbc.sql(
            "SELECT COUNT(*) FROM collection_documents d WHERE d.collection = '"
                + BATTLES
                + "' AND "
                + holds.sql())
        .params(holds.params())
        .query(Long.class)
        .single();
  }

  private static long usedInBattles(CollectionDocument creature) {
    return creature.data().get("metadata") instanceof Map<?, ?> m
            && m.get("used_in_battles") instanceof Number n
        ? n.longValue()
        : 0;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withCount(CollectionDocument creature, long battles) {
    Map<String, Object> data = new LinkedHashMap<>(creature.data());
    Map<String, Object> metadata =
        data.get("metadata") instanceof Map<?, ?> m
            ? new LinkedHashMap<>((Map<String, Object>) m)
            : new LinkedHashMap<>();
    metadata.put("used_in_battles", battles);
    data.put("metadata", metadata);
    return data;
  }
}
