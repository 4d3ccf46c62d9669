package kr.vaccinepass.portal.devtools.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection over a plain socket, one request at a time: what a door device
 * does, and nothing a general client would add (no pool, no redirects, no compression). Requests
 * are prepared as bytes beforehand, so sending costs one write. Reconnects when the server closes.
 */
final class HttpConnection implements AutoCloseable {
  private final String host;
  private final int port;
  private final int timeoutMillis;
  private Socket socket;
  private OutputStream out;
  private InputStream in;

  /** The status line's code and, when asked for, the body. */
  record Answer(int status, String body) {}

  HttpConnection(String host, int port, int timeoutMillis) {
    this.host = host;
    this.port = port;
    this.timeoutMillis = timeoutMillis;
  }

  /** A POST with a JSON body, as bytes ready to send. */
  static byte[] post(String host, int port, String path, String authorization, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: "
            + host
            + ":"
            + port
            + "\r\n"
            + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
            + "Content-Type: application/json\r\nAccept: application/json,"
            + " application/problem+json\r\nContent-Length: "
            + body.length
            + "\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] request = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, request, 0, headBytes.length);
    System.arraycopy(body, 0, request, headBytes.length, body.length);
    return request;
  }

  /**
   * Sends the request and reads the whole answer. The body is kept only when {@code keepBody}, or
   * when the status is not {@code expected} (to tell why).
   */
  Answer send(byte[] request, int expected, boolean keepBody) throws IOException {
    boolean fresh = socket == null;
    if (fresh) {
      connect();
    }
    try {
      out.write(request);
      out.flush();
      return read(expected, keepBody);
    } catch (java.net.SocketTimeoutException e) {
      close();
      throw e;
    } catch (IOException e) {
      close();
      if (fresh) {
        throw e;
      }
      // the server closed an idle keep-alive connection: once more on a new one
      connect();
      out.write(request);
      out.flush();
      return read(expected, keepBody);
    }
  }

  private void connect() throws IOException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    s.setSoTimeout(timeoutMillis);
    s.connect(new InetSocketAddress(host, port), timeoutMillis);
    socket = s;
    out = s.getOutputStream();
    in = new BufferedInputStream(s.getInputStream(), 8192);
  }

  private Answer read(int expected, boolean keepBody) throws IOException {
    String statusLine = line();
    if (statusLine == null) {
      throw new IOException("connection closed before the answer");
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean close = false;
    for (String header = line(); header != null && !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = header.substring(0, colon).trim();
      String value = header.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        length = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
        chunked = value.toLowerCase().contains("chunked");
      } else if (name.equalsIgnoreCase("Connection")) {
        close = value.equalsIgnoreCase("close");
      }
    }
    ByteArrayOutputStream body =
        keepBody || status != expected ? new ByteArrayOutputStream(256) : null;
    if (chunked) {
      for (long size = Long.parseLong(line().split(";")[0].trim(), 16);
          size > 0;
          size = Long.parseLong(line().split(";")[0].trim(), 16)) {
        copy(size, body);
        line(); // the CRLF after a chunk
      }
      for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
        // trailers: none expected
      }
    } else if (length > 0) {
      copy(length, body);
    } else if (length < 0 && status != 204 && status != 304) {
      // no length: the body runs until the server closes
      copy(Long.MAX_VALUE, body);
      close = true;
    }
    if (close) {
      close();
    }
    return new Answer(status, body == null ? null : body.toString(StandardCharsets.UTF_8));
  }

  private void copy(long count, ByteArrayOutputStream to) throws IOException {
    byte[] buffer = new byte[4096];
    long left = count;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        if (count == Long.MAX_VALUE) {
          return;
        }
        throw new IOException("connection closed in the body");
      }
      if (to != null) {
        to.write(buffer, 0, n);
      }
      left -= n;
    }
  }

  /** A header line without its CRLF, or null at the end of the stream. */
  private String line() throws IOException {
    StringBuilder line = new StringBuilder(64);
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return line.toString();
      }
      line.append((char) c);
    }
    return line.length() == 0 ? null : line.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
      socket = null;
    }
  }
}
