package org.manyi.interactions.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.manyi.customers.CustomerAccess;
import org.manyi.customers.CustomerFollowUps;
import org.manyi.customers.CustomerId;
import org.manyi.customers.CustomerSummary;
import org.manyi.customers.Customers;
import org.manyi.identity.CurrentUser;
import org.manyi.identity.UserId;
import org.manyi.identity.UserSummary;
import org.manyi.identity.Users;
import org.manyi.interactions.InteractionId;
import org.manyi.interactions.Interactions;
import org.manyi.interactions.NewInteraction;
import org.manyi.interactions.events.InteractionLogged;
import org.manyi.platform.ProblemException;
import org.manyi.shared.PageRequest;
import org.manyi.shared.PageResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Logs interactions, lists them within the user's customer data scope, and keeps their attachments.
 * A customer outside the scope is answered as not found, like the customer itself.
 */
@Service
public class InteractionManagement implements Interactions {

  /** More than this many files on one conversation is a misuse of the feature. */
  static final int MAX_ATTACHMENTS = 10;

  private final InteractionRepository repository;
  private final AttachmentStore files;
  private final Customers customers;
  private final CustomerAccess access;
  private final CustomerFollowUps followUps;
  private final Users users;
  private final ApplicationEventPublisher events;
  private final DataSize maxAttachmentSize;
  private final ZoneId zone;
  private final Clock clock = Clock.systemUTC();

  InteractionManagement(
      InteractionRepository repository,
      AttachmentStore files,
      Customers customers,
      CustomerAccess access,
      CustomerFollowUps followUps,
      Users users,
      ApplicationEventPublisher events,
      @Value("${manyi.interactions.attachment-max-size:10MB}") DataSize maxAttachmentSize,
      @Value("${manyi.time-zone:Asia/Shanghai}") ZoneId zone) {
    this.repository = repository;
    this.files = files;
    this.customers = customers;
    this.access = access;
    this.followUps = followUps;
    this.users = users;
    this.events = events;
    this.maxAttachmentSize = maxAttachmentSize;
    this.zone = zone;
  }

  /** The largest attachment accepted. */
  public DataSize maxAttachmentSize() {
    return maxAttachmentSize;
  }

  /** The time zone that days in filters are counted in. */
  public ZoneId zone() {
    return zone;
  }

  /** Logs an interaction for a customer the user may see; 404 otherwise. */
  @Transactional
  public Interaction log(NewInteraction input, CurrentUser me) {
    requireReadable(input.customer(), me);
    return record(input);
  }

  @Override
  @Transactional
  public InteractionId log(NewInteraction input) {
    if (customers.find(input.customer()).isEmpty()) {
      throw ProblemException.notFound("interaction.customer.notFound");
    }
    return record(input).id();
  }

  private Interaction record(NewInteraction input) {
    Interaction interaction = Interaction.log(input, clock.instant());
    repository.insert(interaction);
    followUps.followedUp(interaction.customer(), interaction.occurredAt());
    events.publishEvent(
        new InteractionLogged(
            interaction.id(),
            interaction.customer(),
            interaction.channel(),
            interaction.direction(),
            interaction.occurredAt(),
            interaction.loggedBy()));
    return interaction;
  }

  @Transactional(readOnly = true)
  public Interaction get(InteractionId id, CurrentUser me) {
    Interaction interaction =
        repository
            .find(id)
            .filter(i -> access.canRead(me, i.customer()))
            .orElseThrow(() -> ProblemException.notFound("interaction.notFound"));
    return interaction;
  }

  @Transactional(readOnly = true)
  public InteractionView view(InteractionId id, CurrentUser me) {
    return views(new PageResult<>(List.of(get(id, me)), 0, 1, 1)).items().get(0);
  }

  /** Interactions of every customer the user may see, newest first. */
  @Transactional(readOnly = true)
  public PageResult<InteractionView> search(
      InteractionFilter filter, PageRequest page, CurrentUser me) {
    return views(repository.page(filter, access.condition(me, "i.customer_id"), zone, page));
  }

  /** One customer's interactions, newest first; 404 when the customer is outside the scope. */
  @Transactional(readOnly = true)
  public PageResult<InteractionView> ofCustomer(
      CustomerId customer, InteractionFilter filter, PageRequest page, CurrentUser me) {
    requireReadable(customer, me);
    InteractionFilter ofCustomer =
        new InteractionFilter(
            filter.q(),
            filter.channel(),
            filter.direction(),
            customer.value(),
            filter.loggedBy(),
            filter.from(),
            filter.to());
    return views(repository.page(ofCustomer, access.condition(me, "i.customer_id"), zone, page));
  }

