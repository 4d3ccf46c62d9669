package kr.vaccinepass.portal.shared.infrastructure;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * A QR code as a {@code data:image/png} URI for an {@code <img>}, the one QR encoder of the portal
 * (the door's pairing code, the demo wallet's pass): the modules from ZXing, the PNG written here
 * (one bit per pixel, black on white), so no AWT is needed on the server. The
 * Content-Security-Policy allows {@code data:} images.
 */
public final class QrImage {
  /** Pixels per module: a 41-module code (a pairing URL) is 296 px wide with its margin. */
  static final int SCALE = 6;

  /** The quiet zone, in modules, that a phone's camera needs around the code. */
  static final int MARGIN = 4;

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private QrImage() {}

  /** The text as a QR code (error correction M), as a PNG data URI. */
  public static String pngDataUri(String text) {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(text));
  }

  static byte[] png(String text) {
    BitMatrix matrix;
    try {
      matrix =
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      MARGIN,
                      EncodeHintType.CHARACTER_SET,
                      StandardCharsets.UTF_8.name()));
    } catch (WriterException e) {
      throw new IllegalArgumentException("not encodable as a QR code", e);
    }
    int width = matrix.getWidth() * SCALE;
    int height = matrix.getHeight() * SCALE;
    int rowBytes = (width + 7) / 8;
    try {
      ByteArrayOutputStream pixels = new ByteArrayOutputStream();
      try (DeflaterOutputStream deflate = new DeflaterOutputStream(pixels)) {
        byte[] row = new byte[rowBytes];
        for (int y = 0; y < height; y++) {
          java.util.Arrays.fill(row, (byte) 0);
          for (int x = 0; x < width; x++) {
            // grayscale, 1 bit: 1 is white, 0 is a dark module
            if (!matrix.get(x / SCALE, y / SCALE)) {
              row[x >> 3] |= (byte) (0x80 >>> (x & 7));
            }
          }
          deflate.write(0); // filter: none
          deflate.write(row);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(SIGNATURE);
      ByteArrayOutputStream header = new ByteArrayOutputStream();
      DataOutputStream h = new DataOutputStream(header);
      h.writeInt(width);
      h.writeInt(height);
      h.writeByte(1); // bit depth
      h.writeByte(0); // colour type: grayscale
      h.writeByte(0); // compression: deflate
      h.writeByte(0); // filter method
      h.writeByte(0); // no interlace
      chunk(out, "IHDR", header.toByteArray());
      chunk(out, "IDAT", pixels.toByteArray());
      chunk(out, "IEND", new byte[0]);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data)
      throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    d.writeInt(data.length);
    d.write(name);
    d.write(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    d.writeInt((int) crc.getValue());
  }
}
