package org.manyi.identity.internal;

import java.time.Instant;
import org.manyi.identity.TeamId;

/** A team; members are users whose team is this one. */
public record Team(TeamId id, String name, Instant createdAt) {}
