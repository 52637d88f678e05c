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

    /**
     * why: requests run on virtual threads, and a virtual thread inside a JDBC driver's native code (SQLite)
     * holds its carrier; with one carrier per core, two slow searches stalled every other request behind
     * them (search p99 50 ms against 17–20 ms with two carriers per core in bench/story-store; more
     * carriers than that slowed creates). Set before any virtual thread starts; an explicit -D wins.
     */
    static final String CARRIERS = "jdk.virtualThreadScheduler.parallelism";

    public static void main(String[] args) {
        if (System.getProperty(CARRIERS) == null) {
            System.setProperty(CARRIERS, String.valueOf(Math.max(4, 2 * Runtime.getRuntime().availableProcessors())));
        }
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
