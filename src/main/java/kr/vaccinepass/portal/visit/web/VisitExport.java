package kr.vaccinepass.portal.visit.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.web.Messages;
import kr.vaccinepass.portal.visit.domain.Visit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The owner's export of visit records, in the page's language, with personal data masked exactly as
 * on screen: CSV (UTF-8 with a byte-order mark, so spreadsheet programs read Hangul) and XLSX. A
 * visit checked at the door during an incident reads "unverified (system down)" with its check.
 */
@RequestScoped
public class VisitExport {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(Kst.ZONE);
  private static final String[] HEADERS = {
    "visit.visitedAt",
    "visit.method",
    "visit.outcome",
    "visit.reason",
    "visit.issuer",
    "visit.name",
    "visit.phone",
    "visit.safetyNumber",
    "visit.checkMethod"
  };

  @Inject Messages messages;
  @Inject IssuerNames issuers;
  @Inject VisitTexts texts;

  public byte[] csv(List<Visit> visits) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (CSVPrinter printer =
        new CSVPrinter(
            new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
            CSVFormat.DEFAULT.builder().setHeader(headers()).get())) {
      bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      for (Visit visit : visits) {
        printer.printRecord(row(visit));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public byte[] xlsx(List<Visit> visits) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Workbook workbook = new Workbook(bytes, "Vaccine Pass Portal", "1.0")) {
      Worksheet sheet = workbook.newWorksheet(messages.text("visit.export.sheet"));
      String[] headers = headers();
      for (int c = 0; c < headers.length; c++) {
        sheet.value(0, c, headers[c]);
        sheet.style(0, c).bold().set();
      }
      int r = 1;
      for (Visit visit : visits) {
        List<String> row = row(visit);
        // the time as a real date-time cell, so a spreadsheet sorts and filters it as one
        sheet.value(r, 0, visit.getVisitedAt().atZone(Kst.ZONE).toLocalDateTime());
        sheet.style(r, 0).format("yyyy-mm-dd hh:mm:ss").set();
        for (int c = 1; c < row.size(); c++) {
          sheet.value(r, c, row.get(c));
        }
        r++;
      }
      int[] widths = {20, 14, 14, 28, 10, 10, 16, 12, 22};
      for (int c = 0; c < widths.length; c++) {
        sheet.width(c, widths[c]);
      }
      sheet.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private String[] headers() {
    String[] out = new String[HEADERS.length];
    for (int i = 0; i < HEADERS.length; i++) {
      out[i] = messages.text(HEADERS[i]);
    }
    return out;
  }

  private List<String> row(Visit v) {
    List<String> row = new ArrayList<>();
    row.add(TIME.format(v.getVisitedAt()));
    // as the page says it: the method, and a door's own verification sent later
    row.add(texts.method(v));
    // a door check during an incident: "unverified (system down)", with how it was checked
    row.add(
        messages.text(
            v.isSystemDown()
                ? "visit.outcome.systemDown"
                : "visit.outcome." + v.getOutcome().name()));
    row.add(v.getReason() == null ? "" : messages.text("pass.reason." + v.getReason().name()));
    row.add(issuers.of(v.getIssuerCode()));
    row.add(nullToEmpty(v.maskedName()));
    row.add(nullToEmpty(v.maskedPhone()));
    row.add(nullToEmpty(v.maskedSafetyNumber()));
    row.add(
        v.getCheckMethod() == null
            ? ""
            : messages.text("visit.checkMethod." + v.getCheckMethod().name()));
    return row;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
