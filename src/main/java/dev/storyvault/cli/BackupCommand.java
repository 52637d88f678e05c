package dev.storyvault.cli;

import dev.storyvault.backup.BackupOperations;
import java.io.IOException;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code backup create | list | verify ID | prune}: exit 0 when it worked, 1 when it did not
 * (verify found a problem), 2 on a usage error; {@code --json} prints what a script would parse.
 */
@Command(
    name = "backup",
    description = "Backups: the database and every blob it references.",
    mixinStandardHelpOptions = true,
    subcommands = {
      BackupCommand.Create.class,
      BackupCommand.ListBackups.class,
      BackupCommand.Verify.class,
      BackupCommand.Prune.class,
      BackupCommand.Restore.class
    })
class BackupCommand {

  abstract static class Operation extends BeanCommand {
    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    BackupOperations backups() {
      return bean(BackupOperations.class);
    }

    int print(BackupOperations.Outcome outcome, String plain) {
      out().println(json ? outcome.json() : plain);
      return outcome.ok() ? 0 : 1;
    }
  }

  @Command(name = "create", description = "Makes a backup now.", mixinStandardHelpOptions = true)
  static class Create extends Operation {
    @Override
    public Integer call() throws IOException {
      Progress progress = new Progress(err(), "blobs");
      BackupOperations.Outcome made = backups().create(progress::step);
      progress.done();
      Map<String, Object> b = made.body();
      return print(
          made,
          "backup "
              + b.get("id")
              + ": "
              + b.get("blobs")
              + " blobs ("
              + b.get("copied_blobs")
              + " copied, "
              + b.get("blob_bytes")
              + " bytes), snapshot "
              + b.get("snapshot_bytes")
              + " bytes");
    }
  }

  @Command(
      name = "list",
      description = "Lists the backups, newest first.",
      mixinStandardHelpOptions = true)
  static class ListBackups extends Operation {
    @Override
    public Integer call() throws IOException {
      BackupOperations.Outcome listed = backups().list();
      StringBuilder plain = new StringBuilder();
      for (Object item : (java.util.List<?>) listed.body().get("items")) {
        Map<?, ?> b = (Map<?, ?>) item;
        plain
            .append(b.get("id"))
            .append("  ")
            .append(b.get("created_at"))
            .append("  ")
            .append(b.get("blobs"))
            .append(" blobs  ")
            .append(b.get("blob_bytes"))
            .append(" bytes\n");
      }
      return print(listed, plain.toString().stripTrailing());
    }
  }

  @Command(
      name = "verify",
      description = "Re-hashes every blob and the snapshot, opens the snapshot, compares counts.",
      mixinStandardHelpOptions = true)
  static class Verify extends Operation {
    @Parameters(index = "0", description = "The backup's id.")
    String id;

    @Override
    public Integer call() throws IOException {
      BackupOperations.Outcome report = backups().verify(id);
      Object problems = report.body().get("problems");
      return print(
          report,
          report.ok()
              ? "backup " + id + ": ok (" + report.body().get("blobs_checked") + " blobs checked)"
              : "backup "
                  + id
                  + ": "
                  + String.join(
                      "\n  ",
                      ((java.util.List<?>) problems).stream().map(String::valueOf).toList()));
    }
  }

  @Command(
      name = "restore",
      description =
          "Restores a backup into this installation, which must hold no content: blobs first, the"
              + " database second, then checks the result.",
      mixinStandardHelpOptions = true)
  static class Restore extends Operation {
    @Parameters(index = "0", description = "The backup's id.")
    String id;

    @Override
    public Integer call() throws IOException {
      // why: nothing else may write while the database is replaced
      System.setProperty("db-scheduler.enabled", "false");
      Progress progress = new Progress(err(), "blobs");
      BackupOperations.Outcome restored = backups().restore(id, progress::step);
      progress.done();
      Object problems = restored.body().get("problems");
      return print(
          restored,
          restored.ok()
              ? "restored " + id + " and checked it"
              : String.join(
                  "\n", ((java.util.List<?>) problems).stream().map(String::valueOf).toList()));
    }
  }

  @Command(
      name = "prune",
      description = "Removes backups beyond the retention.",
      mixinStandardHelpOptions = true)
  static class Prune extends Operation {
    @Override
    public Integer call() throws IOException {
      BackupOperations.Outcome pruned = backups().prune();
      return print(pruned, "removed " + pruned.body().get("removed"));
    }
  }
}
