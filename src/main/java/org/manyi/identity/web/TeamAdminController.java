package org.manyi.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.manyi.identity.internal.Team;
import org.manyi.identity.internal.UserManagement;
import org.manyi.platform.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/admin/teams")
@PreAuthorize("hasAuthority('PERM_USERS_MANAGE')")
class TeamAdminController {

  static final String LIST = "identity/teams";

  record TeamForm(
      @NotBlank(message = "{team.name.required}") @Size(max = 64, message = "{team.name.required}")
          String name) {}

  /** A team row with its member count. */
  record TeamRow(Team team, long members) {}

  private final UserManagement users;

  TeamAdminController(UserManagement users) {
    this.users = users;
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("form", new TeamForm(""));
    return page(model);
  }

  @PostMapping
  String create(
      @Valid @ModelAttribute("form") TeamForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes flash) {
    if (!binding.hasErrors()) {
      try {
        Team team = users.createTeam(form.name());
        flash.addFlashAttribute("flashSuccess", "team.created");
        flash.addFlashAttribute("flashArg", team.name());
        return "redirect:/admin/teams";
      } catch (ProblemException e) {
        FormErrors.reject(e, binding);
      }
    }
    return page(model);
  }

  private String page(Model model) {
    model.addAttribute(
        "teams", users.teams().stream().map(t -> new TeamRow(t, users.teamSize(t.id()))).toList());
    return LIST;
  }
}
