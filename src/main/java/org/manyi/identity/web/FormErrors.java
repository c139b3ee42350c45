package org.manyi.identity.web;

import org.manyi.platform.ProblemException;
import org.springframework.validation.BindingResult;

/** Puts a domain rule's refusal next to the form field it is about. */
final class FormErrors {

  private FormErrors() {}

  static void reject(ProblemException e, BindingResult binding) {
    if (e.fields().isEmpty()) {
      binding.reject(e.code(), e.args(), null);
      return;
    }
    for (ProblemException.FieldProblem field : e.fields()) {
      if (binding.getTarget() != null
          && org.springframework.beans.BeanUtils.getPropertyDescriptor(
                  binding.getTarget().getClass(), field.field())
              != null) {
        binding.rejectValue(field.field(), field.code(), field.args(), null);
      } else {
        binding.reject(field.code(), field.args(), null);
      }
    }
  }
}
