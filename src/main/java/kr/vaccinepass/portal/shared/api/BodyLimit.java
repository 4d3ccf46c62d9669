package kr.vaccinepass.portal.shared.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import kr.vaccinepass.portal.shared.infrastructure.PortalConfig;

/**
 * The API's bodies are small (a token of at most 2,048 characters, a call report of a few hundred
 * bytes), and the callers are not known before the body is read: every body is capped at {@code
 * portal.api.maxBodyBytes} (default 4,096) before a byte of it is read. A {@code Content-Length}
 * over the cap is 413 PAYLOAD_TOO_LARGE at once, without reading; a body without one (chunked) is
 * cut off at the cap, and reading past it fails with {@link PayloadTooLarge}, the same 413.
 */
@Provider
@PreMatching
public class BodyLimit implements ContainerRequestFilter {
  public static final int MAX_BYTES = PortalConfig.integer("portal.api.maxBodyBytes", 4096);

  /**
   * A door's sync batch (up to 200 records of a token each) has its own, larger cap, {@code
   * portal.door.maxBatchBytes} (default 131,072), enforced the same way before a byte is read.
   */
  public static final int DOOR_BATCH_MAX_BYTES =
      PortalConfig.integer("portal.door.maxBatchBytes", 131_072);

  /** A door's heartbeat (PUT /v1/door/state) is a few numbers: 2,048 bytes at most. */
  public static final int DOOR_STATE_MAX_BYTES = 2048;

  private static final java.util.regex.Pattern DOOR_STATE =
      java.util.regex.Pattern.compile("/?v1/door/state/?");

  private static final java.util.regex.Pattern DOOR_BATCH =
      java.util.regex.Pattern.compile("/?v1/facilities/[^/]+/door-visits/?");

  /**
   * The cap of a request's body: the door batch's or heartbeat's on their paths, else the API's.
   */
  static int capOf(String method, String path) {
    if ("PUT".equalsIgnoreCase(method) && path != null && DOOR_STATE.matcher(path).matches()) {
      return DOOR_STATE_MAX_BYTES;
    }
    return "POST".equalsIgnoreCase(method) && path != null && DOOR_BATCH.matcher(path).matches()
        ? DOOR_BATCH_MAX_BYTES
        : MAX_BYTES;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    int cap = capOf(request.getMethod(), request.getUriInfo().getPath());
    String length = request.getHeaderString("Content-Length");
    if (length != null) {
      long declared;
      try {
        declared = Long.parseLong(length.trim());
      } catch (NumberFormatException e) {
        request.abortWith(Problem.of(400, "MALFORMED", "Content-Length is not a number"));
        return;
      }
      if (declared > cap) {
        request.abortWith(new PayloadTooLarge(cap).response());
        return;
      }
    }
    request.setEntityStream(new Capped(request.getEntityStream(), cap));
  }

  /** Reads at most {@code limit} bytes; one more is {@link PayloadTooLarge}. */
  public static final class Capped extends FilterInputStream {
    private final int limit;
    private long count;

    public Capped(InputStream in, int limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (length == 0) {
        // readAllBytes asks for nothing when its buffer is full: that is not a byte past the cap
        return 0;
      }
      // one byte beyond the cap is enough to know the body is too long: never read more
      int allowed = (int) Math.min(length, limit + 1L - count);
      if (allowed <= 0) {
        throw new PayloadTooLarge(limit);
      }
      int n = super.read(buffer, offset, allowed);
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      return Math.max(0, read(new byte[(int) Math.min(Math.max(n, 1), 512)]));
    }

    private void counted(int n) {
      count += n;
      if (count > limit) {
        throw new PayloadTooLarge(limit);
      }
    }
  }

  /** The whole body, at most the cap: for resources that authenticate before they parse. */
  public static byte[] readAll(InputStream body) throws IOException {
    if (body == null) {
      return new byte[0];
    }
    InputStream capped = body instanceof Capped ? body : new Capped(body, MAX_BYTES);
    return capped.readAllBytes();
  }
}
