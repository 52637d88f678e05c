package dev.storyvault.story;

import dev.storyvault.support.TestModes;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class EmbeddedStorySearchTest extends StorySearchContract {
    @DynamicPropertySource
    static void mode(DynamicPropertyRegistry registry) {
        TestModes.embedded(registry);
    }
}
