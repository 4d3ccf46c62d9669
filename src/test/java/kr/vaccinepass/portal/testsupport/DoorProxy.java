package kr.vaccinepass.portal.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A small HTTP/1.1 proxy on loopback between a browser and the portal, for the door app's offline
 * tests: Chromium's network emulation does not cover a service worker's own fetches
 * (stack-notes.md), so a test cuts the network here instead. The browser opens {@code
 * http://localhost:<port()>/portal/...}; the {@code Host} header goes through unchanged, so the
 * portal's absolute redirects point back at the proxy.
 *
 * <p>Each connection carries one request ({@code Connection: close} is forced both ways), which
 * keeps the proxy a byte pipe after the request's head. Modes, switchable at any time:
 *
 * <ul>
 *   <li>{@link Mode#PASS}: everything goes through;
 *   <li>{@link Mode#DOWN}: every connection, new or open, is reset at once (a network error, also
 *       for a service worker's fetch), as when the server cannot be reached;
 *   <li>{@link Mode#FLOOD_503}: a request whose path matches {@link #matching} is answered 503 with
 *       {@code Retry-After: 1} and a problem document without reaching the portal; others pass;
 *   <li>{@link Mode#SLOW}: a matching request is held {@link #delay} before it goes through.
 * </ul>
 */
public final class DoorProxy implements AutoCloseable {
  /** What the proxy does with a request. */
  public enum Mode {
    PASS,
    DOWN,
    FLOOD_503,
    SLOW
  }

  private final InetSocketAddress target;
  private final ExecutorService threads = Executors.newCachedThreadPool(DoorProxy::daemon);
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Map<Mode, AtomicLong> counts = new ConcurrentHashMap<>();
  private volatile Mode mode = Mode.PASS;
  private volatile Pattern matching = Pattern.compile("(?!)");
  private volatile Duration delay = Duration.ZERO;
  private final ServerSocket listener;
  private final int port;

  private DoorProxy(InetSocketAddress target) throws IOException {
    this.target = target;
    this.listener = bind(0);
    this.port = listener.getLocalPort();
    accept(listener);
  }

  /** A proxy on an ephemeral loopback port in front of that host and port. */
  public static DoorProxy to(String host, int port) throws IOException {
    return new DoorProxy(new InetSocketAddress(host, port));
  }

  public int port() {
    return port;
  }

  /** Requests whose path (with the query) matches this are the ones FLOOD_503 and SLOW act on. */
  public DoorProxy matching(String regex) {
    matching = Pattern.compile(regex);
    return this;
  }

  /** How long SLOW holds a matching request. */
  public DoorProxy delay(Duration by) {
    delay = by;
    return this;
  }

  /** Switches the mode; DOWN resets the connections that are open. */
  public DoorProxy mode(Mode next) {
    mode = next;
    if (next == Mode.DOWN) {
      for (Socket s : open) {
        reset(s);
      }
    }
    return this;
  }

  /** How many requests were handled in that mode (DOWN: none reach the proxy). */
  public long count(Mode in) {
    return counts.computeIfAbsent(in, m -> new AtomicLong()).get();
  }

  @Override
  public void close() throws IOException {
    mode = Mode.DOWN;
    listener.close();
    for (Socket s : open) {
      reset(s);
    }
    threads.shutdownNow();
  }

  private static ServerSocket bind(int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    return socket;
  }

  private void accept(ServerSocket on) {
    threads.execute(
        () -> {
          while (!on.isClosed()) {
            try {
              Socket client = on.accept();
              if (mode == Mode.DOWN) {
                reset(client); // as if nothing answered: the browser sees a network error
                continue;
              }
              open.add(client);
              threads.execute(() -> serve(client));
            } catch (IOException e) {
              return; // closed: DOWN or the end
            }
          }
        });
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      byte[] head = head(in);
      if (head == null) {
        return;
      }
      String text = new String(head, StandardCharsets.ISO_8859_1);
      String[] requestLine = text.substring(0, text.indexOf("\r\n")).split(" ");
      String path = requestLine.length > 1 ? requestLine[1] : "";
      Mode now = mode;
      boolean matches = matching.matcher(path).matches();
      counts.computeIfAbsent(now, m -> new AtomicLong()).incrementAndGet();
      if (now == Mode.FLOOD_503 && matches) {
        String body =
            "{\"type\":\"about:blank\",\"status\":503,\"code\":\"OVERLOADED\","
                + "\"title\":\"Service Unavailable\"}";
        client
            .getOutputStream()
            .write(
                ("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\n"
                        + "Content-Type: application/problem+json\r\nContent-Length: "
                        + body.length()
                        + "\r\nConnection: close\r\n\r\n"
                        + body)
                    .getBytes(StandardCharsets.ISO_8859_1));
        return;
      }
      if (now == Mode.SLOW && matches) {
        Thread.sleep(delay.toMillis());
      }
      try (Socket upstream = new Socket()) {
        open.add(upstream);
        upstream.connect(target, 5000);
        upstream.getOutputStream().write(closing(text).getBytes(StandardCharsets.ISO_8859_1));
        threads.execute(() -> pipe(in, upstream));
        // the answer's head says Connection: close too, or the browser would send its next
        // request on this connection, which closes now
        InputStream answer = upstream.getInputStream();
        byte[] answerHead = head(answer);
        if (answerHead == null) {
          return;
        }
        client
            .getOutputStream()
            .write(
                closing(new String(answerHead, StandardCharsets.ISO_8859_1))
                    .getBytes(StandardCharsets.ISO_8859_1));
        answer.transferTo(client.getOutputStream());
      } finally {
        open.removeIf(Socket::isClosed);
      }
    } catch (IOException e) {
      // the browser or the portal went away, or DOWN reset the connection
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.remove(client);
    }
  }

  /** The request's body (what follows the head) to the portal, until the browser is done. */
  private static void pipe(InputStream from, Socket to) {
    try {
      from.transferTo(to.getOutputStream());
    } catch (IOException e) {
      // either side closed
    }
  }

  /** The request's head, up to and including the blank line, or null when the browser left. */
  private static byte[] head(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      matched = (b == '\r' || b == '\n') ? (matched + 1) : 0;
      if (matched == 4 || head.size() > 65_536) {
        return head.toByteArray();
      }
    }
    return null;
  }

  /** The head with {@code Connection: close} in place of any Connection header. */
  static String closing(String head) {
    StringBuilder out = new StringBuilder();
    for (String line : head.split("\r\n")) {
      if (!line.isEmpty() && !line.regionMatches(true, 0, "Connection:", 0, 11)) {
        out.append(line).append("\r\n");
      }
    }
    return out.append("Connection: close\r\n\r\n").toString();
  }

  private static void reset(Socket s) {
    try {
      s.setSoLinger(true, 0);
      s.close();
    } catch (IOException e) {
      // closed already
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "door-proxy");
    t.setDaemon(true);
    return t;
  }

  /** For a caller that writes raw bytes: the proxy's origin. */
  public String origin() {
    return "http://localhost:" + port;
  }
}
