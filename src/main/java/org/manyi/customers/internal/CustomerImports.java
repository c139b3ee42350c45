package org.manyi.customers.internal;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.manyi.customers.CustomerId;
import org.manyi.customers.events.CustomerRegistered;
import org.manyi.customers.events.CustomerUpdated;
import org.manyi.identity.CurrentUser;
import org.manyi.identity.Role;
import org.manyi.identity.TeamId;
import org.manyi.identity.UserId;
import org.manyi.identity.UserSummary;
import org.manyi.identity.Users;
import org.manyi.platform.ColumnMapping;
import org.manyi.platform.ImportField;
import org.manyi.platform.ImportFiles;
import org.manyi.platform.JobCancelledException;
import org.manyi.platform.JobContext;
import org.manyi.platform.Jobs;
import org.manyi.platform.ProblemException;
import org.manyi.platform.TabularFile;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customer imports from CSV or XLSX: upload, map columns, check every row without writing (the dry
 * run), then import as a background job in batches of {@link #BATCH} rows, each batch in one
 * transaction. Rows match existing customers by external ID, then by phone, and update them; other
 * rows create customers; a row that would change nothing is counted as unchanged, so importing the
 * same file twice creates nothing new. A run that stops part-way keeps its committed batches and
 * can be resumed after the last of them, or rolled back (the customers it created are deleted;
 * changes to existing customers stay, and the audit trail shows them).
 */
@Service
public class CustomerImports {

  public static final String CHECK_JOB = "customer-import-check";
  public static final String RUN_JOB = "customer-import";
  static final int BATCH = 1000;
  static final int REPORTED_PROBLEMS = 1000;
  static final int STORED_PROBLEMS = 100_000;

  private final CustomerImportRepository imports;
  private final CustomerRepository customers;
  private final CustomerAuditTrail audit;
  private final ImportFiles files;
  private final Jobs jobs;
  private final Users users;
  private final TransactionTemplate transactions;
  private final ApplicationEventPublisher events;
  private final CustomFields customFields;
  private final Clock clock = Clock.systemUTC();

  CustomerImports(
      CustomerImportRepository imports,
      CustomerRepository customers,
      CustomerAuditTrail audit,
      ImportFiles files,
      Jobs jobs,
      Users users,
      TransactionTemplate transactions,
      ApplicationEventPublisher events,
      CustomFields customFields) {
    this.customFields = customFields;
    this.imports = imports;
    this.customers = customers;
    this.audit = audit;
    this.files = files;
    this.jobs = jobs;
    this.users = users;
    this.transactions = transactions;
    this.events = events;
  }

  /**
   * Stores an uploaded file and maps its columns: as given (field → heading), or as the headings
   * suggest.
   *
   * @throws ProblemException 400 naming {@code file} or {@code mapping}
   */
  public CustomerImport upload(
      InputStream content,
      @Nullable String fileName,
      @Nullable Map<String, String> mapping,
      CurrentUser me) {
    UUID fileId = files.store(content);
    Map<String, String> headings;
    try (TabularFile file = TabularFile.open(files.path(fileId))) {
      headings =
          (mapping == null
                  ? ColumnMapping.suggest(file.headers(), fields())
                  : ColumnMapping.of(mapping, file.headers(), fields()))
              .asHeadings();
    }
    String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
    CustomerImport created =
        new CustomerImport(
            UUID.randomUUID(),
            fileId,
            name.length() > 255 ? name.substring(0, 255) : name,
            headings,
            ImportStatus.UPLOADED,
            null,
            null,
            null,
            0,
            0,
            0,
            me.id(),
            clock.instant());
    imports.insert(created);
    return created;
  }

  /** The fields a customer file can fill, in the order the mapping page shows them. */
  public List<ImportField> fields() {
    List<ImportField> all = new ArrayList<>(CustomerImportFields.FIELDS);
    for (CustomField field : customFields.all()) {
      all.add(
          ImportField.optional(
              CustomerImportFields.CUSTOM + field.key(), field.labelZh(), field.labelEn()));
    }
    return all;
  }

  /** The import, if the user started it or is an admin; its status reflects its job. */
  public CustomerImport get(UUID id, CurrentUser me) {
    CustomerImport found =
        imports
            .find(id)
            .filter(i -> i.createdBy().equals(me.id()) || me.hasRole(Role.ADMIN))
            .orElseThrow(() -> ProblemException.notFound("customer.import.notFound"));
    return withJobState(found);
  }

  public List<CustomerImport> recent(CurrentUser me) {
    return imports.recent(me.hasRole(Role.ADMIN) ? null : me.id(), 20).stream()
        .map(this::withJobState)
        .toList();
  }

  /** The file's headings and its first rows, for the mapping page. */
  public Preview preview(UUID id, CurrentUser me) {
    CustomerImport i = get(id, me);
    try (TabularFile file = TabularFile.open(files.path(i.fileId()))) {
      List<List<String>> rows = new ArrayList<>();
      TabularFile.Row row;
      while (rows.size() < 5 && (row = file.next()) != null) {
        rows.add(row.cells());
      }
      return new Preview(file.headers(), rows);
    }
  }

  /** The headings of a file and its first rows. */
  public record Preview(List<String> headers, List<List<String>> rows) {}

  /** Changes the mapping of an import that has not run yet. */
  public CustomerImport remap(UUID id, Map<String, String> mapping, CurrentUser me) {
    CustomerImport i = get(id, me);
    if (!i.status().startable()) {
      throw ProblemException.conflict("import-state", "customer.import.state");
    }
    List<String> headers;
    try (TabularFile file = TabularFile.open(files.path(i.fileId()))) {
      headers = file.headers();
    }
    imports.mapping(id, ColumnMapping.of(mapping, headers, fields()).asHeadings());
    imports.status(id, i.status(), ImportStatus.UPLOADED, null);
    return get(id, me);
  }

  /** Checks every row without writing and returns the report (the API's dry run). */
  public ImportReport check(UUID id, CurrentUser me) {
    CustomerImport i = get(id, me);
    if (!i.status().startable()) {
      throw ProblemException.conflict("import-state", "customer.import.state");
    }
    ImportReport report = process(i, me, false, null);
    imports.status(id, i.status(), ImportStatus.CHECKED, null);
    return report;
  }

  /** Starts checking every row as a background job. */
  public UUID startCheck(UUID id, CurrentUser me) {
    CustomerImport i = get(id, me);
    return transactions.execute(
        tx -> {
          UUID job =
              jobs.submit(
                  CHECK_JOB,
                  me.username(),
                  context -> {
                    try {
                      context.result(process(i, me, false, context));
                      imports.status(id, ImportStatus.CHECKING, ImportStatus.CHECKED, null);
                    } catch (RuntimeException e) {
                      imports.status(id, ImportStatus.CHECKING, ImportStatus.UPLOADED, null);
                      throw e;
                    }
                  });
          if (!imports.status(id, i.status(), ImportStatus.CHECKING, job)
              || !i.status().startable()) {
            throw ProblemException.conflict("import-state", "customer.import.state");
          }
          return job;
        });
  }

  /**
   * Starts (or resumes, after the last committed batch) the import as a background job.
   *
   * @throws ProblemException 409 when the import is running, done or rolled back
   */
  public UUID start(UUID id, CurrentUser me) {
    CustomerImport i = get(id, me);
    if (!i.status().startable() && !i.status().resumable()) {
      throw ProblemException.conflict("import-state", "customer.import.state");
    }
    ImportStatus from = imports.find(id).orElseThrow().status();
    return transactions.execute(
        tx -> {
          UUID job =
              jobs.submit(
                  RUN_JOB,
                  me.username(),
                  context -> {
                    ImportReport report = process(i, me, true, context);
                    context.result(report);
                    imports.status(id, ImportStatus.RUNNING, ImportStatus.COMPLETED, null);
                  });
          if (!imports.status(id, from, ImportStatus.RUNNING, job)) {
            throw ProblemException.conflict("import-state", "customer.import.state");
          }
          return job;
        });
  }

  /**
   * Deletes the customers the import created and puts the customers it changed back as they were,
   * unless someone changed them after the import: those keep their current state.
   */
  public CustomerImport rollback(UUID id, CurrentUser me) {
    CustomerImport i = get(id, me);
    if (!i.status().rollbackable()) {
      throw ProblemException.conflict("import-state", "customer.import.state");
    }
    transactions.executeWithoutResult(
        tx -> {
          List<CustomerId> created = imports.created(id);
          Instant now = clock.instant();
          for (List<CustomerId> chunk : chunks(created)) {
            audit.recordAll(chunk, me, AuditAction.DELETED, "import-rollback", now);
            chunk.forEach(customers::delete);
          }
          imports.deleteCreated(id);
          Map<CustomerId, CustomerImportRepository.BeforeImage> images =
              imports.unchangedBefore(id);
          List<CustomerId> restored = new ArrayList<>();
          for (Customer c : customers.findAll(images.keySet())) {
            CustomerImportRepository.BeforeImage image = images.get(c.id());
            c.revise(image.profile(), me.id(), now);
            UserId owner = new UserId(image.owner());
            if (!owner.equals(c.ownerId())) {
              c.assignTo(
                  owner, image.team() == null ? null : new TeamId(image.team()), me.id(), now);
            }
            customers.update(c);
            if (!image.custom().isEmpty()) {
              customFields.save(c.id(), image.custom());
            }
            restored.add(c.id());
            events.publishEvent(new CustomerUpdated(c.id(), c.ownerId(), c.teamId(), me.id(), now));
          }
          audit.recordAll(restored, me, AuditAction.UPDATED, "import-rollback", now);
          imports.deleteBefore(id);
          imports.status(id, ImportStatus.ROLLED_BACK);
        });
    return get(id, me);
  }

  public List<ImportBatch> batches(UUID id, CurrentUser me) {
    get(id, me);
    return imports.batches(id);
  }

  public List<ImportReport.RowProblem> problems(UUID id, CurrentUser me, int limit) {
    get(id, me);
    return imports.problems(id, limit);
  }

  /** Streams every stored rejected row, for the downloadable error report. */
  public void problems(UUID id, CurrentUser me, Consumer<ImportReport.RowProblem> each) {
    get(id, me);
    imports.problems(id, each);
  }

  /** The report of the import's last check or run, rebuilt from what is stored. */
  public ImportReport report(UUID id, CurrentUser me) {
    CustomerImport i = get(id, me);
    List<ImportBatch> batches = imports.batches(id);
    return new ImportReport(
        id,
        i.status() == ImportStatus.CHECKED || i.status() == ImportStatus.UPLOADED,
        i.rowsTotal() == null ? 0 : i.rowsTotal(),
        i.rowsRejected() == null ? 0 : i.rowsRejected(),
        i.created(),
        i.updated(),
        i.unchanged(),
        batches.size(),
        i.mapping(),
        imports.problems(id, REPORTED_PROBLEMS),
        imports.countWarnings(id),
        imports.warnings(id, REPORTED_PROBLEMS));
  }

  /** A running import whose job ended without completing it can be resumed. */
  private CustomerImport withJobState(CustomerImport i) {
    if ((i.status() != ImportStatus.RUNNING && i.status() != ImportStatus.CHECKING)
        || i.jobId() == null) {
      return i;
    }
    boolean ended = jobs.find(i.jobId()).map(j -> j.status().finished()).orElse(true);
    if (!ended) {
      return i;
    }
    ImportStatus now =
        i.status() == ImportStatus.RUNNING ? ImportStatus.INTERRUPTED : ImportStatus.UPLOADED;
    imports.status(i.id(), i.status(), now, null);
    return imports.find(i.id()).orElseThrow();
  }

  // --- the work

  private ImportReport process(
      CustomerImport i, CurrentUser me, boolean write, @Nullable JobContext context) {
    List<ImportBatch> done = write ? imports.batches(i.id()) : List.of();
    long resumeAfter = done.isEmpty() ? 0 : done.get(done.size() - 1).lastLine();
    Run run = new Run(i, me, write, done);
    if (done.isEmpty()) {
      imports.deleteProblems(i.id());
    }
    if (context != null) {
      if (i.rowsTotal() != null) {
        context.total(i.rowsTotal());
      }
      if (resumeAfter > 0) {
        context.message("resume after line " + resumeAfter);
      }
    }
    try (TabularFile file = TabularFile.open(files.path(i.fileId()))) {
      ColumnMapping mapping =
          ColumnMapping.of(i.mapping(), file.headers(), fields()).requireAll(fields());
      List<TabularFile.Row> batch = new ArrayList<>(BATCH);
      TabularFile.Row row;
      while ((row = file.next()) != null) {
        run.rows++;
        if (row.line() <= resumeAfter) {
          continue;
        }
        batch.add(row);
        if (batch.size() == BATCH) {
          run.batch(mapping, batch);
          batch.clear();
          if (context != null) {
            context.processed(run.rows);
            context.checkCancelled();
          }
        }
      }
      if (!batch.isEmpty()) {
        run.batch(mapping, batch);
      }
    } catch (JobCancelledException e) {
      imports.counts(i.id(), run.report());
      throw e;
    }
    ImportReport report = run.report();
    imports.counts(i.id(), report);
    if (context != null) {
      context.total(run.rows);
      context.processed(run.rows);
    }
    return report;
  }

  /** One check or run over a file, with its running counts. */
  private final class Run {
    final CustomerImport i;
    final CurrentUser me;
    final boolean write;
    final DataScope scope;
    final Map<String, Optional<UserSummary>> owners = new HashMap<>();
    final List<ImportReport.RowProblem> reported = new ArrayList<>();
    long rows;
    long rejected;
    long created;
    long updated;
    long unchanged;
    long storedProblems;
    long possibleDuplicates;
    final List<ImportReport.RowWarning> warnings = new ArrayList<>();
    int batches;

    Run(CustomerImport i, CurrentUser me, boolean write, List<ImportBatch> done) {
      this.i = i;
      this.me = me;
      this.write = write;
      this.scope = DataScope.of(me);
      for (ImportBatch b : done) {
        created += b.created();
        updated += b.updated();
        unchanged += b.unchanged();
        rejected += b.rejected();
        batches++;
      }
      if (!done.isEmpty()) {
        reported.addAll(imports.problems(i.id(), REPORTED_PROBLEMS));
        storedProblems = reported.size();
        possibleDuplicates = imports.countWarnings(i.id());
        warnings.addAll(imports.warnings(i.id(), REPORTED_PROBLEMS));
      }
    }

    ImportReport report() {
      return new ImportReport(
          i.id(),
          !write,
          rows,
          rejected,
          created,
          updated,
          unchanged,
          batches,
          i.mapping(),
          List.copyOf(reported),
          possibleDuplicates,
          List.copyOf(warnings));
    }

    void batch(ColumnMapping mapping, List<TabularFile.Row> rows) {
      Instant now = clock.instant();
      List<ImportReport.RowProblem> problems = new ArrayList<>();
      Map<Integer, CustomerEdit> edits = new LinkedHashMap<>();
      Map<Integer, CustomerProfile> profiles = new HashMap<>();
      Map<Integer, UserSummary> rowOwners = new HashMap<>();
      Map<Integer, Map<String, String>> customs = new HashMap<>();
      for (int r = 0; r < rows.size(); r++) {
        TabularFile.Row row = rows.get(r);
        try {
          CustomerEdit edit = CustomerImportFields.edit(mapping, row);
          profiles.put(r, edit.applyTo(null));
          if (edit.customFields() != null) {
            customs.put(r, customFields.normalise(edit.customFields()));
          }
          String owner = mapping.value(row, CustomerImportFields.OWNER);
          if (owner != null) {
            rowOwners.put(r, owner(owner));
          }
          edits.put(r, edit);
        } catch (ProblemException e) {
          problems.add(problem(row.line(), e));
        }
      }
      Set<String> externalIds = new LinkedHashSet<>();
      Set<String> phones = new LinkedHashSet<>();
      profiles.values().forEach(p -> keys(p, externalIds, phones));
      Map<String, CustomerId> byExternalId = customers.idsByExternalId(externalIds);
      Map<String, CustomerId> byPhone = customers.idsByPhone(phones);
      Set<CustomerId> known = new LinkedHashSet<>(byExternalId.values());
      known.addAll(byPhone.values());
      Map<CustomerId, Customer> existing = new HashMap<>();
      customers.findAll(known).forEach(c -> existing.put(c.id(), c));

      Map<String, Customer> pending = new HashMap<>(); // created in this batch, by key
      Map<CustomerId, Customer> toCreate = new LinkedHashMap<>();
      Map<CustomerId, Long> createdLines = new HashMap<>();
      Map<CustomerId, CustomerImportRepository.BeforeImage> befores = new LinkedHashMap<>();
      Map<CustomerId, Customer> toUpdate = new LinkedHashMap<>();
      Map<CustomerId, Map<String, String>> customValues = new LinkedHashMap<>();
      int unchangedHere = 0;
      for (Map.Entry<Integer, CustomerEdit> entry : edits.entrySet()) {
        TabularFile.Row row = rows.get(entry.getKey());
        CustomerProfile fresh = profiles.get(entry.getKey());
        UserSummary owner = rowOwners.get(entry.getKey());
        Customer target = match(fresh, byExternalId, byPhone, existing, pending);
        try {
          if (target == null) {
            UserSummary who = owner != null ? owner : self();
            Customer customer =
                Customer.register(CustomerId.random(), fresh, who.id(), who.teamId(), me.id(), now);
            toCreate.put(customer.id(), customer);
            createdLines.put(customer.id(), row.line());
            remember(customer, pending);
            if (customs.containsKey(entry.getKey())) {
              customValues.put(customer.id(), customs.get(entry.getKey()));
            }
            continue;
          }
          if (!toCreate.containsKey(target.id())
              && !scope.covers(target.ownerId(), target.teamId())) {
            throw ProblemException.invalid(
                fresh.externalId() != null ? CustomerImportFields.EXTERNAL_ID : "phone",
                "customer.import.outOfScope");
          }
          CustomerProfile before = target.profile();
          CustomerProfile after = entry.getValue().applyTo(before);
          boolean ownerChanges = owner != null && !owner.id().equals(target.ownerId());
          Map<String, String> custom = customs.getOrDefault(entry.getKey(), Map.of());
          boolean customChanges = customChanges(target.id(), custom, toCreate);
          if (!custom.isEmpty()) {
            customValues.merge(
                target.id(),
                custom,
                (a, b) -> {
                  Map<String, String> both = new LinkedHashMap<>(a);
                  both.putAll(b);
                  return both;
                });
          }
          if (after.equals(before) && !ownerChanges && !customChanges) {
            if (!toCreate.containsKey(target.id()) && !toUpdate.containsKey(target.id())) {
              unchangedHere++;
            }
            continue;
          }
          if (!toCreate.containsKey(target.id()) && !befores.containsKey(target.id())) {
            befores.put(target.id(), beforeImage(target, custom));
          }
          target.revise(after, me.id(), now);
          if (ownerChanges) {
            target.assignTo(owner.id(), owner.teamId(), me.id(), now);
          }
          remember(target, pending);
          if (!toCreate.containsKey(target.id())) {
            toUpdate.put(target.id(), target);
          }
        } catch (ProblemException e) {
          problems.add(problem(row.line(), e));
        }
      }
      problems.sort((a, b) -> Long.compare(a.line(), b.line()));
      List<ImportReport.RowWarning> lookalikes = duplicateWarnings(toCreate, createdLines);
      ImportBatch batch =
          new ImportBatch(
              batches + 1,
              rows.get(0).line(),
              rows.get(rows.size() - 1).line(),
              toCreate.size(),
              toUpdate.size(),
              unchangedHere,
              problems.size(),
              now);
      List<ImportReport.RowProblem> stored =
          problems.subList(
              0, (int) Math.max(0, Math.min(problems.size(), STORED_PROBLEMS - storedProblems)));
      if (write) {
        transactions.executeWithoutResult(
            tx -> {
              List<Customer> fresh = List.copyOf(toCreate.values());
              customers.insertAll(fresh);
              toUpdate.values().forEach(customers::update);
              imports.saveBefore(i.id(), befores, toUpdate.keySet(), now);
              customValues.forEach(customFields::save);
              List<CustomerId> ids = fresh.stream().map(Customer::id).toList();
              audit.recordAll(ids, me, AuditAction.IMPORTED, "created", now);
              audit.recordAll(
                  List.copyOf(toUpdate.keySet()), me, AuditAction.IMPORTED, "updated", now);
              imports.insertCreated(i.id(), ids);
              imports.insertProblems(i.id(), stored);
              imports.insertWarnings(i.id(), lookalikes);
              imports.insertBatch(i.id(), batch);
              fresh.forEach(
                  c ->
                      events.publishEvent(
                          new CustomerRegistered(c.id(), c.ownerId(), c.teamId(), me.id(), now)));
              toUpdate
                  .values()
                  .forEach(
                      c ->
                          events.publishEvent(
                              new CustomerUpdated(c.id(), c.ownerId(), c.teamId(), me.id(), now)));
            });
      } else {
        imports.insertProblems(i.id(), stored);
        imports.insertWarnings(i.id(), lookalikes);
      }
      storedProblems += stored.size();
      possibleDuplicates += lookalikes.size();
      for (ImportReport.RowWarning w : lookalikes) {
        if (warnings.size() < REPORTED_PROBLEMS) {
          warnings.add(w);
        }
      }
      for (ImportReport.RowProblem p : problems) {
        if (reported.size() < REPORTED_PROBLEMS) {
          reported.add(p);
        }
      }
      batches++;
      if (write && Integer.bitCount(batches) == 1 && batches % 3 == 2) {
        // fresh statistics after batches 2, 8, 32, 128, 512: a table that grows from nothing
        // would otherwise keep plans made for an empty table, and the lookups above would scan
        imports.analyze();
      }
      created += toCreate.size();
      updated += toUpdate.size();
      unchanged += unchangedHere;
      rejected += problems.size();
    }

    /**
     * Rows about to create a customer who shares an email, or a name and birthday, with one already
     * stored: likely duplicates the import does not merge by itself (only external ID and phone
     * identify a customer), so they are reported for a data steward.
     */
    private List<ImportReport.RowWarning> duplicateWarnings(
        Map<CustomerId, Customer> created, Map<CustomerId, Long> lines) {
      if (created.isEmpty()) {
        return List.of();
      }
      List<String> emails = new ArrayList<>();
      List<CustomerProfile> profiles = new ArrayList<>();
      for (Customer c : created.values()) {
        emails.addAll(c.profile().emails());
        profiles.add(c.profile());
      }
      Map<String, CustomerId> byEmail = customers.idsByEmail(emails);
      Map<String, CustomerId> byNameAndBirthday = customers.idsByNameAndBirthday(profiles);
      List<ImportReport.RowWarning> out = new ArrayList<>();
      for (Customer c : created.values()) {
        long line = lines.get(c.id());
        c.profile().emails().stream()
            .map(byEmail::get)
            .filter(java.util.Objects::nonNull)
            .findFirst()
            .ifPresent(
                other ->
                    out.add(
                        new ImportReport.RowWarning(line, DuplicateReason.EMAIL, other.value())));
        LocalDate birthday = c.profile().birthday();
        CustomerId same =
            birthday == null
                ? null
                : byNameAndBirthday.get(
                    CustomerRepository.nameAndBirthday(c.profile().name(), birthday));
        if (same != null) {
          out.add(
              new ImportReport.RowWarning(line, DuplicateReason.NAME_AND_BIRTHDAY, same.value()));
        }
      }
      out.sort((a, b) -> Long.compare(a.line(), b.line()));
      return out;
    }

    /** The customer as stored, with the custom values the row is about to change. */
    private CustomerImportRepository.BeforeImage beforeImage(
        Customer target, Map<String, String> custom) {
      Map<String, String> old = new LinkedHashMap<>();
      if (!custom.isEmpty()) {
        Map<String, String> stored = customFields.values(target.id());
        custom.keySet().forEach(k -> old.put(k, stored.getOrDefault(k, "")));
      }
      return new CustomerImportRepository.BeforeImage(
          target.profile(),
          target.ownerId().value(),
          target.teamId() == null ? null : target.teamId().value(),
          old);
    }

    /** Whether the row's custom values differ from what an existing customer has stored. */
    private boolean customChanges(
        CustomerId target, Map<String, String> custom, Map<CustomerId, Customer> created) {
      if (custom.isEmpty() || created.containsKey(target)) {
        return false;
      }
      Map<String, String> stored = customFields.values(target);
      return custom.entrySet().stream()
          .anyMatch(
              e ->
                  e.getValue().isEmpty()
                      ? stored.containsKey(e.getKey())
                      : !e.getValue().equals(stored.get(e.getKey())));
    }

    private @Nullable Customer match(
        CustomerProfile profile,
        Map<String, CustomerId> byExternalId,
        Map<String, CustomerId> byPhone,
        Map<CustomerId, Customer> existing,
        Map<String, Customer> pending) {
      if (profile.externalId() != null) {
        Customer p = pending.get("x:" + profile.externalId());
        if (p != null) {
          return p;
        }
        CustomerId id = byExternalId.get(profile.externalId());
        if (id != null && existing.containsKey(id)) {
          return existing.get(id);
        }
      }
      String phone = profile.primaryPhone();
      if (phone != null) {
        Customer p = pending.get("p:" + phone);
        if (p != null) {
          return p;
        }
        CustomerId id = byPhone.get(phone);
        if (id != null && existing.containsKey(id)) {
          return existing.get(id);
        }
      }
      return null;
    }

    private void remember(Customer customer, Map<String, Customer> pending) {
      if (customer.profile().externalId() != null) {
        pending.put("x:" + customer.profile().externalId(), customer);
      }
      if (customer.profile().primaryPhone() != null) {
        pending.put("p:" + customer.profile().primaryPhone(), customer);
      }
    }

    private void keys(CustomerProfile p, Set<String> externalIds, Set<String> phones) {
      if (p.externalId() != null) {
        externalIds.add(p.externalId());
      }
      if (p.primaryPhone() != null) {
        phones.add(p.primaryPhone());
      }
    }

    private UserSummary self() {
      return owner(me.username());
    }

    /** The owner a row names by username, if the importing user may hand customers to them. */
    private UserSummary owner(String username) {
      UserSummary owner =
          owners
              .computeIfAbsent(username, u -> users.findByUsername(u).filter(UserSummary::enabled))
              .orElseThrow(
                  () ->
                      ProblemException.invalid(
                          CustomerImportFields.OWNER, "customer.import.unknownOwner", username));
      // the owner must be someone whose customers the user may see
      if (!scope.covers(owner.id(), owner.teamId())) {
        throw ProblemException.invalid(
            CustomerImportFields.OWNER, "customer.owner.notAllowed", username);
      }
      return owner;
    }
  }

  private static ImportReport.RowProblem problem(long line, ProblemException e) {
    ProblemException.FieldProblem field = e.firstField();
    String name = field == null ? "row" : field.field();
    String code = field == null ? e.code() : field.code();
    Object[] args = field == null ? e.args() : field.args();
    String detail = args.length == 0 ? "" : String.valueOf(args[0]);
    return new ImportReport.RowProblem(
        line, name, code, detail.length() > 255 ? detail.substring(0, 255) : detail);
  }

  private static List<List<CustomerId>> chunks(List<CustomerId> ids) {
    List<List<CustomerId>> chunks = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += BATCH) {
      chunks.add(ids.subList(i, Math.min(ids.size(), i + BATCH)));
    }
    return chunks;
  }
}
