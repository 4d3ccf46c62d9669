package kr.vaccinepass.portal.testsupport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

/** The export's cells are read as text; a date serial with 5555 in it is no text of the sheet. */
class ExportCellsTest {
  @Test
  void aDateSerialIsNotTextButTheStringsAre() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Workbook workbook = new Workbook(bytes, "test", "1.0")) {
      Worksheet sheet = workbook.newWorksheet("visits");
      sheet.value(0, 0, "time");
      sheet.value(0, 1, "phone");
      // 2022-02-20 11:46:58.128 is the Excel serial 44612.490950555555 seen in the flaky run
      sheet.value(1, 0, LocalDateTime.of(2022, 2, 20, 11, 46, 58, 128_000_000));
      sheet.style(1, 0).format("yyyy-mm-dd hh:mm:ss").set();
      sheet.value(1, 2, "010-****-7777");
    }
    byte[] xlsx = bytes.toByteArray();

    assertTrue(rawXml(xlsx).contains("5555"), "the raw document holds the serial's digits");
    assertEquals(
        List.of(List.of("time", "phone"), List.of("", "", "010-****-7777")),
        ExportCells.xlsxText(xlsx));
  }

  @Test
  void csvCellsAreParsedAfterTheByteOrderMark() {
    byte[] csv = "\uFEFFa,b\r\n\"x, y\",010-****-7777\r\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(
        List.of(List.of("a", "b"), List.of("x, y", "010-****-7777")), ExportCells.csv(csv));
  }

  private static String rawXml(byte[] xlsx) {
    StringBuilder text = new StringBuilder();
    ExportCells.unzip(xlsx).values().forEach(p -> text.append(new String(p, UTF_8)));
    return text.toString();
  }
}
