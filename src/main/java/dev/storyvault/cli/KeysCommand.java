package dev.storyvault.cli;

import dev.storyvault.identity.Accounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "keys",
    description = "API keys of service accounts.",
    mixinStandardHelpOptions = true,
    subcommands = {KeysCommand.Create.class, KeysCommand.Revoke.class})
class KeysCommand {

  @Command(
      name = "create",
      description = "Issues a key and prints it once.",
      mixinStandardHelpOptions = true)
  static class Create extends BeanCommand {
    @Parameters(index = "0", description = "The key's name.")
    String name;

    @Option(
        names = "--scopes",
        defaultValue = "read,write",
        description = "read, write, admin (comma-separated).")
    String scopes;

    @Override
    public Integer call() {
      out()
          .println(
              bean(Accounts.class)
                  .issueKey(Accounts.OPERATOR, name, null, Accounts.scopes(scopes))
                  .key());
      return 0;
    }
  }

  @Command(
      name = "revoke",
      description = "Revokes a key at once, on every instance.",
      mixinStandardHelpOptions = true)
  static class Revoke extends BeanCommand {
    @Parameters(index = "0", description = "The key's id.")
    String keyId;

    @Override
    public Integer call() {
      if (!bean(Accounts.class).revokeKey(Accounts.OPERATOR, keyId)) {
        out().println("no active key " + keyId);
        return 1;
      }
      out().println("revoked " + keyId);
      return 0;
    }
  }
}
