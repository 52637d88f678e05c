package dev.storyvault.events;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;

/**
 * A diagnostic setting, {@code storyvault.events.delay-listeners} (off by default): every
 * asynchronous listener waits this long before it runs. It lets a crash test kill the server
 * between a commit and the listeners of its events, and an operator watch publications pile up and
 * drain.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("storyvault.events.delay-listeners")
class ListenerDelay {

  @Bean
  TaskDecorator delayedListeners(@Value("${storyvault.events.delay-listeners}") Duration delay) {
    return task ->
        () -> {
          try {
            Thread.sleep(delay);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          task.run();
        };
  }
}
