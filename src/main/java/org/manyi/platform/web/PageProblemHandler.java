package org.manyi.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.manyi.platform.ProblemException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors on pages: a full error page for a normal request, an alert fragment for an htmx request so
 * the message lands where the user is looking.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblemHandler {

  static final String ERROR_PAGE = "error/problem";
  static final String ERROR_FRAGMENT = "fragments/alerts :: problem";

  @ExceptionHandler(ProblemException.class)
  ModelAndView problem(
      ProblemException e, HttpServletRequest request, HttpServletResponse response) {
    boolean htmx = request.getHeader("HX-Request") != null;
    ModelAndView view = new ModelAndView(htmx ? ERROR_FRAGMENT : ERROR_PAGE);
    view.addObject("status", e.status().value());
    view.addObject("messageCode", e.code());
    view.addObject("messageArgs", e.args());
    // model attributes of LayoutAdvice do not reach views of exception handlers
    view.addObject("currentPath", request.getRequestURI());
    if (htmx) {
      // htmx swaps error responses only when told to; retarget into the page's alert area
      response.setHeader("HX-Retarget", "#alerts");
      response.setHeader("HX-Reswap", "innerHTML");
      view.setStatus(org.springframework.http.HttpStatus.OK);
    } else {
      view.setStatus(e.status());
    }
    return view;
  }
}
