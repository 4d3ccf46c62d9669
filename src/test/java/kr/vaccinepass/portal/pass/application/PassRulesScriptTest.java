package kr.vaccinepass.portal.pass.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import kr.vaccinepass.portal.facility.domain.FacilityStatus;
import kr.vaccinepass.portal.grace.domain.LawTables;
import kr.vaccinepass.portal.pass.domain.PassRuleCases;
import kr.vaccinepass.portal.testsupport.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The door app's rules module ({@code src/main/webapp/door/pass-rules.js}) in headless Chromium,
 * over every case of the shared file that {@code PassRulesTest} passes with the Java rules; the
 * policy and the facility are the JSON of the door snapshot's payload, built by {@link
 * DoorSnapshots} itself, so the two engines cannot drift apart unnoticed.
 */
class PassRulesScriptTest {
  private static final Path MODULE = Path.of("src/main/webapp/door/pass-rules.js");

  private static Browser browser;
  private static List<?> answers;

  static List<PassRuleCases.Case> cases() {
    return PassRuleCases.all();
  }

  @BeforeAll
  static void runEveryCaseInChromium() throws Exception {
    browser = Browser.open(new URL("http://localhost/"));
    JsonArrayBuilder inputs = Json.createArrayBuilder();
    for (PassRuleCases.Case c : cases()) {
      JsonObject payload =
          DoorSnapshots.payload(
              new DoorSnapshots.Facility(1, "시설", c.type(), FacilityStatus.ACTIVE),
              Instant.parse("2021-12-13T03:00:00Z"),
              Duration.ofHours(72),
              List.of(),
              LawTables.PASS_POLICY);
      JsonObjectBuilder facts = Json.createObjectBuilder();
      if (c.facts().finalDoseDate() != null) {
        facts.add("finalDoseDate", c.facts().finalDoseDate().toString());
      }
      if (c.facts().boosterDate() != null) {
        facts.add("boosterDate", c.facts().boosterDate().toString());
      }
      if (c.facts().pcrNoticeAt() != null) {
        facts.add("pcrNoticeAt", c.facts().pcrNoticeAt().toString());
      }
      if (c.facts().exemption() != null) {
        facts.add("exemption", c.facts().exemption().name());
      }
      if (c.facts().exemptionUntil() != null) {
        facts.add("exemptionUntil", c.facts().exemptionUntil().toString());
      }
      if (c.facts().birthYear() != null) {
        facts.add("birthYear", c.facts().birthYear());
      }
      JsonObjectBuilder input =
          Json.createObjectBuilder()
              .add("policy", payload.getJsonObject("policy"))
              .add("facility", payload.getJsonObject("facility"))
              .add("facts", facts)
              .add("at", c.at().toString());
      if (c.party() == null) {
        input.addNull("party");
      } else {
        input.add("party", c.party().name());
      }
      inputs.add(input);
    }
    String module =
        "data:text/javascript;base64,"
            + Base64.getEncoder()
                .encodeToString(Files.readString(MODULE).getBytes(StandardCharsets.UTF_8));
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    browser.driver().get("about:blank");
    answers =
        (List<?>)
            js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "import(arguments[0]).then(m => done(JSON.parse(arguments[1]).map("
                    + "i => m.decide(i.policy, i.facility, i.facts, i.at, i.party))),"
                    + " e => done([String(e)]));",
                module,
                inputs.build().toString());
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theModuleDecidesAsTheJavaRules(PassRuleCases.Case c) {
    assertEquals(cases().size(), answers.size(), "one answer per case: " + answers);
    Map<?, ?> answer = (Map<?, ?>) answers.get(c.index());
    assertEquals(c.reason().name(), answer.get("reason"));
    assertEquals(c.outcome().name(), answer.get("outcome"));
  }
}
