package dev.storyvault.asset;

import dev.storyvault.support.TestModes;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class EmbeddedSignedUrlTest extends SignedUrlContract {
    @DynamicPropertySource
    static void mode(DynamicPropertyRegistry registry) {
        TestModes.embedded(registry);
    }
}
