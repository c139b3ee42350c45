package org.manyi.customers.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.manyi.platform.ProblemException;

/**
 * Which fields of a merge take the value of the record being merged away; every other field keeps
 * the surviving record's value, or the other's when the survivor has none. Phones, emails and tags
 * are always united (the chosen side's primary first), so no contact is lost.
 */
public record MergeChoice(Set<String> fromSource) {

  /** The fields a user can choose between. */
  public static final List<String> FIELDS =
      List.of(
          "name",
          "kind",
          "gender",
          "birthday",
          "phone",
          "email",
          "province",
          "city",
          "address",
          "source",
          "externalId",
          "notes",
          "idNumber");

  public MergeChoice {
    Set<String> fields = new LinkedHashSet<>();
    for (String field : fromSource == null ? Set.<String>of() : fromSource) {
      if (!FIELDS.contains(field)) {
        throw ProblemException.invalid("fields", "customer.merge.field", field);
      }
      fields.add(field);
    }
    fromSource = Set.copyOf(fields);
  }

  CustomerProfile merge(CustomerProfile survivor, CustomerProfile source) {
    return new CustomerProfile(
        pick("kind", survivor.kind(), source.kind()),
        pick("name", survivor.name(), source.name()),
        pick("gender", survivor.gender(), source.gender()),
        pick("birthday", survivor.birthday(), source.birthday()),
        fromSource.contains("birthday") ? source.lunarBirthday() : survivor.lunarBirthday(),
        unite("phone", survivor.phones(), source.phones()),
        unite("email", survivor.emails(), source.emails()),
        pick("province", survivor.province(), source.province()),
        pick("city", survivor.city(), source.city()),
        pick("address", survivor.address(), source.address()),
        pick("source", survivor.source(), source.source()),
        pick("externalId", survivor.externalId(), source.externalId()),
        unite(survivor.tags(), source.tags()),
        pick("notes", survivor.notes(), source.notes()),
        pick("idNumber", survivor.idNumber(), source.idNumber()),
        // contact persons are kept from both records; the same name is kept once
        unitePeople(survivor.people(), source.people()));
  }

  private <T> T pick(String field, T survivor, T source) {
    if (fromSource.contains(field)) {
      return source != null ? source : survivor;
    }
    if (survivor == null || survivor instanceof Gender g && g == Gender.UNKNOWN) {
      return source != null ? source : survivor;
    }
    return survivor;
  }

  private List<String> unite(String field, List<String> survivor, List<String> source) {
    List<String> first = fromSource.contains(field) ? source : survivor;
    List<String> second = fromSource.contains(field) ? survivor : source;
    Set<String> all = new LinkedHashSet<>(first);
    all.addAll(second);
    // the profile allows a few contacts per kind; the chosen side's come first
    return new ArrayList<>(all).subList(0, Math.min(all.size(), CustomerProfile.MAX_CONTACTS));
  }

  private static Set<String> unite(Set<String> a, Set<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return all.size() <= CustomerProfile.MAX_TAGS
        ? all
        : new LinkedHashSet<>(new ArrayList<>(all).subList(0, CustomerProfile.MAX_TAGS));
  }

  /** The choice from a form's or request's list of field names; blanks are ignored. */
  public static MergeChoice of(List<String> fields) {
    return new MergeChoice(
        new LinkedHashSet<>(fields.stream().map(String::strip).filter(f -> !f.isEmpty()).toList()));
  }

  private static List<ContactPerson> unitePeople(
      List<ContactPerson> survivor, List<ContactPerson> source) {
    java.util.Map<String, ContactPerson> byName = new java.util.LinkedHashMap<>();
    survivor.forEach(p -> byName.putIfAbsent(p.name(), p));
    source.forEach(p -> byName.putIfAbsent(p.name(), p));
    return List.copyOf(byName.values());
  }
}
