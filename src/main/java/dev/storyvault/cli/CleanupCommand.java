package dev.storyvault.cli;

import dev.storyvault.trash.Cleanup;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code cleanup [--dry-run]}: the nightly cleanup of abandoned content, now; with {@code
 * --dry-run}, what it would purge and mark, with sizes, changing nothing.
 */
@Command(
    name = "cleanup",
    description =
        "Marks content abandoned (unused and untouched past storyvault.cleanup.abandoned-after) and"
            + " purges what was marked longer ago than the grace period and is still abandoned.",
    mixinStandardHelpOptions = true)
class CleanupCommand extends BeanCommand {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Option(names = "--dry-run", description = "Say what would go, with sizes; change nothing.")
  boolean dryRun;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() {
    Map<String, Object> report = bean(Cleanup.class).run(dryRun);
    if (json) {
      out().println(JSON.writeValueAsString(report));
      return 0;
    }
    String purged = dryRun ? "would_purge" : "purged";
    String marked = dryRun ? "would_mark" : "marked";
    lines(purged.replace('_', ' '), (List<?>) report.get(purged));
    lines(marked.replace('_', ' '), (List<?>) report.get(marked));
    lines("waiting", (List<?>) report.get("waiting"));
    out()
        .println(
            (dryRun ? "would free " : "freed ")
                + report.get("purged_bytes")
                + " bytes; "
                + report.get("marked_bytes")
                + " bytes newly marked");
    return 0;
  }

  private void lines(String heading, List<?> items) {
    for (Object item : items) {
      Map<?, ?> i = (Map<?, ?>) item;
      out()
          .println(
              heading
                  + "  "
                  + i.get("kind")
                  + " "
                  + i.get("id")
                  + "  "
                  + i.get("size_bytes")
                  + " bytes  owner "
                  + i.get("owner_id")
                  + "  purge after "
                  + i.get("purge_after"));
    }
  }
}
