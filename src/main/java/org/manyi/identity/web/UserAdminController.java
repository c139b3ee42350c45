package org.manyi.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.identity.CurrentUser;
import org.manyi.identity.Role;
import org.manyi.identity.UserId;
import org.manyi.identity.internal.User;
import org.manyi.identity.internal.UserManagement;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages for users: list with search, filters, sorting and paging; create; edit. */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasAuthority('PERM_USERS_MANAGE')")
class UserAdminController {

  static final String LIST = "identity/users";
  static final String ROWS = "identity/users :: rows";
  static final String FORM = "identity/user-form";

  /** Create or edit form; the password is required only when creating. */
  record UserForm(
      @Nullable String username,
      @NotBlank(message = "{user.displayName.required}")
          @Size(max = 64, message = "{user.displayName.required}")
          String displayName,
      @Nullable @Email(message = "{user.email.invalid}") @Size(max = 254) String email,
      @NotEmpty(message = "{user.roles.required}") @Nullable Set<Role> roles,
      @Nullable String team,
      @Nullable String password) {}

  private final UserManagement users;

  UserAdminController(UserManagement users) {
    this.users = users;
  }

  @GetMapping
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Role role,
      @RequestParam(required = false) UUID team,
      @RequestParam(defaultValue = "username") String sort,
      @RequestParam(defaultValue = "false") boolean desc,
      @RequestParam(defaultValue = "0") int page,
      @RequestHeader(value = "HX-Request", required = false) String htmx,
      Model model) {
    model.addAttribute(
        "users",
        users
            .list(
                new UserManagement.UserQuery(q, role, team, sort, desc), new PageRequest(page, 20))
            .map(users::summary));
    model.addAttribute("q", q);
    model.addAttribute("role", role);
    model.addAttribute("team", team);
    model.addAttribute("sort", sort);
    model.addAttribute("desc", desc);
    model.addAttribute("roles", Role.values());
    model.addAttribute("teams", users.teams());
    return htmx != null ? ROWS : LIST;
  }

  @GetMapping("/new")
  String newForm(Model model) {
    model.addAttribute("form", new UserForm("", "", "", Set.of(Role.AGENT), "", ""));
    return form(model, null);
  }

  @PostMapping("/new")
  String create(
      @Valid @ModelAttribute("form") UserForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes flash) {
    if (binding.hasErrors()) {
      return form(model, null);
    }
    try {
      User user =
          users.create(
              new UserManagement.NewUser(
                  form.username() == null ? "" : form.username(),
                  form.displayName(),
                  form.email(),
                  form.roles(),
                  form.team(),
                  form.password()));
      flash.addFlashAttribute("flashSuccess", "user.created");
      flash.addFlashAttribute("flashArg", user.username());
      return "redirect:/admin/users";
    } catch (ProblemException e) {
      FormErrors.reject(e, binding);
      return form(model, null);
    }
  }

  @GetMapping("/{id}")
  String editForm(@PathVariable UUID id, Model model) {
    User user = users.get(new UserId(id));
    model.addAttribute(
        "form",
        new UserForm(
            user.username(),
            user.displayName(),
            user.email(),
            user.roles(),
            users.teamName(user.teamId()),
            ""));
    return form(model, user);
  }

  @PostMapping("/{id}")
  String update(
      @PathVariable UUID id,
      @Valid @ModelAttribute("form") UserForm form,
      BindingResult binding,
      CurrentUser me,
      Model model,
      RedirectAttributes flash) {
    User user = users.get(new UserId(id));
    if (binding.hasErrors()) {
      return form(model, user);
    }
    try {
      users.change(
          user.id(),
          new UserManagement.UserChanges(
              form.displayName(),
              form.email() == null ? "" : form.email(),
              form.roles(),
              form.team() == null ? "" : form.team(),
              null,
              form.password() == null || form.password().isBlank() ? null : form.password()),
          me.id());
      flash.addFlashAttribute("flashSuccess", "user.saved");
      flash.addFlashAttribute("flashArg", user.username());
      return "redirect:/admin/users";
    } catch (ProblemException e) {
      FormErrors.reject(e, binding);
      return form(model, user);
    }
  }

  @PostMapping("/{id}/enabled")
  String setEnabled(
      @PathVariable UUID id,
      @RequestParam boolean enabled,
      CurrentUser me,
      RedirectAttributes flash) {
    User user = users.get(new UserId(id));
    try {
      users.change(
          user.id(),
          new UserManagement.UserChanges(null, null, null, null, enabled, null),
          me.id());
      flash.addFlashAttribute("flashSuccess", enabled ? "user.enabled" : "user.disabled");
      flash.addFlashAttribute("flashArg", user.username());
    } catch (ProblemException e) {
      flash.addFlashAttribute(
          "flashError", e.firstField() == null ? e.code() : e.firstField().code());
    }
    return "redirect:/admin/users";
  }

  private String form(Model model, @Nullable User user) {
    model.addAttribute("editing", user);
    model.addAttribute("roles", Role.values());
    model.addAttribute("teams", users.teams());
    return FORM;
  }
}
