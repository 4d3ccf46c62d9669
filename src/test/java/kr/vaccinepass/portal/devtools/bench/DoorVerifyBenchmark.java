package kr.vaccinepass.portal.devtools.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.Arrays;
import kr.vaccinepass.portal.pass.application.DoorVerifyFixture;
import kr.vaccinepass.portal.pass.domain.ExemptionKind;
import kr.vaccinepass.portal.pass.domain.PassFacts;
import kr.vaccinepass.portal.testsupport.Browser;

/**
 * What the door spends verifying one pass ({@code -Dbench.suite=doorverify}): in headless Chromium,
 * {@code verify.js} reads a genuine token, finds its first problem (none) against the trust list of
 * a snapshot the portal signed, and computes its identity, {@code bench.doorverify.iterations}
 * times after {@code bench.doorverify.warmup} unmeasured ones; the median, p99 and mean in ms. No
 * server: the module and the snapshot come from {@link DoorVerifyFixture}, as in {@code
 * DoorVerifyScriptTest}.
 */
final class DoorVerifyBenchmark {
  private DoorVerifyBenchmark() {}

  static void run(int iterations, int warmup) throws Exception {
    DoorVerifyFixture fixture = new DoorVerifyFixture();
    String token =
        fixture.token(
            fixture.issuerKey,
            "kakao-1",
            "KAKAO",
            new PassFacts(
                java.time.LocalDate.parse("2021-10-01"),
                java.time.LocalDate.parse("2021-12-01"),
                DoorVerifyFixture.BASE.minusSeconds(3600),
                ExemptionKind.MEDICAL,
                java.time.LocalDate.parse("2022-03-31"),
                1990),
            DoorVerifyFixture.BASE);
    JsonObject input =
        Json.createObjectBuilder()
            .add("jwk", fixture.portalJwk())
            .add("kid", fixture.portal.kid())
            .add("facilityId", DoorVerifyFixture.FACILITY_ID)
            .add("envelope", fixture.envelope)
            .add("token", token)
            .add("nowMs", DoorVerifyFixture.BASE.toEpochMilli())
            .add("iterations", iterations)
            .add("warmup", warmup)
            .build();
    String body =
        """
        async (m, input) => {
          const key = await m.importPortalKey(input.jwk);
          const payload = await m.openSnapshot(input.envelope, key, input.kid, input.facilityId);
          const keys = m.trustKeys(payload);
          const once = async () => {
            const t = m.parseToken(input.token);
            const problem = await m.problemOf(t, keys, input.nowMs, payload.clockSkewSeconds);
            if (problem !== null) throw new Error("not genuine: " + problem);
            await m.identity(t);
          };
          for (let i = 0; i < input.warmup; i++) await once();
          const times = [];
          const start = performance.now();
          for (let i = 0; i < input.iterations; i++) {
            const t0 = performance.now();
            await once();
            times.push(performance.now() - t0);
          }
          return { times, total: performance.now() - start, userAgent: navigator.userAgent };
        }
        """;
    Log.say("Verifying one genuine token " + iterations + " times in headless Chromium ...");
    try (Browser browser = Browser.open(new URL("http://localhost/"))) {
      JsonObject result =
          DoorVerifyFixture.json(DoorVerifyFixture.run(browser, body, input.toString()));
      if (result.containsKey("error")) {
        throw new IllegalStateException(result.getString("error"));
      }
      JsonArray list = result.getJsonArray("times");
      double[] times = new double[list.size()];
      for (int i = 0; i < times.length; i++) {
        times[i] = list.getJsonNumber(i).doubleValue();
      }
      Arrays.sort(times);
      double median = times[times.length / 2];
      double p99 = times[(int) Math.ceil(times.length * 0.99) - 1];
      double mean = result.getJsonNumber("total").doubleValue() / times.length;
      Log.say("Browser: " + result.getString("userAgent"));
      Log.say(
          String.format(
              "doorverify: %d verifications (parse + problemOf + identity): median %.3f ms, p99 %.3f"
                  + " ms, mean %.3f ms, max %.3f ms",
              times.length, median, p99, mean, times[times.length - 1]));
    }
  }
}
