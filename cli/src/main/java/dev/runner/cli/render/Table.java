package dev.runner.cli.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** An aligned text table whose columns line up with Chinese text in them. */
final class Table {

  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();
  private final List<Integer> maxWidths = new ArrayList<>();

  Table(String... headers) {
    this.headers = List.of(headers);
    for (int i = 0; i < headers.length; i++) {
      maxWidths.add(Integer.MAX_VALUE);
    }
  }

  /** Longer cells in column {@code column} are cut to {@code width} columns. */
  Table limit(int column, int width) {
    maxWidths.set(column, width);
    return this;
  }

  Table row(String... cells) {
    List<String> row = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      String cell = i < cells.length && cells[i] != null ? cells[i].replace('\n', ' ') : "";
      row.add(Width.truncate(cell, maxWidths.get(i)));
    }
    rows.add(row);
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  void print(PrintWriter out) {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = Width.of(headers.get(i));
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], Width.of(row.get(i)));
      }
    }
    printRow(out, headers, widths);
    for (List<String> row : rows) {
      printRow(out, row, widths);
    }
  }

  private static void printRow(PrintWriter out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      line.append(cell);
      if (i < cells.size() - 1) {
        line.append(" ".repeat(widths[i] - Width.of(cell) + 2));
      }
    }
    out.println(line.toString().stripTrailing());
  }
}
