package org.manyi.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.manyi.customers.ConsentChannel;
import org.manyi.customers.CustomerId;
import org.manyi.customers.LifecycleStage;
import org.manyi.identity.UserId;
import org.manyi.platform.ProblemException;

/** The rules the customer aggregate and its profile guard. */
class CustomerTests {

  private final UserId agent = UserId.random();
  private final Instant now = Instant.parse("2026-11-23T08:00:00Z");

  private static CustomerProfile profile(String name, List<String> phones, List<String> emails) {
    return new CustomerProfile(
        null, name, null, null, false, phones, emails, null, null, null, null, null, Set.of(), null,
        null, List.of());
  }

  @Test
  void aNewCustomerIsAProspectOwnedBySomeone() {
    Customer c =
        Customer.register(
            CustomerId.random(), profile("张三", List.of(), List.of()), agent, null, agent, now);
    assertThat(c.stage()).isEqualTo(LifecycleStage.PROSPECT);
    assertThat(c.ownerId()).isEqualTo(agent);
    assertThat(c.createdAt()).isEqualTo(now);
    assertThat(c.profile().kind()).isEqualTo(CustomerKind.PERSON);
    assertThat(c.profile().gender()).isEqualTo(Gender.UNKNOWN);
  }

  @Test
  void refusesABlankName() {
    assertThatThrownBy(() -> profile("  ", List.of(), List.of()))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.firstField().field()).isEqualTo("name"));
  }

  @Test
  void normalisesPhonesAndEmailsDropsRepeatsAndKeepsThePrimaryFirst() {
    CustomerProfile p =
        profile(
            "李四",
            List.of("+86 138-1234-5678", "13812345678", "0086 139 0000 1111", ""),
            List.of(" Li.Si@Example.COM ", "li.si@example.com"));
    assertThat(p.phones()).containsExactly("13812345678", "13900001111");
    assertThat(p.primaryPhone()).isEqualTo("13812345678");
    assertThat(p.emails()).containsExactly("li.si@example.com");
  }

  @Test
  void refusesInvalidPhoneAndEmailNamingTheField() {
    assertThatThrownBy(() -> profile("王五", List.of("1234"), List.of()))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.firstField().field()).isEqualTo("phone"));
    assertThatThrownBy(() -> profile("王五", List.of("12812345678"), List.of()))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> profile("王五", List.of(), List.of("wangwu@")))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.firstField().field()).isEqualTo("email"));
  }

  @Test
  void refusesABirthdayInTheFutureAndDropsTheLunarFlagWithoutBirthday() {
    assertThatThrownBy(
            () ->
                new CustomerProfile(
                    null,
                    "赵六",
                    null,
                    LocalDate.now().plusDays(1),
                    false,
                    List.of(),
                    List.of(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    Set.of(),
                    null,
                    null,
                    List.of()))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.firstField().field()).isEqualTo("birthday"));
    CustomerProfile p =
        new CustomerProfile(
            null, "赵六", null, null, true, List.of(), List.of(), null, null, null, null, null,
            Set.of(), null, null, List.of());
    assertThat(p.lunarBirthday()).isFalse();
  }

  @Test
  void aCompanyHasNoGender() {
    CustomerProfile p =
        new CustomerProfile(
            CustomerKind.COMPANY,
            "杭州华信科技有限公司",
            Gender.MALE,
            null,
            false,
            List.of(),
            List.of(),
            null,
            null,
            null,
            null,
            null,
            Set.of(),
            null,
            null,
            List.of());
    assertThat(p.gender()).isEqualTo(Gender.UNKNOWN);
  }

  @Test
  void trimsTagsAndRefusesTooMany() {
    CustomerProfile p =
        new CustomerProfile(
            null,
            "钱七",
            null,
            null,
            false,
            List.of(),
            List.of(),
            null,
            null,
            null,
            null,
            null,
            Set.of(" VIP ", "母婴", " "),
            null,
            null,
            List.of());
    assertThat(p.tags()).containsExactlyInAnyOrder("VIP", "母婴");
    Set<String> many = new java.util.HashSet<>();
    for (int i = 0; i < 21; i++) {
      many.add("t" + i);
    }
    assertThatThrownBy(
            () ->
                new CustomerProfile(
                    null, "钱七", null, null, false, List.of(), List.of(), null, null, null, null,
                    null, many, null, null, List.of()))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.firstField().field()).isEqualTo("tags"));
  }

  @Test
  void aCustomerWhoBoughtNeverBecomesAProspectAgain() {
    Customer c =
        Customer.register(
            CustomerId.random(), profile("孙八", List.of(), List.of()), agent, null, agent, now);
    c.moveTo(LifecycleStage.ACTIVE, agent, now);
    assertThatThrownBy(() -> c.moveTo(LifecycleStage.PROSPECT, agent, now))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void consentKeepsItsProofUntilTheAnswerChanges() {
    Customer c =
        Customer.register(
            CustomerId.random(), profile("周九", List.of(), List.of()), agent, null, agent, now);
    c.recordConsent(ConsentChannel.SMS, true, "门店登记", "2026-01", agent, now);
    Instant later = now.plusSeconds(3600);
    c.recordConsent(ConsentChannel.SMS, true, "form", "2026-02", agent, later);
    assertThat(c.consentList())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.recordedAt()).isEqualTo(now);
              assertThat(x.method()).isEqualTo("门店登记");
              assertThat(x.noticeVersion()).isEqualTo("2026-01");
            });
    c.recordConsent(ConsentChannel.SMS, false, "phone", null, agent, later);
    assertThat(c.consents(ConsentChannel.SMS)).isFalse();
    assertThat(c.consentList().get(0).recordedAt()).isEqualTo(later);
    c.recordConsent(ConsentChannel.EMAIL, false, "form", null, agent, later);
    assertThat(c.consentList()).hasSize(1);
  }

  @Test
  void anEditChangesOnlyWhatItNamesAndReplacesThePrimaryPhone() {
    CustomerProfile current =
        profile("吴十", List.of("13812345678", "13900001111"), List.of("wu@example.com"));
    CustomerEdit edit =
        new CustomerEdit(
            null,
            null,
            null,
            "1990-01-02",
            null,
            "13700002222",
            null,
            "",
            null,
            null,
            "杭州市",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    CustomerProfile after = edit.applyTo(current);
    assertThat(after.name()).isEqualTo("吴十");
    assertThat(after.phones()).containsExactly("13700002222", "13900001111");
    assertThat(after.emails()).isEmpty();
    assertThat(after.city()).isEqualTo("杭州市");
    assertThat(after.birthday()).isEqualTo(LocalDate.of(1990, 1, 2));
  }

  @Test
  void checksTheIdCardNumbersCheckDigit() {
    assertThat(IdNumbers.normalise("11010519491231002x")).isEqualTo("11010519491231002X");
    assertThat(IdNumbers.normalise("440301 19900101 1234")).isEqualTo("440301199001011234");
    assertThat(IdNumbers.normalise("440301199001011235")).isNull();
    assertThat(IdNumbers.normalise("4403011990010112")).isNull();
    assertThat(IdNumbers.mask("440301199001011234")).isEqualTo("440***********1234");
    assertThatThrownBy(
            () ->
                new CustomerProfile(
                    null,
                    "身份证",
                    null,
                    null,
                    false,
                    List.of(),
                    List.of(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    Set.of(),
                    null,
                    "440301199001011235",
                    List.of()))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.firstField().field()).isEqualTo("idNumber"));
  }

  @Test
  void masksPhonesAndEmails() {
    assertThat(PhoneNumbers.mask("13812341234")).isEqualTo("138****1234");
    assertThat(PhoneNumbers.mask("+4915112345678")).isEqualTo("+491****5678");
    assertThat(EmailAddresses.mask("zhang.san@example.com")).isEqualTo("z***@example.com");
  }

  @Test
  void acceptsLandlinesAndInternationalNumbers() {
    assertThat(PhoneNumbers.normalise("021-6234 5678")).isEqualTo("02162345678");
    assertThat(PhoneNumbers.normalise("+49 151 1234 5678")).isEqualTo("+4915112345678");
    assertThat(PhoneNumbers.normalise("86 13812345678")).isEqualTo("13812345678");
    assertThat(PhoneNumbers.normalise("(0571) 8888 6666")).isEqualTo("057188886666");
    assertThat(PhoneNumbers.normalise("abc")).isNull();
  }
}
