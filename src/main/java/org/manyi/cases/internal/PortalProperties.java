package org.manyi.cases.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Self-service portal settings, bound from {@code manyi.portal.*}.
 *
 * @param submissionsPerHour cases one address (IP) may submit in an hour
 * @param codesPerHour one-time codes one address may request in an hour
 * @param codesPerCasePerHour one-time codes sent for one case in an hour, whoever asks
 * @param codeAttempts wrong guesses before a code is void
 * @param codeValidity how long a code may be used
 * @param accessValidity how long a verified customer may follow the case without a new code
 * @param messagesPerHour messages one address may add in an hour
 * @param linkBaseUrl where the portal is reached, for links in emails
 */
@ConfigurationProperties("manyi.portal")
public record PortalProperties(
    @DefaultValue("5") int submissionsPerHour,
    @DefaultValue("10") int codesPerHour,
    @DefaultValue("3") int codesPerCasePerHour,
    @DefaultValue("5") int codeAttempts,
    @DefaultValue("15m") Duration codeValidity,
    @DefaultValue("2h") Duration accessValidity,
    @DefaultValue("20") int messagesPerHour,
    @DefaultValue("http://localhost:8080") String linkBaseUrl) {}
