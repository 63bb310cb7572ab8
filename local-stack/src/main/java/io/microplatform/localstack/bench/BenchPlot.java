package io.microplatform.localstack.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The run's two plots as one SVG: latency (log scale) and completed sagas per second, both against the offered rate.
 * Plain SVG so that any browser, IDE or GitHub page shows it without a plotting library.
 */
final class BenchPlot {

    private static final int WIDTH = 460;
    private static final int HEIGHT = 300;
    private static final int MARGIN = 50;

    private BenchPlot() {
    }

    static String svg(BenchResult result) {
        List<BenchResult.Step> steps = result.steps().stream().filter(step -> step.phase().equals("step")).toList();
        double maxRate = steps.stream().mapToDouble(BenchResult.Step::offeredPerSecond).max().orElse(1);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">%n", 2 * WIDTH + 20, HEIGHT + 40));
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"16\" font-size=\"13\">./platform bench %s: sustained "
                        + "%.1f sagas/s, %.3f of the ceiling (%.0f sagas/s)</text>%n", result.runId(),
                result.sustainedPerSecond(), result.fractionOfCeiling(), result.ceilingSagasPerSecond()));
        latency(svg, steps, maxRate);
        throughput(svg, steps, maxRate);
        return svg.append("</svg>\n").toString();
    }

    private static void latency(StringBuilder svg, List<BenchResult.Step> steps, double maxRate) {
        Panel panel = new Panel(0, 1, 5, maxRate, "latency (ms, log)");
        panel.frame(svg, new double[] {1, 10, 100, 1000, 10000});
        panel.series(svg, steps, step -> Math.log10(Math.max(1, step.placement().p99())), "#1f77b4", "placement p99", 0);
        panel.series(svg, steps, step -> Math.log10(Math.max(1, step.saga().p50())), "#2ca02c", "saga p50", 1);
        panel.series(svg, steps, step -> Math.log10(Math.max(1, step.saga().p99())), "#d62728", "saga p99", 2);
    }

    private static void throughput(StringBuilder svg, List<BenchResult.Step> steps, double maxRate) {
        Panel panel = new Panel(WIDTH + 20, 0, maxRate, maxRate, "completed sagas/s");
        panel.frame(svg, new double[] {0, maxRate / 4, maxRate / 2, 3 * maxRate / 4, maxRate});
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#999\" "
                + "stroke-dasharray=\"4 3\"/>%n", panel.x(0), panel.y(0), panel.x(maxRate), panel.y(maxRate)));
        panel.series(svg, steps, BenchResult.Step::completedPerSecond, "#1f77b4", "completed (dashed: offered)", 0);
    }

    /** One plot: x is the offered rate from 0 to maxRate, y runs from yMin to yMax (log10 values for latency). */
    private record Panel(int left, double yMin, double yMax, double maxRate, String title) {

        double x(double rate) {
            return left + MARGIN + rate / maxRate * (WIDTH - MARGIN - 10);
        }

        double y(double value) {
            double clamped = Math.max(yMin, Math.min(yMax, value));
            return 30 + HEIGHT - MARGIN - (clamped - yMin) / (yMax - yMin) * (HEIGHT - MARGIN - 10);
        }

        boolean logarithmic() {
            return yMin == 1 && yMax == 5;
        }

        void frame(StringBuilder svg, double[] ticks) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"36\">%s</text>%n", left + MARGIN, title));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                    + "fill=\"none\" stroke=\"#333\"/>%n", x(0), y(yMax), x(maxRate) - x(0), y(yMin) - y(yMax)));
            for (double tick : ticks) {
                double value = logarithmic() ? Math.log10(tick) : tick;
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                        x(0) - 4, y(value) + 4, label(tick)));
            }
            for (int i = 0; i <= 4; i++) {
                double rate = maxRate * i / 4;
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
                        x(rate), y(yMin) + 14, label(rate)));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">offered "
                    + "orders/s</text>%n", x(maxRate / 2), y(yMin) + 28));
        }

        void series(StringBuilder svg, List<BenchResult.Step> steps, ToDoubleFunction<BenchResult.Step> value,
                String colour, String name, int legendRow) {
            StringBuilder points = new StringBuilder();
            for (BenchResult.Step step : steps) {
                double x = x(step.offeredPerSecond());
                double y = y(value.applyAsDouble(step));
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", x, y,
                        colour));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\"/>%n",
                    points.toString().strip(), colour));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\">%s</text>%n", x(0) + 8,
                    y(yMax) + 14 + 13 * legendRow, colour, name));
        }

        private static String label(double value) {
            return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
        }
    }
}
