package io.microplatform.localstack.console;

import java.io.PrintStream;
import java.util.List;

/** Output for people: colours only when ./platform saw a terminal (it sets PLATFORM_COLOR), like docker compose. */
public final class Terminal {

    private static final List<String> PALETTE = List.of("36", "33", "32", "35", "34", "91", "96", "93", "92", "95", "94");

    private final boolean color;
    private final PrintStream out;

    public Terminal(boolean color, PrintStream out) {
        this.color = color;
        this.out = out;
    }

    public static Terminal system(java.util.Map<String, String> environment) {
        return new Terminal("1".equals(environment.get("PLATFORM_COLOR")) && !environment.containsKey("NO_COLOR"), System.out);
    }

    public synchronized void println(String line) {
        out.println(line);
        out.flush();
    }

    /**
     * A line that the next call replaces (a countdown), on a terminal only: in a file or pipe it would be noise. An
     * empty line clears it.
     */
    public synchronized void status(String line) {
        if (color) {
            out.print("\r\u001b[K" + line);
            out.flush();
        }
    }

    /** "order-service   | " in the colour that belongs to the n-th process of the stack. */
    public String prefix(String name, int width, int colorIndex) {
        String padded = String.format("%-" + width + "s | ", name);
        return color ? "\u001b[" + PALETTE.get(colorIndex % PALETTE.size()) + "m" + padded + "\u001b[0m" : padded;
    }

    String bold(String text) {
        return color ? "\u001b[1m" + text + "\u001b[0m" : text;
    }

    public String green(String text) {
        return color ? "\u001b[32m" + text + "\u001b[0m" : text;
    }

    public String red(String text) {
        return color ? "\u001b[31m" + text + "\u001b[0m" : text;
    }
}
