package org.manyi.satisfaction.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.manyi.pls.Mode;
import org.manyi.pls.Scaling;
import org.manyi.pls.Scheme;
import org.manyi.satisfaction.internal.ConstructSpec;
import org.manyi.satisfaction.internal.ModelSpec;
import org.manyi.satisfaction.internal.SatisfactionModel;
import org.manyi.satisfaction.internal.SatisfactionModels;

/**
 * The model editor's form: one row per construct (items comma separated) and paths one per line
 * ({@code IMAG -> CUEX}). A JavaBean rather than a record because the rows are bound and re-shown
 * through indexed property paths ({@code constructs[2].items}), and a user may add rows.
 */
public class ModelForm {

  /** Blank rows offered below the constructs, so a new construct needs no extra step. */
  static final int SPARE_ROWS = 2;

  /** One construct row of the editor. */
  public static class Row {
    private String name = "";
    private String items = "";
    private Mode mode = Mode.A;

    public Row() {}

    Row(String name, String items, Mode mode) {
      this.name = name;
      this.items = items;
      this.mode = mode;
    }

    public String getName() {
      return name;
    }

    public void setName(@Nullable String name) {
      this.name = name == null ? "" : name;
    }

    public String getItems() {
      return items;
    }

    public void setItems(@Nullable String items) {
      this.items = items == null ? "" : items;
    }

    public Mode getMode() {
      return mode;
    }

    public void setMode(@Nullable Mode mode) {
      this.mode = mode == null ? Mode.A : mode;
    }

    boolean blank() {
      return name.isBlank() && items.isBlank();
    }
  }

  private String name = "";
  private String description = "";
  private List<Row> constructs = new ArrayList<>();
  private String paths = "";
  private Scheme scheme = Scheme.PATH;
  private Scaling scaling = Scaling.STANDARDIZED;
  private @Nullable Double scaleMin = 1.0;
  private @Nullable Double scaleMax = 10.0;
  private String target = "";

  static ModelForm empty() {
    ModelForm form = new ModelForm();
    form.addSpareRows();
    return form;
  }

  static ModelForm of(SatisfactionModel model) {
    ModelForm form = new ModelForm();
    ModelSpec spec = model.spec();
    form.name = model.name();
    form.description = model.description() == null ? "" : model.description();
    for (ConstructSpec c : spec.constructs()) {
      form.constructs.add(new Row(c.name(), String.join(", ", c.items()), c.mode()));
    }
    List<String> lines = new ArrayList<>();
    spec.paths().forEach(p -> lines.add(String.join(" -> ", p)));
    form.paths = String.join("\n", lines);
    form.scheme = spec.scheme();
    form.scaling = spec.scaling();
    form.scaleMin = spec.scaleMin();
    form.scaleMax = spec.scaleMax();
    form.target = spec.target() == null ? "" : spec.target();
    form.addSpareRows();
    return form;
  }

  void addSpareRows() {
    for (int i = 0; i < SPARE_ROWS; i++) {
      constructs.add(new Row());
    }
  }

  /** Form row index of each construct in {@link #draft()}, whose blank rows are left out. */
  List<Integer> rowIndexes() {
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < constructs.size(); i++) {
      if (!constructs.get(i).blank()) {
        indexes.add(i);
      }
    }
    return indexes;
  }

  /**
   * Form line number (1-based) of each path in {@link #draft()}, whose blank lines are left out.
   */
  List<Integer> pathLines() {
    List<Integer> lines = new ArrayList<>();
    String[] all = paths.split("\\R", -1);
    for (int i = 0; i < all.length; i++) {
      if (!all[i].isBlank()) {
        lines.add(i + 1);
      }
    }
    return lines;
  }

  SatisfactionModels.Draft draft() {
    List<ConstructSpec> specs = new ArrayList<>();
    for (Row row : constructs) {
      if (!row.blank()) {
        List<String> items =
            List.of(row.items.split("[,，;；\\s]+")).stream().filter(s -> !s.isBlank()).toList();
        specs.add(new ConstructSpec(row.name.strip(), items, row.mode));
      }
    }
    List<List<String>> pathList = new ArrayList<>();
    for (String line : paths.split("\\R")) {
      if (!line.isBlank()) {
        pathList.add(
            List.of(line.split("\\s*(?:->|→|,|，)\\s*")).stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList());
      }
    }
    return new SatisfactionModels.Draft(
        name,
        description,
        new ModelSpec(
            specs,
            pathList,
            scheme,
            scaling,
            scaleMin == null ? Double.NaN : scaleMin,
            scaleMax == null ? Double.NaN : scaleMax,
            target.isBlank() ? null : target.strip()));
  }

  public String getName() {
    return name;
  }

  public void setName(@Nullable String name) {
    this.name = name == null ? "" : name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(@Nullable String description) {
    this.description = description == null ? "" : description;
  }

  public List<Row> getConstructs() {
    return constructs;
  }

  public void setConstructs(@Nullable List<Row> constructs) {
    this.constructs = constructs == null ? new ArrayList<>() : new ArrayList<>(constructs);
  }

  public String getPaths() {
    return paths;
  }

  public void setPaths(@Nullable String paths) {
    this.paths = paths == null ? "" : paths;
  }

  public Scheme getScheme() {
    return scheme;
  }

  public void setScheme(@Nullable Scheme scheme) {
    this.scheme = scheme == null ? Scheme.PATH : scheme;
  }

  public Scaling getScaling() {
    return scaling;
  }

  public void setScaling(@Nullable Scaling scaling) {
    this.scaling = scaling == null ? Scaling.STANDARDIZED : scaling;
  }

  public @Nullable Double getScaleMin() {
    return scaleMin;
  }

  public void setScaleMin(@Nullable Double scaleMin) {
    this.scaleMin = scaleMin;
  }

  public @Nullable Double getScaleMax() {
    return scaleMax;
  }

  public void setScaleMax(@Nullable Double scaleMax) {
    this.scaleMax = scaleMax;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(@Nullable String target) {
    this.target = target == null ? "" : target;
  }
}
