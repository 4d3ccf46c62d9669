package kr.vaccinepass.portal.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrustedProxiesTest {

  @ParameterizedTest(name = "trusted [{0}], from {1}, X-Forwarded-For [{2}]: client {3}")
  @CsvSource(
      delimiter = ';',
      nullValues = "-",
      value = {
        // no proxy trusted (the default): the header is never believed
        "-; 203.0.113.9; 198.51.100.7; 203.0.113.9",
        "-; 127.0.0.1; 198.51.100.7; 127.0.0.1",
        // a trusted proxy: its header names the client
        "10.0.0.5; 10.0.0.5; 198.51.100.7; 198.51.100.7",
        // an untrusted peer sending the header is the client itself
        "10.0.0.5; 203.0.113.9; 198.51.100.7; 203.0.113.9",
        // a client's own forged entries stand left of what the trusted proxy appended
        "10.0.0.5; 10.0.0.5; 1.2.3.4, 198.51.100.7; 198.51.100.7",
        // two trusted proxies in a row (CIDR), the first untrusted from the right is the client
        "10.0.0.0/8; 10.0.0.5; 1.2.3.4, 198.51.100.7, 10.1.2.3; 198.51.100.7",
        // every hop trusted: the leftmost
        "10.0.0.0/8; 10.0.0.5; 10.9.9.9, 10.1.2.3; 10.9.9.9",
        // garbage in the header is not an address: the last good hop stands
        "10.0.0.5; 10.0.0.5; not-an-address; 10.0.0.5",
        "10.0.0.5; 10.0.0.5; ; 10.0.0.5",
        // IPv6 and a list of several
        "127.0.0.1, ::1, 2001:db8::/32; ::1; 2001:db9::7, 2001:db8::1; 2001:db9::7",
        "127.0.0.1, ::1, 2001:db8::/32; 2001:db8::9; 198.51.100.7; 198.51.100.7",
        "192.168.0.0/16; 192.169.0.1; 198.51.100.7; 192.169.0.1",
      })
  void theClientAddressIsBelievedOnlyFromATrustedProxy(
      String trusted, String peer, String forwardedFor, String client) {
    TrustedProxies proxies = TrustedProxies.parse(trusted);
    assertEquals(
        client,
        proxies.clientAddress(peer, forwardedFor == null ? List.of() : List.of(forwardedFor)));
  }

  @Test
  void severalHeadersAreOneList() {
    TrustedProxies proxies = TrustedProxies.parse("10.0.0.5");
    assertEquals(
        "198.51.100.7", proxies.clientAddress("10.0.0.5", List.of("1.2.3.4", "198.51.100.7")));
  }

  @Test
  void httpsIsBelievedOnlyFromATrustedProxy() {
    TrustedProxies proxies = TrustedProxies.parse("10.0.0.5");
    assertTrue(proxies.isSecure(false, "10.0.0.5", "https"));
    assertTrue(proxies.isSecure(false, "10.0.0.5", "HTTPS"));
    assertFalse(proxies.isSecure(false, "203.0.113.9", "https"));
    assertFalse(proxies.isSecure(false, "10.0.0.5", "http"));
    assertFalse(proxies.isSecure(false, "10.0.0.5", null));
    assertTrue(proxies.isSecure(true, "203.0.113.9", null), "TLS to the portal itself");
    assertFalse(TrustedProxies.NONE.isSecure(false, "10.0.0.5", "https"));
  }

  @Test
  void aWrongSettingFailsLoudly() {
    assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("proxy.example"));
    assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
    assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("300.0.0.1"));
  }
}
