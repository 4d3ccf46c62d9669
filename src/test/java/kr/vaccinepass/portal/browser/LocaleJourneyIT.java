package kr.vaccinepass.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kr.vaccinepass.portal.demo.DemoData;
import kr.vaccinepass.portal.testsupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * One language per session, on every page of every role: each page of public/, owner/, inspector/
 * and admin/ (listed from src/main/webapp, so a new page is visited too) is read in Korean and in
 * English. In English no Hangul may show; in Korean none of our English texts (the values of
 * messages_en that differ from the Korean ones) may show.
 *
 * <p>The allowances are explicit and narrow: text inside an element marked {@code user-data} (what
 * a person typed: facility names, addresses, people's names, reasons and notes, which stay in the
 * language they were typed in), and the language switch, which names each language in itself.
 */
class LocaleJourneyIT extends BrowserJourney {
  private static final Pattern HANGUL =
      Pattern.compile("[\uAC00-\uD7A3\u1100-\u11FF\u3130-\u318F]");

  /**
   * What only developers write, on any page in either language, user data included (seed rows are
   * not what a user typed): the notes' phrase for the first reports, internal ids in reasons, and
   * enum constants such as VERIFICATION_FAILURE.
   */
  private static final Pattern DEVELOPMENT_TEXT =
      Pattern.compile("(?i:seed news)|\\[grace \\d+|\\b[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+\\b");

  private static final Path WEBAPP = Path.of("src/main/webapp");
  private static final Path MESSAGES = Path.of("src/main/resources/kr/vaccinepass/portal/i18n");

  /** The visible text of the page without user data and the language switch, and its hints. */
  private static final String VISIBLE_TEXT =
      "var skip = Array.from(document.querySelectorAll('.user-data, #langForm'));"
          + "var text = document.body.innerText;"
          + "skip.forEach(function (e) { var t = e.innerText; if (t) {"
          + "  t.split('\\n').forEach(function (line) { line = line.trim();"
          + "    if (line) { text = text.split(line).join(' '); } }); } });"
          + "var hints = [document.title];"
          + "document.querySelectorAll('[placeholder], [title]').forEach(function (e) {"
          + "  if (e.closest('.user-data, #langForm')) { return; }"
          + "  if (e.getAttribute('placeholder')) { hints.push(e.getAttribute('placeholder')); }"
          + "  if (e.getAttribute('title') && e.offsetParent !== null) {"
          + "    hints.push(e.getAttribute('title')); } });"
          + "return text + '\\n' + hints.join('\\n');";

  @Test
  void everyPageOfEveryRoleSpeaksTheChosenLanguageOnly() throws Exception {
    Map<String, List<String>> pages = pagesByRole();
    List<String> englishWords = englishUiTexts();
    List<String> found = new ArrayList<>();
    Set<String> visited = new TreeSet<>();
    try (Browser browser = Browser.open(base)) {
      casePath = logAVisitorViolation(browser);
      browser.driver().manage().deleteAllCookies();
      readAll(browser, pages.get("public"), englishWords, found, visited);
      signInAndRead(
          browser,
          DemoData.OWNER_EMAIL,
          DemoData.OWNER_PASSWORD,
          pages.get("owner"),
          englishWords,
          found,
          visited);
      // and two pages that refuse while they load (a message raised in a view action)
      List<String> inspector = new ArrayList<>(pages.get("inspector"));
      inspector.add("/inspector/case.xhtml?id=999999999");
      inspector.add("/inspector/facility.xhtml?id=999999999");
      signInAndRead(
          browser,
          DemoData.INSPECTOR_EMAIL,
          DemoData.INSPECTOR_PASSWORD,
          inspector,
          englishWords,
          found,
          visited);
      signInAndRead(
          browser,
          DemoData.ADMIN_EMAIL,
          DemoData.ADMIN_PASSWORD,
          pages.get("admin"),
          englishWords,
          found,
          visited);
      dateOutsideTheRangeIsRefusedInOurWords(browser);
    }
    Set<String> all = new TreeSet<>();
    pages.values().forEach(all::addAll);
    all.add("/inspector/case.xhtml?id=999999999");
    all.add("/inspector/facility.xhtml?id=999999999");
    assertEquals(List.of(), found, "text in the other language:\n" + String.join("\n", found));
    assertEquals(all, visited, "every page was read in both languages");
  }

