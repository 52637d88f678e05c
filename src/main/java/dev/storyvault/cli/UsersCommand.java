package dev.storyvault.cli;

import dev.storyvault.identity.Accounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "users",
    description = "People who sign in.",
    mixinStandardHelpOptions = true,
    subcommands = UsersCommand.Create.class)
class UsersCommand {

  @Command(
      name = "create",
      description = "Creates a person with a password.",
      mixinStandardHelpOptions = true)
  static class Create extends BeanCommand {
    @Parameters(index = "0", description = "The username.")
    String name;

    @Parameters(index = "1", description = "The password (at least 10 characters).")
    String password;

    @Option(names = "--admin", description = "Make them an admin.")
    boolean admin;

    @Override
    public Integer call() {
      String id =
          bean(Accounts.class)
              .createPerson(Accounts.OPERATOR, name, password, admin, "command line");
      out().println("created user " + name + " (" + id + ")");
      return 0;
    }
  }
}
