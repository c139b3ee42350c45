package org.manyi.satisfaction.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.manyi.platform.ProblemException.FieldProblem;

/**
 * The rules a model must follow before it is stored or estimated, each broken rule reported on the
 * field it concerns ({@code constructs[2].items}, {@code paths[4]}) with a bundle code. The engine
 * checks the same structure again; this class exists so users read the reason in their language.
 */
final class ModelValidation {

  /** Construct and item names become CSV column names and chart labels: keep them plain. */
  static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_.\\-]{1,64}");

  private ModelValidation() {}

  /** Problems of {@code spec}, empty when it is valid. */
  static List<FieldProblem> problems(ModelSpec spec) {
    List<FieldProblem> problems = new ArrayList<>();
    if (spec.constructs().isEmpty()) {
      problems.add(new FieldProblem("constructs", "satisfaction.model.constructs.required"));
    }
    Map<String, Integer> constructIndex = new LinkedHashMap<>();
    Map<String, String> itemOwner = new HashMap<>();
    for (int i = 0; i < spec.constructs().size(); i++) {
      ConstructSpec construct = spec.constructs().get(i);
      String field = "constructs[" + i + "]";
      if (!NAME.matcher(construct.name()).matches()) {
        problems.add(
            new FieldProblem(field + ".name", "satisfaction.model.construct.name.invalid"));
      } else if (constructIndex.putIfAbsent(construct.name(), i) != null) {
        problems.add(
            new FieldProblem(
                field + ".name", "satisfaction.model.construct.name.duplicate", construct.name()));
      }
      if (construct.items().isEmpty()) {
        problems.add(
            new FieldProblem(
                field + ".items", "satisfaction.model.construct.items.required", construct.name()));
      }
      for (String item : construct.items()) {
        if (!NAME.matcher(item).matches()) {
          problems.add(new FieldProblem(field + ".items", "satisfaction.model.item.invalid", item));
        } else {
          String owner = itemOwner.putIfAbsent(item, construct.name());
          if (owner != null) {
            problems.add(
                new FieldProblem(
                    field + ".items", "satisfaction.model.item.duplicate", item, owner));
          }
        }
      }
    }
    if (spec.paths().isEmpty()) {
      problems.add(new FieldProblem("paths", "satisfaction.model.paths.required"));
    }
    Set<String> connected = new HashSet<>();
    Set<List<String>> seen = new HashSet<>();
    Map<String, List<String>> successors = new HashMap<>();
    boolean pathsValid = true;
    for (int k = 0; k < spec.paths().size(); k++) {
      List<String> path = spec.paths().get(k);
      String field = "paths[" + k + "]";
      if (path.size() != 2) {
        problems.add(new FieldProblem(field, "satisfaction.model.path.pair"));
        pathsValid = false;
        continue;
      }
      String from = path.get(0);
      String to = path.get(1);
      boolean known = true;
      for (String end : path) {
        if (!constructIndex.containsKey(end)) {
          problems.add(new FieldProblem(field, "satisfaction.model.path.unknown", end));
          known = false;
        }
      }
      if (!known) {
        pathsValid = false;
        continue;
      }
      if (from.equals(to)) {
        problems.add(new FieldProblem(field, "satisfaction.model.path.self", from));
        pathsValid = false;
      } else if (!seen.add(path)) {
        problems.add(new FieldProblem(field, "satisfaction.model.path.repeated", from, to));
      } else {
        successors.computeIfAbsent(from, x -> new ArrayList<>()).add(to);
      }
      connected.add(from);
      connected.add(to);
    }
    if (pathsValid && !spec.paths().isEmpty()) {
      for (Map.Entry<String, Integer> construct : constructIndex.entrySet()) {
        if (!connected.contains(construct.getKey())) {
          problems.add(
              new FieldProblem(
                  "constructs[" + construct.getValue() + "].name",
                  "satisfaction.model.construct.unconnected",
                  construct.getKey()));
        }
      }
      String onCycle = cycleMember(constructIndex.keySet(), successors);
      if (onCycle != null) {
        problems.add(new FieldProblem("paths", "satisfaction.model.paths.cycle", onCycle));
      }
    }
    if (!Double.isFinite(spec.scaleMin())
        || !Double.isFinite(spec.scaleMax())
        || spec.scaleMax() <= spec.scaleMin()) {
      problems.add(new FieldProblem("scaleMax", "satisfaction.model.scale.invalid"));
    }
    if (spec.target() != null && !constructIndex.containsKey(spec.target())) {
      problems.add(new FieldProblem("target", "satisfaction.model.target.unknown", spec.target()));
    }
    return problems;
  }

  /**
   * Kahn's algorithm: a construct left with incoming paths after peeling sources lies on a cycle.
   */
  private static @Nullable String cycleMember(
      Set<String> constructs, Map<String, List<String>> successors) {
    Map<String, Integer> incoming = new HashMap<>();
    constructs.forEach(c -> incoming.put(c, 0));
    successors.values().forEach(ts -> ts.forEach(t -> incoming.merge(t, 1, Integer::sum)));
    Deque<String> ready = new ArrayDeque<>();
    incoming.forEach(
        (c, count) -> {
          if (count == 0) {
            ready.add(c);
          }
        });
    while (!ready.isEmpty()) {
      String c = ready.poll();
      for (String t : successors.getOrDefault(c, List.of())) {
        if (incoming.merge(t, -1, Integer::sum) == 0) {
          ready.add(t);
        }
      }
    }
    return constructs.stream().filter(c -> incoming.get(c) > 0).findFirst().orElse(null);
  }
}
