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
import kr.vaccinepass.portal.facility.application.FacilitySnapshot;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.region.Regions;
import kr.vaccinepass.portal.shared.web.Formats;
import kr.vaccinepass.portal.shared.web.Messages;
import kr.vaccinepass.portal.visit.application.TraceService.Findings;
import kr.vaccinepass.portal.visit.domain.Trace;
import kr.vaccinepass.portal.visit.domain.TraceFindings;
import kr.vaccinepass.portal.visit.domain.TracedVisit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A trace's export for one issuer (its holder ids, the times and the facilities) or of the contacts
 * (their names and numbers): CSV or XLSX, every file watermarked in its first line and every row
 * with the trace number and the investigator's account, so that a file found elsewhere tells whose
 * it was and under which trace.
 */
@RequestScoped
class TraceExport {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(Kst.ZONE);

  @Inject Messages messages;
  @Inject IssuerNames issuers;
  @Inject VisitTexts texts;
  @Inject Regions regions;
  @Inject Formats formats;

  byte[] csv(Findings findings, String issuerCode) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(0xEF);
    bytes.write(0xBB);
    bytes.write(0xBF);
    try (CSVPrinter printer =
        new CSVPrinter(
            new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
            CSVFormat.DEFAULT.builder().get())) {
      printer.printRecord(watermark(findings.trace(), issuerCode));
      printer.printRecord(headers(issuerCode));
      for (List<String> row : rows(findings, issuerCode)) {
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  byte[] xlsx(Findings findings, String issuerCode) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Workbook workbook = new Workbook(bytes, "Vaccine Pass Portal", "1.0")) {
      Worksheet sheet = workbook.newWorksheet(messages.text("trace.export.sheet"));
      sheet.value(0, 0, watermark(findings.trace(), issuerCode));
      sheet.style(0, 0).bold().set();
      List<String> headers = headers(issuerCode);
      for (int c = 0; c < headers.size(); c++) {
        sheet.value(1, c, headers.get(c));
        sheet.style(1, c).bold().set();
        sheet.width(c, 22);
      }
      int r = 2;
      for (List<String> row : rows(findings, issuerCode)) {
        for (int c = 0; c < row.size(); c++) {
          sheet.value(r, c, row.get(c));
        }
        r++;
      }
      sheet.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** "역학조사 추적 12 · 조사관 계정 34 · 발급기관 카카오 · 2022-01-12 11:40 작성 · 2022-02-10 파기". */
  private String watermark(Trace trace, String issuerCode) {
    return messages.text(
        "trace.export.watermark",
        trace.getId(),
        trace.getInvestigatorId(),
        issuerCode == null ? messages.text("trace.export.contacts") : issuers.of(issuerCode),
        TIME.format(trace.getCreatedAt()),
        trace.expiresOn().toString());
  }

  private List<String> headers(String issuerCode) {
    List<String> h = new ArrayList<>();
    h.add(messages.text("trace.export.mark"));
    h.add(messages.text("trace.visitedAt"));
    h.add(messages.text("trace.facility"));
    if (issuerCode != null) {
      h.add(messages.text("trace.holderId"));
    } else {
      h.add(messages.text("visit.method"));
      h.add(messages.text("visit.name"));
      h.add(messages.text("visit.phone"));
      h.add(messages.text("visit.safetyNumber"));
    }
    return h;
  }

  private List<List<String>> rows(Findings findings, String issuerCode) {
    String mark = "T" + findings.trace().getId() + "/A" + findings.trace().getInvestigatorId();
    List<TracedVisit> visits = new ArrayList<>();
    collect(findings.visits(), issuerCode, visits);
    for (TraceFindings.Stop stop : findings.stops()) {
      collect(stop.coVisitors(), issuerCode, visits);
    }
    List<List<String>> rows = new ArrayList<>();
    for (TracedVisit v : visits) {
      List<String> row = new ArrayList<>();
      row.add(mark);
      row.add(TIME.format(v.visitedAt()));
      row.add(place(findings, v.facilityId()));
      if (issuerCode != null) {
        row.add(v.holderId());
      } else {
        row.add(messages.text("visit.method." + v.method().name()));
        row.add(nullToEmpty(v.name()));
        row.add(nullToEmpty(v.phone()));
        row.add(nullToEmpty(v.safetyNumber()));
      }
      rows.add(row);
    }
    return rows;
  }

  /** A facility of the findings by name and 시군구. */
  String place(Findings findings, long facilityId) {
    FacilitySnapshot f = findings.places().get(facilityId);
    if (f == null) {
      return messages.text("trace.facility.gone");
    }
    return f.name() + " · " + regions.name(f.sigunguCode(), formats.locale()).orElse("");
  }

  private static void collect(TraceFindings.Visits visits, String issuer, List<TracedVisit> out) {
    out.addAll(issuer == null ? visits.contacts() : visits.ofIssuer(issuer));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
