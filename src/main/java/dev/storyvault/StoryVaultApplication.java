package dev.storyvault;

import dev.storyvault.cli.CommandLine;
import dev.storyvault.identity.Accounts;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class StoryVaultApplication {
    public static void main(String[] args) {
        if (CommandLine.isCommand(args)) {
            // why: operator commands use the configured database but start no web server
            ConfigurableApplicationContext context = new SpringApplicationBuilder(StoryVaultApplication.class)
                    .web(WebApplicationType.NONE).logStartupInfo(false).run();
            int code = new CommandLine(context.getBean(Accounts.class), System.out).run(args);
            System.exit(SpringApplication.exit(context, () -> code));
        }
        SpringApplication.run(StoryVaultApplication.class, args);
    }
}
