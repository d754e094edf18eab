package app.courtesy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The figures of one run: each measure of Courtesy next to its floor (the same work as raw SQL,
 * measured in the same run) and the target it should meet. Printed as a table and written as
 * Markdown and JSON.
 */
final class Figures {

  /**
   * One line of the table.
   *
   * @param value what Courtesy took or achieved, in {@code unit}
   * @param floor the same work as raw SQL, in {@code unit}; {@code NaN} when there is none
   * @param higherIsBetter rates (per second) are better high, times better low
   */
  record Figure(
      String measure,
      double value,
      String unit,
      double floor,
      String floorWork,
      boolean higherIsBetter,
      String target) {

    /** How many times the floor Courtesy costs (1.0 = as fast as raw SQL). */
    double ratio() {
      if (Double.isNaN(floor)) {
        return Double.NaN;
      }
      return higherIsBetter ? floor / value : value / floor;
    }
  }

  /** Percentiles of a series of samples. */
  record Percentiles(double p50, double p95, double p99, int samples) {

    static Percentiles of(List<Double> values) {
      double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return new Percentiles(at(sorted, 50), at(sorted, 95), at(sorted, 99), sorted.length);
    }

    private static double at(double[] sorted, int percent) {
      int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "p50 %.1f / p95 %.1f / p99 %.1f ms", p50, p95, p99);
    }
  }

  private final List<Figure> figures = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  /** Adds a figure; one without a value (none measured, or nothing) fails the run. */
  void add(Figure figure) {
    if (!(figure.value() > 0) || Double.isInfinite(figure.value())) {
      throw new IllegalStateException(figure.measure() + " measured " + figure.value());
    }
    figures.add(figure);
    System.out.printf(
        Locale.ROOT,
        "  %-58s %12s   floor %12s   %s%n",
        figure.measure(),
        format(figure.value(), figure.unit()),
        format(figure.floor(), figure.unit()),
        ratio(figure));
  }

  void note(String note) {
    notes.add(note);
    System.out.println("  " + note);
  }

  List<Figure> all() {
    return List.copyOf(figures);
  }

  /** Writes {@code name.md} and {@code name.json} into {@code folder}. */
  void write(Path folder, String name, String machine) throws IOException {
    Files.createDirectories(folder);
    StringBuilder md = new StringBuilder();
    md.append("Measured on ").append(machine).append(".\n\n");
    md.append("| Measure | Courtesy | Same work as raw SQL | Ratio | Target |\n");
    md.append("|---|---:|---:|---:|---|\n");
    for (Figure f : figures) {
      md.append("| ")
          .append(f.measure())
          .append(" | ")
          .append(format(f.value(), f.unit()))
          .append(" | ")
          .append(Double.isNaN(f.floor()) ? "—" : format(f.floor(), f.unit()))
          .append(f.floorWork().isEmpty() ? "" : " (" + f.floorWork() + ")")
          .append(" | ")
          .append(ratio(f))
          .append(" | ")
          .append(f.target())
          .append(" |\n");
    }
    if (!notes.isEmpty()) {
      md.append('\n');
      notes.forEach(n -> md.append("- ").append(n).append('\n'));
    }
    Files.writeString(folder.resolve(name + ".md"), md);
    String json =
        figures.stream()
                .map(
                    f ->
                        String.format(
                            Locale.ROOT,
                            "  {\"measure\": %s, \"value\": %s, \"unit\": %s, \"floor\": %s,"
                                + " \"floorWork\": %s, \"ratio\": %s, \"target\": %s}",
                            quote(f.measure()),
                            number(f.value()),
                            quote(f.unit()),
                            number(f.floor()),
                            quote(f.floorWork()),
                            number(f.ratio()),
                            quote(f.target())))
                .collect(
                    Collectors.joining(
                        ",\n", "{\"machine\": " + quote(machine) + ",\n\"figures\": [\n", "\n],\n"))
            + "\"notes\": ["
            + notes.stream().map(Figures::quote).collect(Collectors.joining(", "))
            + "]}\n";
    Files.writeString(folder.resolve(name + ".json"), json);
  }

  private static String ratio(Figure f) {
    return Double.isNaN(f.ratio()) ? "" : String.format(Locale.ROOT, "%.1f×", f.ratio());
  }

  private static String format(double value, String unit) {
    if (Double.isNaN(value)) {
      return "—";
    }
    String number =
        value >= 100
            ? String.format(Locale.ROOT, "%,.0f", value)
            : String.format(Locale.ROOT, "%.1f", value);
    return number + " " + unit;
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.3f", value);
  }

  private static String quote(String text) {
    return "\""
        + Arrays.stream(text.split(""))
            .map(c -> c.equals("\"") || c.equals("\\") ? "\\" + c : c)
            .collect(Collectors.joining())
        + "\"";
  }
}
