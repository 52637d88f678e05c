package dev.storyvault.cli;

import dev.storyvault.backup.BackupOperations;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code migrate --from ./data}: moves an embedded installation into the scale-out one this command
 * is configured for. Exit 0 when it is complete and checked, 1 when refused or a check failed.
 */
@Command(
    name = "migrate",
    description = {
      "Moves an embedded installation (SQLite and blobs on disk) into the configured scale-out"
          + " one (PostgreSQL and S3): the target's schema first, then blobs, rows, the search"
          + " index and sequences; then counts and every blob's hash are checked.",
      "Stop the embedded server first: the source must not take writes while this runs (if it"
          + " does, the run fails and says so). Safe to run again after an interruption (with"
          + " --replace once rows were copied)."
    },
    mixinStandardHelpOptions = true)
class MigrateCommand extends BeanCommand {

  @Option(
      names = "--from",
      required = true,
      description = "The embedded installation's data folder (holding storyvault.db and blobs/).")
  Path from;

  @Option(
      names = "--replace",
      description = "Replace what the target holds (refused otherwise when it holds content).")
  boolean replace;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    // why: nothing else may write while the database is replaced
    System.setProperty("db-scheduler.enabled", "false");
    Progress progress = new Progress(err(), "blobs");
    BackupOperations.Outcome outcome =
        bean(BackupOperations.class)
            .migrate(
                from,
                replace,
                line -> {
                  progress.done();
                  err().println(line);
                },
                progress::step);
    progress.done();
    List<?> problems = (List<?>) outcome.body().get("problems");
    out()
        .println(
            json
                ? outcome.json()
                : outcome.ok()
                    ? "migrated "
                        + from
                        + ": "
                        + outcome.body().get("blobs")
                        + " blobs ("
                        + outcome.body().get("copied_blobs")
                        + " copied), tables "
                        + outcome.body().get("tables")
                    : String.join("\n", problems.stream().map(String::valueOf).toList()));
    return outcome.ok() ? 0 : 1;
  }
}
