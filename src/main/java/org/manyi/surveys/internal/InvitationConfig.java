package org.manyi.surveys.internal;

import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InvitationConfig {

  /** Quiet hours from {@code manyi.surveys.quiet-hours.*}; equal start and end switch them off. */
  @Bean
  QuietHours quietHours(
      @Value("${manyi.surveys.quiet-hours.start:21:00}") String start,
      @Value("${manyi.surveys.quiet-hours.end:09:00}") String end,
      @Value("${manyi.surveys.quiet-hours.zone:Asia/Shanghai}") String zone) {
    return new QuietHours(LocalTime.parse(start), LocalTime.parse(end), ZoneId.of(zone));
  }
}
