package io.holdfast.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** Prints figures as they come and keeps them in a Markdown file for BENCHMARKS.md. */
final class Report implements AutoCloseable {

    private final PrintWriter file;

    Report(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        this.file = new PrintWriter(
                Files.newBufferedWriter(
                        path, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING),
                true);
    }

    void line(String format, Object... arguments) {
        String text = String.format(Locale.ROOT, format, arguments);
        System.out.println(text);
        file.println(text);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    static String millis(Histogram histogram, double percentile) {
        if (histogram.getTotalCount() == 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.1f", histogram.getValueAtPercentile(percentile) / 1e6);
    }

    static String rounded(List<Double> values) {
        return values.stream()
                .map(v -> String.format(Locale.ROOT, "%.0f", v))
                .toList()
                .toString();
    }

    @Override
    public void close() {
        file.close();
    }
}
