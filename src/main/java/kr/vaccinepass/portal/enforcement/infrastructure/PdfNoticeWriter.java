package kr.vaccinepass.portal.enforcement.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kr.vaccinepass.portal.enforcement.domain.LegalBasis;
import kr.vaccinepass.portal.enforcement.domain.Notice;
import kr.vaccinepass.portal.enforcement.domain.NoticeWriter;
import kr.vaccinepass.portal.enforcement.domain.ViolationKind;
import kr.vaccinepass.portal.shared.domain.Kst;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The notices in Korean as A4 PDF (Apache PDFBox), with NanumGothic embedded as a subset (SIL Open
 * Font License 1.1; from the npm package @kfonts/nanum-gothic, see pom.xml).
 */
@ApplicationScoped
public class PdfNoticeWriter implements NoticeWriter {
  static final String FONT = "/kr/vaccinepass/portal/enforcement/fonts/NanumGothic.ttf";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy년 M월 d일");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy년 M월 d일 HH:mm").withZone(Kst.ZONE);
  private static final float MARGIN = 56;
  private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

  private volatile byte[] font;

  @Override
  public byte[] write(Notice n) {
    boolean visitor = n.violationKind() == ViolationKind.VISITOR;
    String department = n.issuer().government() + " 방역패스 점검 담당";
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"사건번호", n.caseNumber()});
    String detail =
        n.partyDetail().isEmpty()
            ? ""
            : " (" + (visitor ? "생년월일 " : "사업자등록번호 ") + n.partyDetail() + ")";
    rows.add(new String[] {"당사자", n.partyName() + detail});
    rows.add(new String[] {"위반 장소", n.facilityName() + ", " + n.facilityAddress()});
    rows.add(new String[] {"위반 내용", LegalBasis.offence(n.violationKind())});
    rows.add(new String[] {"위반 일시", TIME.format(n.occurredAt())});
    rows.add(new String[] {"법적 근거", n.legalBasis()});
    rows.add(new String[] {"과태료 금액", won(n.amount().won())});
    List<String> body = new ArrayList<>();
    String title;
    String pay =
        "납부 방법: "
            + n.issuer().head()
            + "의 세외수입으로 납부합니다. 고지된 가상계좌로 이체하거나, 위택스(www.wetax.go.kr) 또는 가까운 금융기관 창구에서 납부할 수 있습니다.";
    if (n.kind() == Notice.Kind.PRIOR_NOTICE) {
      title = "과태료 부과 사전통지서";
      rows.add(new String[] {"통지일", DAY.format(n.noticeOn())});
      rows.add(new String[] {"의견 제출 기한", DAY.format(n.opinionDeadline())});
      body.add(
          "위와 같이 과태료를 부과할 예정임을 질서위반행위규제법 제16조에 따라 미리 알립니다. 의견이 있으면 의견 제출 기한까지 방역패스 포털 또는 서면으로 제출하십시오. 기한까지 의견이 없으면 의견이 없는 것으로 봅니다.");
      body.add(
          "자진 납부 감경: 의견 제출 기한까지 과태료를 자진 납부하면 100분의 20을 감경한 "
              + won(n.voluntaryAmount().won())
              + "을 납부하면 됩니다(같은 법 제18조). 감경된 금액을 납부하면 과태료 사건은 종결되며, 그 후에는 이의를 제기할 수 없습니다.");
      body.add(pay);
      body.add("이의 제기: 과태료가 부과되면 부과 고지서를 받은 날부터 60일 이내에 서면으로 이의를 제기할 수 있습니다(같은 법 제20조).");
    } else {
      title = "과태료 부과 고지서";
      rows.add(new String[] {"부과일", DAY.format(n.imposedOn())});
      rows.add(new String[] {"납부 기한", DAY.format(n.objectionDeadline())});
      body.add("위와 같이 과태료를 부과하오니 납부 기한까지 납부하여 주십시오.");
      body.add(pay);
      body.add(
          "이의 제기: 이 고지서를 받은 날부터 60일 이내("
              + DAY.format(n.objectionDeadline())
              + "까지) "
              + department
              + "에 서면으로 이의를 제기할 수 있습니다(질서위반행위규제법 제20조). 이의를 제기하면 이 부과 처분은 효력을 잃고, 행정청은 14일 이내에 관할 법원에 통보합니다(같은 법 제21조).");
      long surcharge = n.amount().timesBasisPoints(300).won();
      long monthly = n.amount().timesBasisPoints(120).won();
      body.add(
          "가산금: 납부 기한까지 내지 않으면 "
              + won(surcharge)
              + "(100분의 3)의 가산금이 붙고, 그 후 1개월이 지날 때마다 "
              + won(monthly)
              + "(1000분의 12)의 중가산금이 최대 60개월까지 더해집니다(같은 법 제24조).");
    }
    rows.add(new String[] {"발급 부서", department});
    rows.add(
        new String[] {
          "문의", "담당자 " + n.issuer().contactName() + " (전화 " + n.issuer().contactPhone() + ")"
        });
    body.add(n.issuer().head());
    return render(title, rows, body);
  }

  private byte[] render(String title, List<String[]> rows, List<String> body) {
    try (PDDocument doc = new PDDocument()) {
      PDType0Font hangul = PDType0Font.load(doc, new ByteArrayInputStream(font()));
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(title);
      info.setCreator("Vaccine Pass Portal");
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        float y = PDRectangle.A4.getHeight() - MARGIN - 10;
        y = text(cs, hangul, 20, title, MARGIN + (WIDTH - width(hangul, 20, title)) / 2, y) - 18;
        for (String[] row : rows) {
          text(cs, hangul, 11, row[0], MARGIN, y);
          for (String line : wrap(hangul, 11, row[1], WIDTH - 110)) {
            y = text(cs, hangul, 11, line, MARGIN + 110, y);
          }
          y -= 4;
        }
        y -= 14;
        for (String paragraph : body) {
          for (String line : wrap(hangul, 11, paragraph, WIDTH)) {
            y = text(cs, hangul, 11, line, MARGIN, y);
          }
          y -= 10;
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static float text(
      PDPageContentStream cs, PDType0Font font, float size, String text, float x, float y)
      throws IOException {
    cs.beginText();
    cs.setFont(font, size);
    cs.newLineAtOffset(x, y);
    cs.showText(text);
    cs.endText();
    return y - size * 1.6f;
  }

  private static float width(PDType0Font font, float size, String text) throws IOException {
    return font.getStringWidth(text) / 1000 * size;
  }

  /** Breaks a paragraph into lines that fit the width, between words where it can. */
  static List<String> wrap(PDType0Font font, float size, String text, float max)
      throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (width(font, size, candidate) <= max) {
        line.setLength(0);
        line.append(candidate);
        continue;
      }
      if (line.length() > 0) {
        lines.add(line.toString());
        line.setLength(0);
      }
      // a word longer than the line: break it by characters
      for (int i = 0; i < word.length(); i++) {
        if (width(font, size, line.toString() + word.charAt(i)) > max) {
          lines.add(line.toString());
          line.setLength(0);
        }
        line.append(word.charAt(i));
      }
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  private static String won(long won) {
    return String.format(Locale.ROOT, "%,d원", won);
  }

  private byte[] font() {
    byte[] bytes = font;
    if (bytes == null) {
      try (InputStream in = PdfNoticeWriter.class.getResourceAsStream(FONT)) {
        if (in == null) {
          throw new IllegalStateException(FONT + " is missing: the build copies it (pom.xml)");
        }
        bytes = in.readAllBytes();
        font = bytes;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return bytes;
  }
}
