package org.manyi.value.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.manyi.clv.ChurnReason;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Churn reasons in the reader's language, from their codes and figures. */
@Component
class ChurnReasonTexts {

  private final MessageSource messages;

  ChurnReasonTexts(MessageSource messages) {
    this.messages = messages;
  }

  List<String> of(List<ChurnReason> reasons, Locale locale) {
    List<String> out = new ArrayList<>(reasons.size());
    for (ChurnReason r : reasons) {
      Object[] args = r.args().toArray();
      for (int i = 0; i < args.length; i++) {
        // time units travel as enum names; say them in words
        if ("WEEK".equals(args[i]) || "DAY".equals(args[i])) {
          args[i] = messages.getMessage("value.unit." + args[i], null, locale);
        }
      }
      String text =
          messages.getMessage("value.churnReason." + r.code().name(), args, r.text(), locale);
      out.add(
          r.lowersRisk()
              ? messages.getMessage("value.churnReason.lowRisk", new Object[] {text}, locale)
              : text);
    }
    return out;
  }
}
