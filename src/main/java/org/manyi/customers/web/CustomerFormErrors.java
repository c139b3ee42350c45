package org.manyi.customers.web;

import java.util.Map;
import org.manyi.platform.ProblemException;
import org.springframework.beans.BeanUtils;
import org.springframework.validation.BindingResult;

/** Puts a domain rule's refusal next to the form field it is about. */
final class CustomerFormErrors {

  /** Field names of the domain (and API) that the form calls differently. */
  private static final Map<String, String> FORM_FIELDS =
      Map.of("phone", "phones", "email", "emails", "consentMethod", "noticeVersion");

  private CustomerFormErrors() {}

  static void reject(ProblemException e, BindingResult binding) {
    if (e.fields().isEmpty()) {
      binding.reject(e.code(), e.args(), null);
      return;
    }
    for (ProblemException.FieldProblem problem : e.fields()) {
      String field = FORM_FIELDS.getOrDefault(problem.field(), problem.field());
      if (binding.getTarget() != null
          && BeanUtils.getPropertyDescriptor(binding.getTarget().getClass(), field) != null) {
        binding.rejectValue(field, problem.code(), problem.args(), null);
      } else {
        binding.reject(problem.code(), problem.args(), null);
      }
    }
  }
}
