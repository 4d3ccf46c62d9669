package kr.vaccinepass.portal.enforcement.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import kr.vaccinepass.portal.enforcement.domain.Notice;
import kr.vaccinepass.portal.enforcement.domain.ViolationKind;
import kr.vaccinepass.portal.shared.domain.Money;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The notices as PDF: in Korean, with the Hangul font embedded, saying what the law requires. */
class PdfNoticeWriterTest {
  private final PdfNoticeWriter writer = new PdfNoticeWriter();

  private static Notice notice(Notice.Kind kind) {
    return new Notice(
        kind,
        "VP-2021-42",
        "서울특별시 종로구",
        "종로 한옥카페",
        "101-81-00016",
        "종로 한옥카페",
        "서울특별시 종로구 북촌로 31",
        ViolationKind.OPERATOR,
        Instant.parse("2021-12-20T03:05:00Z"),
        Money.won(1_500_000),
        Money.won(1_200_000),
        LocalDate.of(2021, 12, 21),
        LocalDate.of(2021, 12, 31),
        LocalDate.of(2022, 1, 3),
        LocalDate.of(2022, 3, 4));
  }

  @ParameterizedTest(name = "{0} says {1}")
  @CsvSource({
    "PRIOR_NOTICE, 과태료 부과 사전통지서", // the title
    "PRIOR_NOTICE, '1,500,000원'", // the amount
    "PRIOR_NOTICE, '1,200,000원'", // the reduced amount for voluntary payment (Art. 18)
    "PRIOR_NOTICE, 2021년 12월 31일", // the opinion deadline (Art. 16)
    "PRIOR_NOTICE, 2021년 12월 20일 12:05", // the violation's time in KST
    "PRIOR_NOTICE, 이의를 제기할 수 없습니다", // no objection after a voluntary payment
    "IMPOSITION, 과태료 부과 고지서", // the title
    "IMPOSITION, '1,500,000원'", // the amount
    "IMPOSITION, 2022년 3월 4일", // the payment and objection deadline
    "IMPOSITION, 60일 이내", // the objection right (Art. 20)
    "IMPOSITION, '45,000원'", // the 3% surcharge (Art. 24)
    "IMPOSITION, '18,000원'", // the monthly 1.2%
    "IMPOSITION, 서울특별시 종로구장" // the agency
  })
  void theNoticeSays(Notice.Kind kind, String expected) throws Exception {
    byte[] pdf = writer.write(notice(kind));
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertTrue(text.contains(expected), text);
    }
  }

  @ParameterizedTest(name = "{0}: one A4 page, the Hangul font embedded")
  @CsvSource({"PRIOR_NOTICE", "IMPOSITION"})
  void onePageWithTheFontEmbedded(Notice.Kind kind) throws Exception {
    try (PDDocument doc = Loader.loadPDF(writer.write(notice(kind)))) {
      assertEquals(1, doc.getNumberOfPages());
      var resources = doc.getPage(0).getResources();
      PDFont font = resources.getFont(resources.getFontNames().iterator().next());
      assertTrue(font.getName().contains("NanumGothic"), font.getName());
      assertTrue(font.isEmbedded());
    }
  }
}
