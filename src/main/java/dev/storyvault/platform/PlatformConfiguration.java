package dev.storyvault.platform;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConfigurationPropertiesScan("dev.storyvault")
class PlatformConfiguration {}