  private String casePath;

  /**
   * A case for the case pages to show: a visitor's violation at the demo café (a visitor's fine
   * does not count towards the operator's escalation, which other journeys check at the same
   * venue).
   */
  private static String logAVisitorViolation(Browser browser) {
    browser
        .signIn(DemoData.INSPECTOR_EMAIL, DemoData.INSPECTOR_PASSWORD)
        .waitForPath("/inspector/dashboard.xhtml");
    browser.go("/inspector/facilities.xhtml");
    browser.type("facilityListForm:facilities:globalFilter", "한옥카페");
    browser.waitFor(
        org.openqa.selenium.support.ui.ExpectedConditions.numberOfElementsToBe(
            By.cssSelector("#facilityListForm\\:facilities_data > tr"), 1));
    browser.waitForAjax().waitForText("종로 한옥카페");
    browser.find("#facilityListForm\\:facilities a").click();
    browser.waitForPath("/inspector/facility.xhtml");
    browser.type("inspectionForm:notes", "정기 점검");
    browser.click("inspectionForm:open").waitForText("점검을 시작했습니다");
    browser.choose("violationForm:kind", "이용자");
    browser.type("violationForm:occurredAt_input", "2022-01-05 12:00");
    browser.id("violationForm:occurredAt_input").sendKeys(org.openqa.selenium.Keys.TAB);
    browser.waitForText("저장하면 정해질 처분");
    browser.type("violationForm:visitorName", "홍길동");
    browser.type("violationForm:visitorBirthDate_input", "1990-05-05");
    browser.id("violationForm:visitorBirthDate_input").sendKeys(org.openqa.selenium.Keys.TAB);
    browser.type("violationForm:visitorPhone", "010-5555-1234");
    browser.type("violationForm:description", "방역패스 없이 입장");
    browser.click("violationForm:save");
    browser.waitForPath("/inspector/case.xhtml").waitForText("위반을 기록했습니다.");
    return browser.path();
  }

  /** A date the picker does not allow is refused in the bundles' words, not the framework's. */
  private void dateOutsideTheRangeIsRefusedInOurWords(Browser browser) {
    browser.driver().manage().deleteAllCookies();
    browser.signIn(DemoData.INSPECTOR_EMAIL, DemoData.INSPECTOR_PASSWORD);
    browser.go(casePath).waitForAjax();
    browser.find("#facility").click();
    browser.waitForPath("/inspector/facility.xhtml").waitForAjax();
    browser.choose("violationForm:kind", "이용자");
    browser.type("violationForm:visitorBirthDate_input", "2030-01-01");
    browser.id("violationForm:visitorBirthDate_input").sendKeys(org.openqa.selenium.Keys.TAB);
    browser.click("violationForm:save");
    browser.waitForText("이전의 날짜를 입력하세요.");
    String message = browser.id("violationForm:visitorBirthDateMessage").getText();
    org.junit.jupiter.api.Assertions.assertFalse(
        message.contains("유효성") || message.contains("Validation"), message);
  }

  private void signInAndRead(
      Browser browser,
      String email,
      String password,
      List<String> pages,
      List<String> englishWords,
      List<String> found,
      Set<String> visited) {
    browser.driver().manage().deleteAllCookies();
    browser.signIn(email, password);
    readAll(browser, pages, englishWords, found, visited);
  }

