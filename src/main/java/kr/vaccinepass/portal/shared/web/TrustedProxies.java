package kr.vaccinepass.portal.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import kr.vaccinepass.portal.shared.infrastructure.PortalConfig;

/**
 * The reverse proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} the portal
 * believes: {@code portal.security.trustedProxies} / {@code PORTAL_TRUSTED_PROXIES}, addresses or
 * CIDR ranges separated by commas; none by default. From anyone else those headers are the client's
 * own words and are ignored, so a client cannot choose the address the sign-in throttle counts it
 * under.
 */
public final class TrustedProxies {
  public static final String SETTING = "portal.security.trustedProxies";
  public static final TrustedProxies NONE = new TrustedProxies(List.of());

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
  private static volatile TrustedProxies configured;

  private record Range(byte[] network, int prefix) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (network[full] & mask);
    }
  }

  private final List<Range> ranges;

  private TrustedProxies(List<Range> ranges) {
    this.ranges = ranges;
  }

  /** The setting of this node, read once. */
  public static TrustedProxies configured() {
    TrustedProxies proxies = configured;
    if (proxies == null) {
      proxies =
          parse(
              PortalConfig.get(SETTING)
                  .or(() -> PortalConfig.get("portal.trusted.proxies")) // PORTAL_TRUSTED_PROXIES
                  .orElse(null));
      configured = proxies;
    }
    return proxies;
  }

  /** Addresses or CIDR ranges, comma-separated; null or blank for none. */
  public static TrustedProxies parse(String setting) {
    if (setting == null || setting.isBlank()) {
      return NONE;
    }
    List<Range> ranges = new ArrayList<>();
    for (String part : setting.split(",")) {
      String entry = part.strip();
      if (entry.isEmpty()) {
        continue;
      }
      int slash = entry.indexOf('/');
      byte[] network = literal(slash < 0 ? entry : entry.substring(0, slash));
      if (network == null) {
        throw new IllegalArgumentException(SETTING + ": not an IP address or CIDR: " + entry);
      }
      int prefix = network.length * 8;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
          prefix = -1;
        }
        if (prefix < 0 || prefix > network.length * 8) {
          throw new IllegalArgumentException(SETTING + ": bad prefix length in " + entry);
        }
      }
      ranges.add(new Range(network, prefix));
    }
    return new TrustedProxies(List.copyOf(ranges));
  }

  public boolean isTrusted(String address) {
    byte[] bytes = literal(address);
    return bytes != null && ranges.stream().anyMatch(r -> r.contains(bytes));
  }

  /**
   * The client's address: the peer, unless the peer is a trusted proxy; then the hops it appended
   * to {@code X-Forwarded-For} are read from the right, and the first one that is not a trusted
   * proxy is the client (entries further left are the client's own words).
   */
  public String clientAddress(String peer, List<String> forwardedFor) {
    if (ranges.isEmpty() || !isTrusted(peer)) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    for (String header : forwardedFor) {
      for (String hop : header.split(",")) {
        hops.add(hop.strip());
      }
    }
    Collections.reverse(hops);
    String client = peer;
    for (String hop : hops) {
      if (literal(hop) == null) {
        break;
      }
      client = hop;
      if (!isTrusted(hop)) {
        break;
      }
    }
    return client;
  }

  /** The client address of a request (see {@link #clientAddress(String, List)}). */
  public String clientAddress(HttpServletRequest request) {
    return clientAddress(
        request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
  }

  /**
   * Whether the browser reached the portal over HTTPS: TLS to this server, or a trusted proxy that
   * terminated TLS and says so in {@code X-Forwarded-Proto}.
   */
  public boolean isSecure(boolean tlsHere, String peer, String forwardedProto) {
    return tlsHere
        || (forwardedProto != null
            && "https".equalsIgnoreCase(forwardedProto.split(",")[0].strip())
            && isTrusted(peer));
  }

  public boolean isSecure(HttpServletRequest request) {
    return isSecure(
        request.isSecure(), request.getRemoteAddr(), request.getHeader("X-Forwarded-Proto"));
  }

  /** The bytes of an IP literal, or null; never a DNS look-up. */
  private static byte[] literal(String text) {
    if (text == null) {
      return null;
    }
    String s = text.strip();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    boolean v4 = IPV4.matcher(s).matches();
    if (v4) {
      for (String octet : s.split("\\.")) {
        if (Integer.parseInt(octet) > 255) {
          return null;
        }
      }
    } else if (!IPV6.matcher(s).matches()) {
      return null;
    }
    try {
      return InetAddress.getByName(s).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
