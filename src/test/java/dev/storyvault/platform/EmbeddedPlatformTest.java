package dev.storyvault.platform;

import dev.storyvault.support.TestModes;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class EmbeddedPlatformTest extends PlatformContract {
    @DynamicPropertySource
    static void mode(DynamicPropertyRegistry registry) {
        TestModes.embedded(registry);
    }
}
