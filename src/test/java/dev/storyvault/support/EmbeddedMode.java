package dev.storyvault.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a contract on the embedded mode (SQLite, disk). Every test class so marked shares one
 * application context, one database and one data folder for the whole run: tests make their own
 * callers and data and assert on what they made, never on what a table holds in all.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ContextConfiguration(initializers = EmbeddedMode.Properties.class)
public @interface EmbeddedMode {

  class Properties implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestPropertyValues.of(TestModes.embeddedProperties()).applyTo(context);
    }
  }
}
