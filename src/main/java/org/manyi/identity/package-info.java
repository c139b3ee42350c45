/**
 * Who works in Manyi: users, their roles and permissions, teams, sign-in (passwords, the first
 * admin, forced password change) and personal API tokens. Other modules use {@link
 * org.manyi.identity.CurrentUser}, {@link org.manyi.identity.UserId}, {@link
 * org.manyi.identity.Permission} and the {@link org.manyi.identity.Users} query interface.
 */
@ApplicationModule(
    displayName = "Identity",
    allowedDependencies = {"platform", "shared"})
@NullMarked
package org.manyi.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
