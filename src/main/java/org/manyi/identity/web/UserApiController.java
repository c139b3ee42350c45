package org.manyi.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.identity.CurrentUser;
import org.manyi.identity.Role;
import org.manyi.identity.UserId;
import org.manyi.identity.internal.ApiToken;
import org.manyi.identity.internal.ApiTokens;
import org.manyi.identity.internal.User;
import org.manyi.identity.internal.UserManagement;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Users, roles, teams and personal API tokens")
class UserApiController {

  /** A user to create. */
  record NewUserRequest(
      @NotBlank(message = "{user.username.required}")
          @Size(max = 32, message = "{user.username.pattern}")
          String username,
      @NotBlank(message = "{user.displayName.required}")
          @Size(max = 64, message = "{user.displayName.required}")
          String displayName,
      @Nullable @Email(message = "{user.email.invalid}") @Size(max = 254) String email,
      @NotEmpty(message = "{user.roles.required}") Set<Role> roles,
      @Nullable String team,
      @NotBlank(message = "{password.required}") String password) {}

  /** Changes; absent fields stay as they are, an empty team or email clears it. */
  record UserPatch(
      @Nullable @Size(min = 1, max = 64, message = "{user.displayName.required}")
          String displayName,
      @Nullable @Email(message = "{user.email.invalid}") @Size(max = 254) String email,
      @Nullable Set<Role> roles,
      @Nullable String team,
      @Nullable Boolean enabled,
      @Nullable String password) {}

  /** A token to create. */
  record TokenRequest(
      @NotBlank(message = "{token.name.required}")
          @Size(max = 64, message = "{token.name.required}")
          String name,
      @Nullable
          @Min(value = 1, message = "{token.expiry.range}")
          @Max(value = 3650, message = "{token.expiry.range}")
          Integer expiresInDays) {}

  /** A token as listed: never its secret. */
  record TokenResource(
      UUID id,
      String name,
      String prefix,
      Instant createdAt,
      @Nullable Instant expiresAt,
      @Nullable Instant lastUsedAt,
      @Nullable Instant revokedAt) {}

  /** A token just created: the only time its secret is shown. */
  record CreatedTokenResource(
      UUID id, String name, String token, Instant createdAt, @Nullable Instant expiresAt) {}

  private final UserManagement users;
  private final ApiTokens tokens;

  UserApiController(UserManagement users, ApiTokens tokens) {
    this.users = users;
    this.tokens = tokens;
  }

  @GetMapping("/me")
  @Operation(summary = "The caller")
  UserResource me(CurrentUser me) {
    return resource(users.get(me.id()));
  }

  @GetMapping
  @PreAuthorize("hasAuthority('PERM_USERS_READ')")
  @Operation(summary = "Users, paged; search by username, name or email")
  PageResult<UserResource> list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Role role,
      @RequestParam(required = false) UUID team,
      @RequestParam(defaultValue = "username") String sort,
      @RequestParam(defaultValue = "false") boolean desc,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return users
        .list(new UserManagement.UserQuery(q, role, team, sort, desc), PageRequest.of(page, size))
        .map(this::resource);
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('PERM_USERS_READ')")
  @Operation(summary = "One user")
  UserResource one(@PathVariable UUID id) {
    return resource(users.get(new UserId(id)));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('PERM_USERS_MANAGE')")
  @Operation(summary = "Create a user (201); a taken username answers 409")
  ResponseEntity<UserResource> create(@Valid @RequestBody NewUserRequest request) {
    User user =
        users.create(
            new UserManagement.NewUser(
                request.username(),
                request.displayName(),
                request.email(),
                request.roles(),
                request.team(),
                request.password()));
    return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(resource(user));
  }

  @PatchMapping("/{id}")
  @PreAuthorize("hasAuthority('PERM_USERS_MANAGE')")
  @Operation(summary = "Change a user's name, email, roles, team, enabled flag or password")
  UserResource change(@PathVariable UUID id, @Valid @RequestBody UserPatch patch, CurrentUser me) {
    return resource(
        users.change(
            new UserId(id),
            new UserManagement.UserChanges(
                patch.displayName(),
                patch.email(),
                patch.roles(),
                patch.team(),
                patch.enabled(),
                patch.password()),
            me.id()));
  }

  @GetMapping("/me/tokens")
  @Operation(summary = "The caller's API tokens (without secrets)")
  List<TokenResource> myTokens(CurrentUser me) {
    return tokens.list(me.id()).stream().map(UserApiController::resource).toList();
  }

  @PostMapping("/me/tokens")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create a personal API token; the secret is in this answer only")
  ResponseEntity<CreatedTokenResource> createToken(
      @Valid @RequestBody TokenRequest request, CurrentUser me) {
    ApiTokens.CreatedToken created =
        tokens.create(me.id(), request.name(), request.expiresInDays());
    ApiToken token = created.token();
    return ResponseEntity.created(URI.create("/api/v1/users/me/tokens/" + token.id()))
        .body(
            new CreatedTokenResource(
                token.id(), token.name(), created.secret(), token.createdAt(), token.expiresAt()));
  }

  @DeleteMapping("/me/tokens/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Revoke one of the caller's tokens")
  ResponseEntity<Void> revokeToken(@PathVariable UUID id, CurrentUser me) {
    tokens.revoke(me.id(), id);
    return ResponseEntity.noContent().build();
  }

  private UserResource resource(User user) {
    return new UserResource(
        user.id().value(),
        user.username(),
        user.displayName(),
        user.email(),
        user.roles(),
        users.teamName(user.teamId()),
        user.enabled(),
        user.mustChangePassword(),
        user.createdAt(),
        user.updatedAt());
  }

  private static TokenResource resource(ApiToken token) {
    return new TokenResource(
        token.id(),
        token.name(),
        token.prefix(),
        token.createdAt(),
        token.expiresAt(),
        token.lastUsedAt(),
        token.revokedAt());
  }
}
