package app.courtesy.web.dashboard;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Chart.js configuration for PrimeFaces' {@code <p:chart value="…"/>}, which draws any
 * configuration given as JSON. Every chart of the dashboard is built here, so they share colours,
 * legend and axes:
 *
 * <pre>{@code
 * ChartJson.line(List.of("Jan", "Feb"))
 *     .series("DSO", List.of(Optional.of(new BigDecimal("41.2")), Optional.empty()))
 *     .axis("Days")
 *     .json();
 * }</pre>
 *
 * A value that is undefined ({@link Optional#empty()}) is left as a gap, never drawn as zero.
 */
public final class ChartJson {

  /** The series colours, in order: calm, distinguishable, and readable when printed. */
  private static final List<String> COLOURS =
      List.of("#2f6f8f", "#d08c2f", "#5a9a5a", "#a4506a", "#7b6fb0", "#8a8a8a");

  private record Series(String label, List<Optional<BigDecimal>> values) {}

  private final String type;
  private final List<String> labels;
  private final List<Series> series = new ArrayList<>();
  private boolean stacked;
  private boolean percent;
  private boolean counts;
  private String axis;

  private ChartJson(String type, List<String> labels) {
    this.type = type;
    this.labels = List.copyOf(labels);
  }

  /** A line chart over {@code labels} (the x axis, oldest first). */
  public static ChartJson line(List<String> labels) {
    return new ChartJson("line", labels);
  }

  /** A bar chart over {@code labels}. */
  public static ChartJson bar(List<String> labels) {
    return new ChartJson("bar", labels);
  }

  /** A series of defined values, one per label. */
  public ChartJson values(String label, List<BigDecimal> values) {
    return series(label, values.stream().map(Optional::ofNullable).toList());
  }

  /** A series, one value per label; an empty value is a gap. */
  public ChartJson series(String label, List<Optional<BigDecimal>> values) {
    if (values.size() != labels.size()) {
      throw new IllegalArgumentException(
          label + ": " + values.size() + " values for " + labels.size() + " labels");
    }
    series.add(new Series(label, List.copyOf(values)));
    return this;
  }

  /** Stacks the bars (or lines) of every series on each other. */
  public ChartJson stacked() {
    this.stacked = true;
    return this;
  }

  /** The values are percentages: the axis runs from 0 to 100 and says so. */
  public ChartJson percentAxis() {
    this.percent = true;
    return this.axis("%");
  }

  /** The values are counts: the axis shows whole numbers only, titled {@code title}. */
  public ChartJson countAxis(String title) {
    this.counts = true;
    return this.axis(title);
  }

  /** The title of the value axis, such as a currency or "Days". */
  public ChartJson axis(String title) {
    this.axis = title;
    return this;
  }

  /** The configuration as JSON. */
  public String json() {
    JsonArrayBuilder datasets = Json.createArrayBuilder();
    for (int i = 0; i < series.size(); i++) {
      Series one = series.get(i);
      String colour = COLOURS.get(i % COLOURS.size());
      JsonArrayBuilder data = Json.createArrayBuilder();
      one.values().forEach(v -> v.ifPresentOrElse(data::add, data::addNull));
      datasets.add(
          Json.createObjectBuilder()
              .add("label", one.label())
              .add("data", data)
              .add("borderColor", colour)
              .add("backgroundColor", type.equals("bar") ? colour : colour + "33")
              .add("borderWidth", 2)
              .add("pointRadius", labels.size() > 40 ? 0 : 3)
              .add("spanGaps", false)
              .add("tension", 0.2));
    }
    JsonObjectBuilder y = Json.createObjectBuilder().add("stacked", stacked);
    y.add("beginAtZero", true);
    if (percent) {
      y.add("max", 100);
    }
    if (counts) {
      y.add("ticks", Json.createObjectBuilder().add("precision", 0));
    }
    if (axis != null) {
      y.add("title", Json.createObjectBuilder().add("display", true).add("text", axis));
    }
    return Json.createObjectBuilder()
        .add("type", type)
        .add(
            "data",
            Json.createObjectBuilder()
                .add("labels", Json.createArrayBuilder(labels))
                .add("datasets", datasets))
        .add(
            "options",
            Json.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add(
                    "plugins",
                    Json.createObjectBuilder()
                        .add("legend", Json.createObjectBuilder().add("position", "bottom")))
                .add(
                    "scales",
                    Json.createObjectBuilder()
                        .add("x", Json.createObjectBuilder().add("stacked", stacked))
                        .add("y", y)))
        .build()
        .toString();
  }
}
