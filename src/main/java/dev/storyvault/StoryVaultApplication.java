package dev.storyvault;

import dev.storyvault.cli.OperatorCommands;
import java.io.PrintWriter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootApplication
public class StoryVaultApplication {

  /**
   * why: requests run on virtual threads, and a virtual thread inside a JDBC driver's native code
   * (SQLite) holds its carrier. With fewer carriers than database connections (8 by default),
   * requests queued behind pinned carriers, unfairly: at 100,000 stories, 8 clients searching saw
   * p50 6 ms but p90 18–24 ms and p99 34–39 ms with 4 carriers; with 8, p99 23–27 ms at the same
   * throughput, and creates were unchanged. Set before any virtual thread starts; an explicit -D
   * wins.
   */
  static final String CARRIERS = "jdk.virtualThreadScheduler.parallelism";

  public static void main(String[] args) {
    if (System.getProperty(CARRIERS) == null) {
      System.setProperty(
          CARRIERS, String.valueOf(Math.max(8, 2 * Runtime.getRuntime().availableProcessors())));
    }
    if (OperatorCommands.isCommand(args)) {
      // why: operator commands use the configured database but start no web server, and only
      // when a command needs it (not for --help)
      ConfigurableApplicationContext[] started = new ConfigurableApplicationContext[1];
      PrintWriter out = new PrintWriter(System.out, true);
      int code =
          OperatorCommands.run(
              args,
              () -> {
                if (started[0] == null)
                  started[0] =
                      new SpringApplicationBuilder(StoryVaultApplication.class)
                          .web(WebApplicationType.NONE)
                          .logStartupInfo(false)
                          .run();
                return started[0];
              },
              out,
              new PrintWriter(System.err, true));
      out.flush();
      System.exit(started[0] == null ? code : SpringApplication.exit(started[0], () -> code));
    }
    SpringApplication.run(StoryVaultApplication.class, args);
  }
}
