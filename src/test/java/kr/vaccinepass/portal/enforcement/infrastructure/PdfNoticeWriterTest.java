package kr.vaccinepass.portal.enforcement.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        new Notice.Issuer("서울특별시 종로구청장", "서울특별시 종로구", "김점검", "02-2148-1234"),
        "홍길동",
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
    "IMPOSITION, 서울특별시 종로구청장", // the issuer: the head of the local government
    "PRIOR_NOTICE, 서울특별시 종로구청장",
    "PRIOR_NOTICE, 당사자 홍길동 (사업자등록번호 101-81-00016)", // the operator, not the venue
    "PRIOR_NOTICE, 위반 장소 종로 한옥카페, 서울특별시 종로구 북촌로 31",
    // the legal basis: the duty, the fine, and the decree's penalty table
    "PRIOR_NOTICE, 감염병의 예방 및 관리에 관한 법률 제49조 제1항 제2호의2",
    "IMPOSITION, 감염병의 예방 및 관리에 관한 법률 제49조 제1항 제2호의2",
    "IMPOSITION, 제83조",
    "IMPOSITION, 같은 법 시행령 별표 (과태료의 부과기준)",
    "IMPOSITION, 서울특별시 종로구 방역패스 점검 담당", // the issuing department
    "IMPOSITION, 담당자 김점검 (전화 02-2148-1234)", // and its contact
    "PRIOR_NOTICE, 담당자 김점검 (전화 02-2148-1234)",
    "IMPOSITION, 납부 방법", // how and where to pay
    "IMPOSITION, 가상계좌",
    "IMPOSITION, 위택스",
    "PRIOR_NOTICE, 가상계좌",
    "IMPOSITION, 질서위반행위규제법 제20조", // how to object
    "IMPOSITION, 서면으로 이의를 제기할 수 있습니다"
  })
  void theNoticeSays(Notice.Kind kind, String expected) throws Exception {
    byte[] pdf = writer.write(notice(kind));
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertTrue(text.contains(expected), text);
    }
  }

  @ParameterizedTest(name = "{0}: the head of the government issues it, not the 시군구 + 장")
  @CsvSource({"PRIOR_NOTICE", "IMPOSITION"})
  void theIssuerIsTheHeadOfTheLocalGovernment(Notice.Kind kind) throws Exception {
    String text = text(writer.write(notice(kind)));
    assertFalse(text.contains("종로구장"), text);
    assertFalse(text.contains("당사자 종로 한옥카페"), text);
  }

  @ParameterizedTest(name = "a visitor's {0} names the visitor")
  @CsvSource({"PRIOR_NOTICE", "IMPOSITION"})
  void aVisitorsNoticeNamesTheVisitor(Notice.Kind kind) throws Exception {
    Notice operator = notice(kind);
    Notice visitor =
        new Notice(
            kind,
            operator.caseNumber(),
            operator.issuer(),
            "김민수",
            "1990-03-04",
            operator.facilityName(),
            operator.facilityAddress(),
            ViolationKind.VISITOR,
            operator.occurredAt(),
            Money.won(100_000),
            Money.won(80_000),
            operator.noticeOn(),
            operator.opinionDeadline(),
            operator.imposedOn(),
            operator.objectionDeadline());
    String text = text(writer.write(visitor));
    assertTrue(text.contains("당사자 김민수 (생년월일 1990-03-04)"), text);
    assertTrue(text.contains("감염병의 예방 및 관리에 관한 법률 제49조 제1항 제2호의2"), text);
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
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
