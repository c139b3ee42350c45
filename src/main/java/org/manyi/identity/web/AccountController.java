package org.manyi.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.manyi.identity.CurrentUser;
import org.manyi.identity.internal.ApiTokens;
import org.manyi.identity.internal.IdentityUserDetailsService;
import org.manyi.identity.internal.SignedInUser;
import org.manyi.identity.internal.UserManagement;
import org.manyi.platform.ProblemException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account: profile, password, personal API tokens. */
@Controller
class AccountController {

  static final String PASSWORD_PATH = "/account/password";
  static final String ACCOUNT = "identity/account";
  static final String PASSWORD = "identity/password";
  static final String TOKENS = "identity/tokens";

  /** The password change form. */
  record PasswordForm(
      @NotBlank(message = "{password.required}") String currentPassword,
      @NotBlank(message = "{password.required}") String newPassword,
      @NotBlank(message = "{password.required}") String confirmPassword) {}

  /** A new API token. */
  record TokenForm(
      @NotBlank(message = "{token.name.required}")
          @Size(max = 64, message = "{token.name.required}")
          String name,
      @Nullable
          @Min(value = 1, message = "{token.expiry.range}")
          @Max(value = 3650, message = "{token.expiry.range}")
          Integer expiresInDays) {}

  private final UserManagement users;
  private final ApiTokens tokens;
  private final IdentityUserDetailsService userDetails;
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

  AccountController(
      UserManagement users, ApiTokens tokens, IdentityUserDetailsService userDetails) {
    this.users = users;
    this.tokens = tokens;
    this.userDetails = userDetails;
  }

  @GetMapping("/account")
  String account(CurrentUser me, Model model) {
    model.addAttribute("user", users.get(me.id()));
    model.addAttribute("teamName", users.teamName(me.teamId()));
    return ACCOUNT;
  }

  @GetMapping(PASSWORD_PATH)
  String passwordForm(CurrentUser me, Model model) {
    model.addAttribute("form", new PasswordForm("", "", ""));
    model.addAttribute("forced", me.mustChangePassword());
    return PASSWORD;
  }

  @PostMapping(PASSWORD_PATH)
  String changePassword(
      @Valid @ModelAttribute("form") PasswordForm form,
      BindingResult binding,
      CurrentUser me,
      Model model,
      RedirectAttributes flash,
      HttpServletRequest request,
      HttpServletResponse response) {
    model.addAttribute("forced", me.mustChangePassword());
    if (!binding.hasErrors() && !form.newPassword().equals(form.confirmPassword())) {
      binding.rejectValue("confirmPassword", "password.confirm.mismatch");
    }
    if (binding.hasErrors()) {
      return PASSWORD;
    }
    try {
      users.changeOwnPassword(me.id(), form.currentPassword(), form.newPassword());
    } catch (ProblemException e) {
      FormErrors.reject(e, binding);
      return PASSWORD;
    }
    refreshPrincipal(me, request, response);
    flash.addFlashAttribute("flashSuccess", "password.changed");
    return "redirect:/";
  }

  /** The session still holds the old principal, which says the password must change. */
  private void refreshPrincipal(
      CurrentUser me, HttpServletRequest request, HttpServletResponse response) {
    SignedInUser fresh = userDetails.loadUserByUsername(me.username());
    fresh.eraseCredentials();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
  }

  @GetMapping("/account/tokens")
  String tokens(CurrentUser me, Model model) {
    model.addAttribute("tokens", tokens.list(me.id()));
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new TokenForm("", 90));
    }
    return TOKENS;
  }

  @PostMapping("/account/tokens")
  String createToken(
      @Valid @ModelAttribute("form") TokenForm form,
      BindingResult binding,
      CurrentUser me,
      Model model) {
    if (!binding.hasErrors()) {
      try {
        ApiTokens.CreatedToken created = tokens.create(me.id(), form.name(), form.expiresInDays());
        model.addAttribute("created", created);
        model.addAttribute("form", new TokenForm("", 90));
      } catch (ProblemException e) {
        FormErrors.reject(e, binding);
      }
    }
    model.addAttribute("tokens", tokens.list(me.id()));
    return TOKENS;
  }

  @PostMapping("/account/tokens/{id}/revoke")
  String revokeToken(@PathVariable UUID id, CurrentUser me, RedirectAttributes flash) {
    tokens.revoke(me.id(), id);
    flash.addFlashAttribute("flashSuccess", "token.revoked");
    return "redirect:/account/tokens";
  }
}
