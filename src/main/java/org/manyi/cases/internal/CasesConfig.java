package org.manyi.cases.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CasesProperties.class, RemedyApprovalProperties.class})
class CasesConfig {}
