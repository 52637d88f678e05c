package dev.storyvault.platform;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesScan("dev.storyvault")
@org.springframework.scheduling.annotation.EnableAsync
class PlatformConfiguration {}
