package kr.vaccinepass.portal.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The cells of an exported document, as a spreadsheet program shows them, so a test asserts on what
 * a reader sees and not on the bytes of the file: a raw XLSX holds date serials such as
 * 44612.490950555555 and style numbers, which made "no unmasked 5555" fail now and then.
 *
 * <p>The XLSX is read with the JDK's XML parser (shared strings, inline strings and numbers of the
 * first worksheet); the project's spreadsheet library (fastexcel) writes but does not read.
 */
public final class ExportCells {
  private ExportCells() {}

  /** The rows of a CSV (UTF-8, with or without a byte-order mark), the header row first. */
  public static List<List<String>> csv(byte[] csv) {
    String text = new String(csv, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<List<String>> rows = new ArrayList<>();
    try {
      for (CSVRecord r : CSVFormat.DEFAULT.parse(new StringReader(text))) {
        rows.add(r.toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /**
   * The text cells of the XLSX's first worksheet, row by row (a missing cell is an empty string;
   * numeric cells such as date-times are left out: they are numbers, not text).
   */
  public static List<List<String>> xlsxText(byte[] xlsx) {
    Map<String, byte[]> parts = unzip(xlsx);
    List<String> shared = new ArrayList<>();
    if (parts.containsKey("xl/sharedStrings.xml")) {
      NodeList items = parse(parts.get("xl/sharedStrings.xml")).getElementsByTagName("si");
      for (int i = 0; i < items.getLength(); i++) {
        shared.add(items.item(i).getTextContent());
      }
    }
    byte[] sheet = parts.get("xl/worksheets/sheet1.xml");
    if (sheet == null) {
      throw new IllegalArgumentException("no first worksheet in " + parts.keySet());
    }
    TreeMap<Integer, TreeMap<Integer, String>> cells = new TreeMap<>();
    NodeList cs = parse(sheet).getElementsByTagName("c");
    for (int i = 0; i < cs.getLength(); i++) {
      Element c = (Element) cs.item(i);
      String type = c.getAttribute("t");
      String text;
      if ("s".equals(type)) {
        text = shared.get(Integer.parseInt(first(c, "v")));
      } else if ("inlineStr".equals(type) || "str".equals(type)) {
        text = "inlineStr".equals(type) ? first(c, "is") : first(c, "v");
      } else {
        continue; // a number (or a date-time, a boolean): not text
      }
      String ref = c.getAttribute("r");
      cells.computeIfAbsent(row(ref), k -> new TreeMap<>()).put(column(ref), text);
    }
    List<List<String>> rows = new ArrayList<>();
    for (TreeMap<Integer, String> row : cells.values()) {
      List<String> values = new ArrayList<>();
      for (int col = 0; col <= row.lastKey(); col++) {
        values.add(row.getOrDefault(col, ""));
      }
      rows.add(values);
    }
    return rows;
  }

  private static String first(Element c, String tag) {
    NodeList n = c.getElementsByTagName(tag);
    return n.getLength() == 0 ? "" : n.item(0).getTextContent();
  }

  /** "C12" is row 12. */
  private static int row(String ref) {
    return Integer.parseInt(ref.replaceAll("^[A-Z]+", ""));
  }

  /** "C12" is column 2 (A is 0). */
  private static int column(String ref) {
    int col = 0;
    for (char ch : ref.replaceAll("\\d+$", "").toCharArray()) {
      col = col * 26 + (ch - 'A' + 1);
    }
    return col - 1;
  }

  /**
   * The parts of the zip. Through a file: fastexcel writes stored entries whose sizes follow their
   * data, which {@code ZipInputStream} refuses.
   */
  public static Map<String, byte[]> unzip(byte[] zip) {
    Map<String, byte[]> parts = new HashMap<>();
    try {
      Path file = Files.createTempFile("export", ".zip");
      try {
        Files.write(file, zip);
        try (ZipFile z = new ZipFile(file.toFile())) {
          for (ZipEntry e : Collections.list(z.entries())) {
            try (InputStream in = z.getInputStream(e)) {
              parts.put(e.getName(), in.readAllBytes());
            }
          }
        }
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return parts;
  }

  private static Document parse(byte[] xml) {
    try (InputStream in = new ByteArrayInputStream(xml)) {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return f.newDocumentBuilder().parse(in);
    } catch (Exception e) {
      throw new IllegalStateException("not an XML part", e);
    }
  }
}