  /** Reads the pages in Korean, switches to English, reads them again, switches back. */
  private void readAll(
      Browser browser,
      List<String> pages,
      List<String> englishWords,
      List<String> found,
      Set<String> visited) {
    for (String language : List.of("ko", "en")) {
      browser.go(pages.get(0)).waitForAjax();
      browser.switchLanguage(language);
      for (String page : pages) {
        String path = pathOf(browser, page);
        if (path == null) {
          found.add(page + ": no link to open it from its list");
          continue;
        }
        browser.go(path).waitForAjax();
        String text = (String) ((JavascriptExecutor) browser.driver()).executeScript(VISIBLE_TEXT);
        Matcher dev = DEVELOPMENT_TEXT.matcher(browser.text());
        Set<String> leaks = new TreeSet<>();
        while (dev.find()) {
          leaks.add(dev.group());
        }
        if (!leaks.isEmpty()) {
          found.add("[" + language + "] " + page + ": development text " + leaks);
        }
        if ("en".equals(language)) {
          Matcher m = HANGUL.matcher(text);
          Set<String> lines = new TreeSet<>();
          for (String line : text.split("\n")) {
            if (HANGUL.matcher(line).find()) {
              lines.add(line.strip());
            }
          }
          if (m.find()) {
            found.add("[en] " + page + ": " + String.join(" | ", lines));
          }
        } else {
          Set<String> words = new TreeSet<>();
          for (String w : englishWords) {
            if (text.contains(w)) {
              words.add(w);
            }
          }
          if (!words.isEmpty()) {
            found.add("[ko] " + page + ": " + String.join(" | ", words));
          }
        }
        visited.add(page);
      }
    }
    browser.switchLanguage("ko");
  }

  /**
   * The address of a page: a detail page (one that needs an id) is opened through the first link to
   * it on its list.
   */
  private String pathOf(Browser browser, String page) {
    if (page.contains("?")) {
      return page;
    }
    if (page.equals("/inspector/case.xhtml")) {
      return casePath;
    }
    Map<String, String> lists =
        Map.of(
            "/inspector/facility.xhtml", "/inspector/facilities.xhtml",
            "/admin/facility.xhtml", "/admin/facilities.xhtml");
    String list = lists.get(page);
    if (list == null) {
      return page;
    }
    browser.go(list).waitForAjax();
    List<WebElement> links =
        browser.driver().findElements(By.cssSelector("a[href*='" + page + "?']"));
    if (links.isEmpty()) {
      return null;
    }
    String href = links.get(0).getAttribute("href");
    return href.substring(href.indexOf(page));
  }

  /** The pages of each audience, as the source tree has them; the first is the role's home. */
  private static Map<String, List<String>> pagesByRole() throws IOException {
    Map<String, List<String>> pages = new LinkedHashMap<>();
    for (String role : List.of("public", "owner", "inspector", "admin")) {
      List<String> list = new ArrayList<>();
      try (Stream<Path> s = Files.list(WEBAPP.resolve(role))) {
        s.map(p -> "/" + role + "/" + p.getFileName())
            .filter(p -> p.endsWith(".xhtml"))
            .sorted()
            .forEach(list::add);
      }
      String home = role.equals("public") ? "/public/index.xhtml" : "/" + role + "/dashboard.xhtml";
      list.remove(home);
      list.add(0, home);
      pages.put(role, list);
    }
    return pages;
  }

  /**
   * Our English UI texts: the English values that differ from the Korean ones and are long enough
   * to be words of ours rather than a name both languages share (QR, PC); a value with arguments
   * gives its longest literal piece.
   */
  private static List<String> englishUiTexts() throws IOException {
    Properties ko = load("messages_ko.properties");
    Properties en = load("messages_en.properties");
    Set<String> texts = new TreeSet<>();
    for (String key : en.stringPropertyNames()) {
      String value = en.getProperty(key);
      if (value.equals(ko.getProperty(key))) {
        continue;
      }
      String longest = "";
      for (String piece : value.split("\\{[^}]*\\}|'")) {
        if (piece.strip().length() > longest.length()) {
          longest = piece.strip();
        }
      }
      if (longest.length() >= 8 && longest.contains(" ")) {
        texts.add(longest);
      }
    }
    return new ArrayList<>(texts);
  }

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(MESSAGES.resolve(name), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }
}
