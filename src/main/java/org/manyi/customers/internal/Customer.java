package org.manyi.customers.internal;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.ConsentChannel;
import org.manyi.customers.CustomerId;
import org.manyi.customers.LifecycleStage;
import org.manyi.identity.TeamId;
import org.manyi.identity.UserId;
import org.manyi.platform.ProblemException;

/**
 * One customer. Guards its rules: a valid {@link CustomerProfile}, always an owner, a stage that
 * starts at {@link LifecycleStage#PROSPECT}, consents that carry their proof; and records who
 * changed it when.
 */
public class Customer {

  private final CustomerId id;
  private CustomerProfile profile;
  private UserId ownerId;
  private @Nullable TeamId teamId;
  private LifecycleStage stage;
  private final Map<ConsentChannel, Consent> consents;
  private final Instant createdAt;
  private final UserId createdBy;
  private Instant updatedAt;
  private UserId updatedBy;

  Customer(
      CustomerId id,
      CustomerProfile profile,
      UserId ownerId,
      @Nullable TeamId teamId,
      LifecycleStage stage,
      Map<ConsentChannel, Consent> consents,
      Instant createdAt,
      UserId createdBy,
      Instant updatedAt,
      UserId updatedBy) {
    this.id = id;
    this.profile = profile;
    this.ownerId = ownerId;
    this.teamId = teamId;
    this.stage = stage;
    this.consents = new EnumMap<>(ConsentChannel.class);
    this.consents.putAll(consents);
    this.createdAt = createdAt;
    this.createdBy = createdBy;
    this.updatedAt = updatedAt;
    this.updatedBy = updatedBy;
  }

  /** A new customer, a prospect until purchases say otherwise. */
  static Customer register(
      CustomerId id,
      CustomerProfile profile,
      UserId owner,
      @Nullable TeamId team,
      UserId by,
      Instant now) {
    return new Customer(
        id, profile, owner, team, LifecycleStage.PROSPECT, Map.of(), now, by, now, by);
  }

  /** Replaces what users edit about the customer. */
  void revise(CustomerProfile changed, UserId by, Instant now) {
    this.profile = changed;
    touch(by, now);
  }

  /** Hands the customer to another account manager (and so, usually, another team). */
  void assignTo(UserId owner, @Nullable TeamId team, UserId by, Instant now) {
    this.ownerId = owner;
    this.teamId = team;
    touch(by, now);
  }

  /** Moves the customer to another lifecycle stage; a customer never goes back to prospect. */
  void moveTo(LifecycleStage next, UserId by, Instant now) {
    if (next == LifecycleStage.PROSPECT && stage != LifecycleStage.PROSPECT) {
      throw ProblemException.invalid("stage", "customer.stage.backToProspect");
    }
    this.stage = next;
    touch(by, now);
  }

  /**
   * Records the customer's answer for a channel. An unchanged answer keeps its original proof, so
   * saving a form again does not rewrite when consent was given.
   */
  void recordConsent(
      ConsentChannel channel,
      boolean granted,
      String method,
      @Nullable String noticeVersion,
      UserId by,
      Instant now) {
    Consent current = consents.get(channel);
    if (current != null && current.granted() == granted) {
      return;
    }
    if (current == null && !granted) {
      return; // no answer and "no" mean the same: do not contact
    }
    String how = method == null || method.isBlank() ? "form" : method.strip();
    if (how.length() > 32) {
      throw ProblemException.invalid("consentMethod", "customer.field.tooLong", 32);
    }
    String version =
        noticeVersion == null || noticeVersion.isBlank() ? null : noticeVersion.strip();
    if (version != null && version.length() > 32) {
      throw ProblemException.invalid("noticeVersion", "customer.field.tooLong", 32);
    }
    consents.put(channel, new Consent(channel, granted, now, how, version));
    touch(by, now);
  }

  /**
   * Takes over another record of the same customer: the merged profile (chosen field by field by
   * the user) and the other record's consents for channels this one has no answer for. The other
   * record is deleted by the caller.
   */
  void absorb(Customer other, CustomerProfile merged, UserId by, Instant now) {
    if (other.id.equals(id)) {
      throw ProblemException.invalid("sourceId", "customer.merge.self");
    }
    this.profile = merged;
    other.consents.forEach(consents::putIfAbsent);
    touch(by, now);
  }

  private void touch(UserId by, Instant now) {
    this.updatedAt = now;
    this.updatedBy = by;
  }

  public boolean consents(ConsentChannel channel) {
    Consent consent = consents.get(channel);
    return consent != null && consent.granted();
  }

  public CustomerId id() {
    return id;
  }

  public CustomerProfile profile() {
    return profile;
  }

  public UserId ownerId() {
    return ownerId;
  }

  public @Nullable TeamId teamId() {
    return teamId;
  }

  public LifecycleStage stage() {
    return stage;
  }

  /** Every recorded consent, in channel order. */
  public List<Consent> consentList() {
    return List.copyOf(consents.values());
  }

  public Instant createdAt() {
    return createdAt;
  }

  public UserId createdBy() {
    return createdBy;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public UserId updatedBy() {
    return updatedBy;
  }
}
