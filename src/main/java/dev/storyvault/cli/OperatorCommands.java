package dev.storyvault.cli;

import java.io.PrintWriter;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The operator command line (picocli): {@code serve} (the default), {@code users}, {@code keys},
 * {@code backup}, {@code migrate}, {@code cleanup}, each with {@code --help}. Exit codes: 0 done, 1
 * failed, 2 usage error.
 */
@Command(
    name = "storyvault",
    mixinStandardHelpOptions = true,
    description = "Stores, generates and delivers AI-made content. With no command it serves.",
    subcommands = {
      UsersCommand.class,
      KeysCommand.class,
      BackupCommand.class,
      MigrateCommand.class,
      CleanupCommand.class
    })
public final class OperatorCommands {

  static final Set<String> COMMANDS =
      Set.of(
          "users",
          "keys",
          "backup",
          "migrate",
          "cleanup",
          "--help",
          "-h",
          "help",
          "--version",
          "-V");

  private OperatorCommands() {}

  public static boolean isCommand(String[] args) {
    return args.length > 0 && COMMANDS.contains(args[0]);
  }

  /** Runs a command; the context is started on first use (not for help). */
  public static int run(
      String[] args, Supplier<ApplicationContext> context, PrintWriter out, PrintWriter err) {
    BeanCommand.context = context;
    CommandLine line = new CommandLine(new OperatorCommands());
    line.addSubcommand("help", new CommandLine.HelpCommand());
    line.setOut(out);
    line.setErr(err);
    line.setExecutionExceptionHandler(
        (e, command, parsed) -> {
          err.println("error: " + e.getMessage());
          return 1;
        });
    return line.execute(args);
  }
}
