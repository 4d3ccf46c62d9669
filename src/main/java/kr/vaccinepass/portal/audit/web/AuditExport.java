package kr.vaccinepass.portal.audit.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kr.vaccinepass.portal.audit.application.AuditRow;
import kr.vaccinepass.portal.audit.domain.AuditEntry;
import kr.vaccinepass.portal.shared.web.Formats;
import kr.vaccinepass.portal.shared.web.Messages;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The administrator's export of the trail as CSV (UTF-8 with a byte-order mark, so that a
 * spreadsheet opens the Korean text), the same columns as the page plus each entry's hashes, so
 * that the export can be checked against the chain.
 */
@RequestScoped
class AuditExport {
  @Inject Messages messages;
  @Inject Formats formats;
  @Inject AuditTexts texts;

  byte[] csv(List<AuditRow> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(0xEF);
    bytes.write(0xBB);
    bytes.write(0xBF);
    String[] header = {
      messages.text("audit.seq"),
      messages.text("audit.at"),
      messages.text("audit.person"),
      messages.text("audit.role"),
      messages.text("audit.address"),
      messages.text("audit.kind"),
      messages.text("audit.object"),
      messages.text("audit.facility"),
      messages.text("audit.fields"),
      messages.text("audit.detail"),
      messages.text("audit.reason"),
      messages.text("audit.prevHash"),
      messages.text("audit.hash")
    };
    try (CSVPrinter csv =
        new CSVPrinter(
            new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
            CSVFormat.DEFAULT.builder().setHeader(header).get())) {
      for (AuditRow row : rows) {
        AuditEntry e = row.entry();
        csv.printRecord(
            e.getSeq(),
            formats.dateTime(e.getAt()),
            row.actorName() == null ? "" : row.actorName(),
            texts.role(e),
            e.getAddress() == null ? "" : e.getAddress(),
            texts.kind(e),
            texts.object(e),
            row.facilityName() == null ? "" : row.facilityName(),
            texts.fields(e),
            texts.detail(e),
            e.getReason() == null ? "" : e.getReason(),
            e.getPrevHash(),
            e.getHash());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
