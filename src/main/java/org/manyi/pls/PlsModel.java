package org.manyi.pls;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A PLS path model: which items measure which construct, how constructs influence each other, and
 * the estimation settings. The component names match the JSON the REST endpoint receives.
 *
 * <p>The constructor validates the structure (every construct has at least one item, no item is
 * used twice, paths name known constructs, the inner model has no cycle, every construct takes part
 * in a path) and throws {@link InvalidModelException} naming the offending construct or item.
 * Whether the items exist in a data set is checked when estimating.
 *
 * @param blocks construct name to its item (column) names, in the order constructs are reported
 * @param modes measurement mode per construct; constructs not listed are reflective ({@link
 *     Mode#A})
 * @param paths inner model as {@code [from, to]} pairs
 * @param scheme inner weighting scheme
 * @param scaling how items are treated before estimation
 * @param tolerance convergence threshold on the largest change of an outer weight between two
 *     iterations (weights normalised to unit-variance construct scores)
 * @param maxIterations iteration limit; reaching it marks the result as not converged
 * @param bootstrap number of bootstrap resamples, 0 for none
 * @param seed seed of the bootstrap resampling, so that intervals are reproducible
 * @param scale answer scale shared by all items, used for the 0–100 index; may be null when every
 *     item has an entry in {@code itemScales} or no index is wanted
 * @param itemScales answer scale per item, overriding {@code scale}
 */
public record PlsModel(
    Map<String, List<String>> blocks,
    Map<String, Mode> modes,
    List<List<String>> paths,
    Scheme scheme,
    Scaling scaling,
    double tolerance,
    int maxIterations,
    int bootstrap,
    long seed,
    @Nullable ScaleRange scale,
    Map<String, ScaleRange> itemScales) {

  /** plspm's default convergence threshold. */
  public static final double DEFAULT_TOLERANCE = 1e-6;

  /** Generous enough for survey models, which usually converge in fewer than ten iterations. */
  public static final int DEFAULT_MAX_ITERATIONS = 300;

  /** The default number of bootstrap resamples. */
  public static final int DEFAULT_BOOTSTRAP = 500;

  /** Fixed default seed: two runs of the same request give the same intervals. */
  public static final long DEFAULT_SEED = 20_240_601L;

  public PlsModel {
    blocks = copyBlocks(blocks);
    modes = Collections.unmodifiableMap(new LinkedHashMap<>(modes));
    paths = copyPaths(paths);
    itemScales = Collections.unmodifiableMap(new LinkedHashMap<>(itemScales));
    validate(blocks, modes, paths, tolerance, maxIterations, bootstrap);
    for (String item : itemScales.keySet()) {
      if (blocks.values().stream().noneMatch(items -> items.contains(item))) {
        throw new InvalidModelException(
            item, "A scale is given for item '" + item + "', which no construct uses.");
      }
    }
  }

  /**
   * A reflective model with the defaults: path scheme, standardised items, tolerance {@value
   * #DEFAULT_TOLERANCE}, {@value #DEFAULT_MAX_ITERATIONS} iterations and no bootstrap.
   */
  public static PlsModel of(Map<String, List<String>> blocks, List<List<String>> paths) {
    return new PlsModel(
        blocks,
        Map.of(),
        paths,
        Scheme.PATH,
        Scaling.STANDARDIZED,
        DEFAULT_TOLERANCE,
        DEFAULT_MAX_ITERATIONS,
        0,
        DEFAULT_SEED,
        null,
        Map.of());
  }

  public PlsModel withModes(Map<String, Mode> newModes) {
    return new PlsModel(
        blocks,
        newModes,
        paths,
        scheme,
        scaling,
        tolerance,
        maxIterations,
        bootstrap,
        seed,
        scale,
        itemScales);
  }

  public PlsModel withScheme(Scheme newScheme) {
    return new PlsModel(
        blocks,
        modes,
        paths,
        newScheme,
        scaling,
        tolerance,
        maxIterations,
        bootstrap,
        seed,
        scale,
        itemScales);
  }

  public PlsModel withScaling(Scaling newScaling) {
    return new PlsModel(
        blocks,
        modes,
        paths,
        scheme,
        newScaling,
        tolerance,
        maxIterations,
        bootstrap,
        seed,
        scale,
        itemScales);
  }

  public PlsModel withTolerance(double newTolerance) {
    return new PlsModel(
        blocks,
        modes,
        paths,
        scheme,
        scaling,
        newTolerance,
        maxIterations,
        bootstrap,
        seed,
        scale,
        itemScales);
  }

  public PlsModel withMaxIterations(int newMaxIterations) {
    return new PlsModel(
        blocks,
        modes,
        paths,
        scheme,
        scaling,
        tolerance,
        newMaxIterations,
        bootstrap,
        seed,
        scale,
        itemScales);
  }

  /** Bootstrap with the default {@value #DEFAULT_BOOTSTRAP} resamples and the default seed. */
  public PlsModel withBootstrap() {
    return withBootstrap(DEFAULT_BOOTSTRAP, DEFAULT_SEED);
  }

  /** Bootstrap with {@code resamples} resamples drawn with the given seed. */
  public PlsModel withBootstrap(int resamples, long newSeed) {
    return new PlsModel(
        blocks,
        modes,
        paths,
        scheme,
        scaling,
        tolerance,
        maxIterations,
        resamples,
        newSeed,
        scale,
        itemScales);
  }

  /** One answer scale for all items, e.g. 1–10. */
  public PlsModel withScale(ScaleRange newScale) {
    return new PlsModel(
        blocks,
        modes,
        paths,
        scheme,
        scaling,
        tolerance,
        maxIterations,
        bootstrap,
        seed,
        newScale,
        itemScales);
  }

  public PlsModel withItemScales(Map<String, ScaleRange> newItemScales) {
    return new PlsModel(
        blocks,
        modes,
        paths,
        scheme,
        scaling,
        tolerance,
        maxIterations,
        bootstrap,
        seed,
        scale,
        newItemScales);
  }

  /** The mode of {@code construct}, reflective unless stated otherwise. */
  public Mode modeOf(String construct) {
    return modes.getOrDefault(construct, Mode.A);
  }

  /** The answer scale of {@code item}, or null when none is known. */
  public @Nullable ScaleRange scaleOf(String item) {
    ScaleRange own = itemScales.get(item);
    return own != null ? own : scale;
  }

  private static Map<String, List<String>> copyBlocks(Map<String, List<String>> blocks) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    blocks.forEach((construct, items) -> copy.put(construct, List.copyOf(items)));
    return Collections.unmodifiableMap(copy);
  }

  private static List<List<String>> copyPaths(List<List<String>> paths) {
    List<List<String>> copy = new ArrayList<>(paths.size());
    for (List<String> path : paths) {
      copy.add(List.copyOf(path));
    }
    return List.copyOf(copy);
  }

  private static void validate(
      Map<String, List<String>> blocks,
      Map<String, Mode> modes,
      List<List<String>> paths,
      double tolerance,
      int maxIterations,
      int bootstrap) {
    if (blocks.isEmpty()) {
      throw new InvalidModelException("blocks", "The model has no constructs.");
    }
    Map<String, String> ownerOfItem = new HashMap<>();
    for (Map.Entry<String, List<String>> block : blocks.entrySet()) {
      String construct = block.getKey();
      if (construct.isBlank()) {
        throw new InvalidModelException(construct, "A construct name is blank.");
      }
      if (block.getValue().isEmpty()) {
        throw new InvalidModelException(
            construct, "Construct '" + construct + "' has no items; it needs at least one.");
      }
      for (String item : block.getValue()) {
        String previous = ownerOfItem.putIfAbsent(item, construct);
        if (previous != null) {
          throw new InvalidModelException(
              item,
              "Item '"
                  + item
                  + "' is used by both '"
                  + previous
                  + "' and '"
                  + construct
                  + "'; an item may measure one construct only.");
        }
      }
    }
    for (String construct : modes.keySet()) {
      requireConstruct(blocks, construct, "a mode is given for");
    }
    if (paths.isEmpty()) {
      throw new InvalidModelException("paths", "The model has no paths between constructs.");
    }
    Map<String, List<String>> successors = new HashMap<>();
    Set<List<String>> seen = new HashSet<>();
    Set<String> connected = new HashSet<>();
    for (List<String> path : paths) {
      if (path.size() != 2) {
        throw new InvalidModelException(
            String.join(",", path), "A path must be a pair [from, to], got " + path + ".");
      }
      String from = path.get(0);
      String to = path.get(1);
      requireConstruct(blocks, from, "a path starts at");
      requireConstruct(blocks, to, "a path ends at");
      if (from.equals(to)) {
        throw new InvalidModelException(
            from, "Construct '" + from + "' has a path to itself; paths must not form cycles.");
      }
      if (!seen.add(path)) {
        throw new InvalidModelException(from, "The path " + from + " -> " + to + " is repeated.");
      }
      successors.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
      connected.add(from);
      connected.add(to);
    }
    for (String construct : blocks.keySet()) {
      if (!connected.contains(construct)) {
        throw new InvalidModelException(
            construct,
            "Construct '" + construct + "' takes part in no path; every construct needs one.");
      }
    }
    rejectCycles(blocks.keySet(), successors);
    if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
      throw new InvalidModelException("tolerance", "The tolerance must be positive and finite.");
    }
    if (maxIterations < 1) {
      throw new InvalidModelException("maxIterations", "maxIterations must be at least 1.");
    }
    if (bootstrap < 0) {
      throw new InvalidModelException("bootstrap", "The number of resamples must not be negative.");
    }
  }

  private static void requireConstruct(
      Map<String, List<String>> blocks, String construct, String role) {
    if (!blocks.containsKey(construct)) {
      throw new InvalidModelException(
          construct, "Unknown construct '" + construct + "': " + role + " it but it has no block.");
    }
  }

  /** Depth-first search with colours; reports one construct that lies on a cycle. */
  private static void rejectCycles(Set<String> constructs, Map<String, List<String>> successors) {
    final int unvisited = 0;
    final int onStack = 1;
    final int done = 2;
    Map<String, Integer> state = new HashMap<>();
    for (String start : constructs) {
      if (state.getOrDefault(start, unvisited) != unvisited) {
        continue;
      }
      Deque<String> stack = new ArrayDeque<>();
      Deque<Integer> nextChild = new ArrayDeque<>();
      stack.push(start);
      nextChild.push(0);
      state.put(start, onStack);
      while (!stack.isEmpty()) {
        String node = stack.peek();
        int child = nextChild.pop();
        List<String> next = successors.getOrDefault(node, List.of());
        if (child < next.size()) {
          nextChild.push(child + 1);
          String target = next.get(child);
          int targetState = state.getOrDefault(target, unvisited);
          if (targetState == onStack) {
            throw new InvalidModelException(
                target,
                "The paths form a cycle through construct '"
                    + target
                    + "' (via '"
                    + node
                    + "'); the inner model must be acyclic.");
          }
          if (targetState == unvisited) {
            state.put(target, onStack);
            stack.push(target);
            nextChild.push(0);
          }
        } else {
          state.put(node, done);
          stack.pop();
        }
      }
    }
  }
}
