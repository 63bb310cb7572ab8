package io.microplatform.localstack.console;

import java.util.ArrayList;
import java.util.List;

/** Left-aligned columns, two spaces apart, as docker compose ps prints them. */
public final class Table {

    private Table() {
    }

    public static List<String> render(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (List<String> row : concat(header, rows)) {
            for (int column = 0; column < row.size(); column++) {
                widths[column] = Math.max(widths[column], visible(row.get(column)));
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : concat(header, rows)) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.size(); column++) {
                String cell = row.get(column);
                line.append(cell);
                if (column < row.size() - 1) {
                    line.append(" ".repeat(widths[column] - visible(cell) + 2));
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** Colour codes take no room on the screen. */
    private static int visible(String cell) {
        return cell.replaceAll("\u001b\\[[0-9;]*m", "").length();
    }

    private static List<List<String>> concat(List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }
}
