package org.manyi.platform.config;

import org.manyi.platform.ManyiProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ManyiProperties.class)
class PlatformConfig {}
