package org.manyi.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.manyi.identity.internal.Team;
import org.manyi.identity.internal.UserManagement;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/teams")
@Tag(name = "Teams")
class TeamApiController {

  record TeamRequest(
      @NotBlank(message = "{team.name.required}") @Size(max = 64, message = "{team.name.required}")
          String name) {}

  record TeamResource(UUID id, String name, long members, Instant createdAt) {}

  private final UserManagement users;

  TeamApiController(UserManagement users) {
    this.users = users;
  }

  @GetMapping
  @Operation(summary = "All teams by name")
  List<TeamResource> teams() {
    return users.teams().stream().map(this::resource).toList();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAuthority('PERM_USERS_MANAGE')")
  @Operation(summary = "Create a team (201); a taken name answers 409")
  ResponseEntity<TeamResource> create(@Valid @RequestBody TeamRequest request) {
    Team team = users.createTeam(request.name());
    return ResponseEntity.created(URI.create("/api/v1/teams/" + team.id())).body(resource(team));
  }

  private TeamResource resource(Team team) {
    return new TeamResource(
        team.id().value(), team.name(), users.teamSize(team.id()), team.createdAt());
  }
}
