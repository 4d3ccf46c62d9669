package kr.vaccinepass.portal.visit.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import kr.vaccinepass.portal.shared.api.Problem;
import kr.vaccinepass.portal.shared.web.TrustedProxies;
import kr.vaccinepass.portal.visit.application.DeviceKeys;

/**
 * A door device's authentication on the device API ({@code Authorization: Device vpd_...}), the
 * same for every device operation: the facility its key opens, or the problem to answer (401
 * DEVICE_KEY_REQUIRED / DEVICE_KEY_INVALID, 429 TOO_MANY_FAILED_LOOKUPS with Retry-After).
 */
final class DeviceCaller {
  private DeviceCaller() {}

  /** Who called: the key's facility, or the refusal. */
  record Resolved(long keyId, long facilityId, Response refusal) {
    boolean refused() {
      return refusal != null;
    }
  }

  static Resolved resolve(DeviceKeys keys, String authorization, HttpServletRequest caller) {
    String secret = secret(authorization);
    if (secret == null) {
      return refused(Problem.of(401, "DEVICE_KEY_REQUIRED", "Authorization: Device <key>"));
    }
    // the device's own address behind a trusted balancer: the failed lookups' budget is per device
    String address = TrustedProxies.configured().clientAddress(caller);
    try {
      DeviceKeys.Device device = keys.device(secret, address);
      return new Resolved(device.keyId(), device.facilityId(), null);
    } catch (DeviceKeys.InvalidDeviceKey e) {
      return refused(Problem.of(401, "DEVICE_KEY_INVALID", "unknown or revoked device key"));
    } catch (DeviceKeys.LookupsExhausted e) {
      return refused(
          Response.fromResponse(
                  Problem.of(
                      429,
                      "TOO_MANY_FAILED_LOOKUPS",
                      "too many unknown device keys from this address; try again shortly"))
              .header("Retry-After", String.valueOf(e.retryAfterSeconds()))
              .build());
    }
  }

  private static Resolved refused(Response refusal) {
    return new Resolved(0, 0, refusal);
  }

  /** The secret of {@code Authorization: Device <secret>} ("Device" in any case), else null. */
  static String secret(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Device ", 0, 7)) {
      return null;
    }
    String secret = authorization.substring(7).trim();
    return secret.isEmpty() ? null : secret;
  }
}
