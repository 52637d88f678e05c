package dev.storyvault.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that works on the configured installation: it asks the application context for what it
 * needs, and the context is started only when such a command runs (not for {@code --help}).
 */
abstract class BeanCommand implements Callable<Integer> {

  static Supplier<ApplicationContext> context;

  @Spec CommandSpec spec;

  <T> T bean(Class<T> type) {
    return context.get().getBean(type);
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
