package dev.storyvault.cli;

import dev.storyvault.identity.Accounts;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Operator commands run against the configured database instead of serving: {@code users create
 * NAME PASSWORD [--admin]}, {@code keys create NAME [--scopes read,write]}, {@code keys revoke
 * KEY_ID}. Returns a process exit code.
 */
public final class OperatorCommands {

  static final Set<String> COMMANDS = Set.of("users", "keys");

  private final Accounts accounts;
  private final PrintStream out;

  public OperatorCommands(Accounts accounts, PrintStream out) {
    this.accounts = accounts;
    this.out = out;
  }

  public static boolean isCommand(String[] args) {
    return args.length > 0 && COMMANDS.contains(args[0]);
  }

  public int run(String[] args) {
    List<String> a = Arrays.asList(args);
    try {
      if (a.size() >= 4 && a.get(0).equals("users") && a.get(1).equals("create")) {
        String id =
            accounts.createPerson(
                Accounts.OPERATOR, a.get(2), a.get(3), a.contains("--admin"), "command line");
        out.println("created user " + a.get(2) + " (" + id + ")");
        return 0;
      }
      if (a.size() >= 3 && a.get(0).equals("keys") && a.get(1).equals("create")) {
        int scopes = a.indexOf("--scopes");
        String list = scopes > 0 && scopes + 1 < a.size() ? a.get(scopes + 1) : "read,write";
        out.println(
            accounts.issueKey(Accounts.OPERATOR, a.get(2), null, Accounts.scopes(list)).key());
        return 0;
      }
      if (a.size() == 3 && a.get(0).equals("keys") && a.get(1).equals("revoke")) {
        if (!accounts.revokeKey(Accounts.OPERATOR, a.get(2))) {
          out.println("no active key " + a.get(2));
          return 1;
        }
        out.println("revoked " + a.get(2));
        return 0;
      }
    } catch (RuntimeException e) {
      out.println("error: " + e.getMessage());
      return 1;
    }
    out.println(
        "usage: users create NAME PASSWORD [--admin] | keys create NAME [--scopes read,write,admin] | keys revoke KEY_ID");
    return 2;
  }
}
