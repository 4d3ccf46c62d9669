package kr.vaccinepass.portal.enforcement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Evidence is a photo by its bytes, never by its name: JPEG, PNG or WebP, at most 5 MB. */
class EvidenceTest {
  private static final Instant NOW = Instant.parse("2022-01-05T03:00:00Z");

  @ParameterizedTest(name = "{0}: {1} → {2}")
  @CsvSource({
    // a JPEG (SOI + APP0)
    "jpeg, ffd8ffe000104a464946, image/jpeg",
    // a PNG signature and the start of IHDR
    "png, 89504e470d0a1a0a0000000d49484452, image/png",
    // a WebP: RIFF size WEBP VP8
    "webp, 5249464624000000574542505650382000, image/webp",
    // a GIF is not accepted
    "gif, 474946383961010001000000, ",
    // a PDF
    "pdf, 255044462d312e370a, ",
    // a Windows executable, whatever it is called
    "exe named photo.jpg, 4d5a90000300000004000000, ",
    // a shell script
    "script, 23212f62696e2f73680a, ",
    // an SVG (an image that can carry script: refused)
    "svg, 3c73766720786d6c6e733d, ",
    // a truncated JPEG marker only
    "three bytes, ffd8ff, ",
    // RIFF that is not WebP (a WAV file)
    "wav, 524946462400000057415645666d7420, "
  })
  void theTypeComesFromTheBytes(String what, String hex, String expected) {
    byte[] bytes = HexFormat.of().parseHex(hex);
    assertEquals(expected, Evidence.imageType(bytes), what);
    if (expected == null) {
      BusinessException e =
          assertThrows(BusinessException.class, () -> Evidence.attach(1, bytes, null, 7, NOW));
      assertEquals("evidence.notAnImage", e.messageKey());
      assertEquals("photo", e.field().orElse(null));
    } else {
      assertEquals(expected, Evidence.attach(1, bytes, "door", 7, NOW).getContentType());
    }
  }

  @ParameterizedTest(name = "{0} bytes → {1}")
  @CsvSource({
    "0, evidence.empty", // nothing
    "5242880, ok", // exactly 5 MB
    "5242881, evidence.tooLarge" // a byte more
  })
  void theSizeIsLimited(int size, String outcome) {
    byte[] bytes = new byte[size];
    if (size >= 4) {
      bytes[0] = (byte) 0xFF;
      bytes[1] = (byte) 0xD8;
      bytes[2] = (byte) 0xFF;
    }
    if (outcome.equals("ok")) {
      assertEquals(size, Evidence.attach(1, bytes, null, 7, NOW).getSizeBytes());
    } else {
      BusinessException e =
          assertThrows(BusinessException.class, () -> Evidence.attach(1, bytes, null, 7, NOW));
      assertEquals(outcome, e.messageKey());
    }
  }

  @Test
  void aLongDescriptionIsRefusedAndTheHashIsKept() {
    byte[] jpeg = HexFormat.of().parseHex("ffd8ffe000104a464946");
    BusinessException e =
        assertThrows(
            BusinessException.class, () -> Evidence.attach(1, jpeg, "x".repeat(501), 7, NOW));
    assertEquals("evidence.description.tooLong", e.messageKey());
    assertEquals(64, Evidence.attach(1, jpeg, "문 앞", 7, NOW).getSha256().length());
    assertEquals(
        "문 앞",
        new String(
            Evidence.attach(1, jpeg, " 문 앞 ", 7, NOW)
                .getDescription()
                .getBytes(StandardCharsets.UTF_8),
            StandardCharsets.UTF_8));
  }
}
