package dev.storyvault;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class StoryVaultApplication {
    public static void main(String[] args) {
        SpringApplication.run(StoryVaultApplication.class, args);
    }
}
