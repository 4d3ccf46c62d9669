package kr.vaccinepass.portal.shared.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pairing QR as a PNG data URI: a valid PNG that a QR reader reads back to the same text. */
class QrImageTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost:8080/portal/door/#pair=vpd_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCd",
        "https://vaccinepass.example.kr/door/#pair=vpd_x",
        "a"
      })
  void aPngThatReadsBackAsTheText(String text) throws Exception {
    String uri = QrImage.pngDataUri(text);
    assertTrue(uri.startsWith("data:image/png;base64,"), uri);
    byte[] png = Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1));

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertEquals(image.getWidth(), image.getHeight(), "square");
    assertEquals(0, image.getWidth() % QrImage.SCALE, "whole modules");
    assertEquals(0xFFFFFFFF, image.getRGB(0, 0), "a white quiet zone");
    int[] pixels =
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    var bitmap =
        new BinaryBitmap(
            new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
    assertEquals(text, new QRCodeReader().decode(bitmap).getText());
  }
}
