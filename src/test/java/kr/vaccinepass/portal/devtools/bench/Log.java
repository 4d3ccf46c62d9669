package kr.vaccinepass.portal.devtools.bench;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Progress lines with the wall-clock time, and the plain-text tables of the report. */
final class Log {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private Log() {}

  static void say(String text) {
    System.out.println("[bench " + LocalTime.now().format(TIME) + "] " + text);
    System.out.flush();
  }

  /** A table with a header row, columns padded to their widest cell (first left, rest right). */
  static final class Table {
    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
      rows.add(header);
    }

    Table row(Object... cells) {
      String[] text = new String[cells.length];
      for (int i = 0; i < cells.length; i++) {
        text[i] = String.valueOf(cells[i]);
      }
      rows.add(text);
      return this;
    }

    @Override
    public String toString() {
      int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
      int[] width = new int[columns];
      for (String[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          width[i] = Math.max(width[i], row[i].length());
        }
      }
      StringBuilder out = new StringBuilder();
      for (int r = 0; r < rows.size(); r++) {
        String[] row = rows.get(r);
        StringBuilder line = new StringBuilder("| ");
        for (int i = 0; i < columns; i++) {
          String cell = i < row.length ? row[i] : "";
          String pad = " ".repeat(width[i] - cell.length());
          line.append(i == 0 ? cell + pad : pad + cell).append(" | ");
        }
        out.append(line.toString().stripTrailing()).append('\n');
        if (r == 0) {
          StringBuilder rule = new StringBuilder("|");
          for (int i = 0; i < columns; i++) {
            rule.append(i == 0 ? ":" : "").append("-".repeat(width[i] + 1));
            rule.append(i == 0 ? "|" : ":|");
          }
          out.append(rule).append('\n');
        }
      }
      return out.toString();
    }
  }
}
