package org.manyi.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

  static final String LOGIN = "login";

  @GetMapping("/login")
  String login() {
    return LOGIN;
  }
}
