package org.manyi.platform.mail;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.manyi.platform.Mail;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** {@link Mail} through Spring's {@link JavaMailSender}, present only when a host is configured. */
@Component
class SmtpMail implements Mail {

  private final ObjectProvider<JavaMailSender> sender;
  private final String from;

  SmtpMail(
      ObjectProvider<JavaMailSender> sender,
      @Value("${manyi.mail.from:${spring.mail.username:manyi@localhost}}") String from) {
    this.sender = sender;
    this.from = from;
  }

  @Override
  public boolean configured() {
    return sender.getIfAvailable() != null;
  }

  @Override
  public void send(Message message) {
    JavaMailSender mail = sender.getIfAvailable();
    if (mail == null) {
      throw new NotSent("no mail server configured (spring.mail.host)", null);
    }
    try {
      MimeMessage mime = mail.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(message.to());
      helper.setSubject(message.subject());
      helper.setText(message.text(), false);
      mail.send(mime);
    } catch (MailException | jakarta.mail.MessagingException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new NotSent(reason.length() > 480 ? reason.substring(0, 480) : reason, e);
    }
  }
}
