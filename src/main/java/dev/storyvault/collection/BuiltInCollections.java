package dev.storyvault.collection;

import dev.storyvault.platform.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The game's catalogs from the seed, declared at start when absent: creatures, animations, effects,
 * battles and analytics snapshots (definitions in {@code collections/*.json}). An admin may change
 * them later like any collection; a start never overwrites such a change.
 */
@Component
class BuiltInCollections implements ApplicationRunner {

  static final List<String> NAMES =
      List.of("creatures", "animations", "effects", "battles", "analytics-snapshots");

  private final CollectionDefinitions definitions;
  private final CollectionEditor editor;
  private final CollectionJson json;

  BuiltInCollections(
      CollectionDefinitions definitions, CollectionEditor editor, CollectionJson json) {
    this.definitions = definitions;
    this.editor = editor;
    this.json = json;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    for (String name : NAMES) {
      if (definitions.find(name).isPresent()) continue;
      try (InputStream in =
          new ClassPathResource("collections/" + name + ".json").getInputStream()) {
        editor.create(json.definition(in), null, true);
      } catch (ApiProblem exists) {
        // why ignored: another instance declared it first
        if (exists.status().value() != 409) throw exists;
      }
    }
  }
}
