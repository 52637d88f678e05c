package dev.storyvault.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyvault.support.ScaleOutServices;
import dev.storyvault.support.TestModes;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ExtendWith(ScaleOutServices.class)
class ScaleOutSearchIndexUpkeepTest extends SearchIndexUpkeepContract {
  @DynamicPropertySource
  static void mode(DynamicPropertyRegistry registry) {
    TestModes.scaleOut(registry);
  }

  @Override
  void indexIsTidy(int steps) {
    assertThat(
            jdbc.sql("SELECT gin_clean_pending_list('stories_search')").query(Long.class).single())
        .as("pending pages left after the upkeep ran")
        .isZero();
  }
}