  /** The customer's summary, when the user may see the customer; 404 otherwise. */
  @Transactional(readOnly = true)
  public CustomerSummary customer(CustomerId customer, CurrentUser me) {
    requireReadable(customer, me);
    return customers
        .find(customer)
        .orElseThrow(() -> ProblemException.notFound("interaction.customer.notFound"));
  }

  @Transactional(readOnly = true)
  public List<Attachment> attachments(InteractionId id, CurrentUser me) {
    get(id, me);
    return repository.attachments(id);
  }

  /**
   * Attaches a file after checking its size and its type by content.
   *
   * @throws ProblemException 400 on field {@code file} when empty, too large, of a type not
   *     accepted, or one too many
   */
  @Transactional
  public Attachment attach(InteractionId id, String fileName, byte[] content, CurrentUser me) {
    get(id, me);
    if (content.length == 0) {
      throw ProblemException.invalid("file", "interaction.attachment.empty");
    }
    if (content.length > maxAttachmentSize.toBytes()) {
      throw ProblemException.invalid(
          "file", "interaction.attachment.tooLarge", maxAttachmentSize.toMegabytes());
    }
    AttachmentType type =
        AttachmentType.detect(content)
            .orElseThrow(() -> ProblemException.invalid("file", "interaction.attachment.type"));
    if (repository.attachments(id).size() >= MAX_ATTACHMENTS) {
      throw ProblemException.invalid("file", "interaction.attachment.tooMany", MAX_ATTACHMENTS);
    }
    String name = safeName(fileName);
    Attachment attachment =
        new Attachment(
            UUID.randomUUID(),
            id,
            name,
            type.contentType(name),
            content.length,
            sha256(content),
            me.id(),
            clock.instant());
    files.write(attachment.id(), content);
    repository.insertAttachment(attachment);
    return attachment;
  }

  /** An attachment with its bytes. */
  public record Download(Attachment attachment, byte[] content) {}

  @Transactional(readOnly = true)
  public Download download(InteractionId id, UUID attachmentId, CurrentUser me) {
    get(id, me);
    Attachment attachment =
        repository
            .findAttachment(id, attachmentId)
            .filter(a -> files.exists(a.id()))
            .orElseThrow(() -> ProblemException.notFound("interaction.attachment.notFound"));
    return new Download(attachment, files.read(attachment.id()));
  }

  /** Moves a merged record's interactions to the survivor; running it again moves nothing. */
  @Transactional
  public int moveCustomer(CustomerId merged, CustomerId survivor) {
    return repository.moveCustomer(merged, survivor);
  }

  /** Deletes a deleted customer's interactions and their files; running it again finds nothing. */
  @Transactional
  public int deleteCustomer(CustomerId customer) {
    List<UUID> attachments = repository.attachmentIdsOfCustomer(customer);
    int deleted = repository.deleteByCustomer(customer);
    // the rows go first: a file without its row is an orphan, a row without its file an error
    attachments.forEach(files::delete);
    return deleted;
  }

  private void requireReadable(CustomerId customer, CurrentUser me) {
    if (!access.canRead(me, customer)) {
      throw ProblemException.notFound("interaction.customer.notFound");
    }
  }

  private PageResult<InteractionView> views(PageResult<Interaction> page) {
    Map<CustomerId, String> customerNames = new HashMap<>();
    Map<UserId, String> userNames = new HashMap<>();
    Map<InteractionId, Integer> counts =
        repository.attachmentCounts(page.items().stream().map(Interaction::id).toList());
    return page.map(
        i ->
            new InteractionView(
                i,
                customerNames.computeIfAbsent(
                    i.customer(), c -> customers.find(c).map(CustomerSummary::name).orElse("—")),
                userNames.computeIfAbsent(
                    i.loggedBy(), u -> users.find(u).map(UserSummary::displayName).orElse("—")),
                counts.getOrDefault(i.id(), 0)));
  }

  private static String safeName(String fileName) {
    String name = fileName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
    if (name.isEmpty()) {
      name = "attachment";
    }
    return name.length() > 200 ? name.substring(name.length() - 200) : name;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
