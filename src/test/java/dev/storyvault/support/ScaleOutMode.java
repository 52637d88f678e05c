package dev.storyvault.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a contract on the scale-out mode (PostgreSQL, S3, Redis). Every test class so marked shares
 * one application context, one schema and one bucket for the whole run (see {@link EmbeddedMode}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ScaleOutServices.class)
@ContextConfiguration(initializers = ScaleOutMode.Properties.class)
public @interface ScaleOutMode {

  class Properties implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestPropertyValues.of(TestModes.scaleOutProperties()).applyTo(context);
    }
  }
}
