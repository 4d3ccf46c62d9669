package kr.vaccinepass.portal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * All text comes from the ko/en bundles: the two languages have the same keys, every key a page or
 * the code names exists, and no page carries text of its own.
 */
class I18nBundlesTest {
  private static final Path RESOURCES = Path.of("src/main/resources");
  private static final Path WEBAPP = Path.of("src/main/webapp");
  private static final Path JAVA = Path.of("src/main/java");
  private static final String MESSAGES = "kr/vaccinepass/portal/i18n/messages";

  @Test
  void koreanAndEnglishHaveTheSameKeys() throws IOException {
    assertEquals(keys(MESSAGES + "_ko"), keys(MESSAGES + "_en"));
    assertEquals(keys("ValidationMessages_ko"), keys("ValidationMessages_en"));
  }

  @Test
  void everyKeyThePagesNameExists() throws IOException {
    Set<String> known = keys(MESSAGES + "_ko");
    Set<String> missing = new TreeSet<>();
    Pattern key = Pattern.compile("msg\\['([^']+)'\\]");
    Pattern dynamic = Pattern.compile("msg\\['([^']+\\.)'\\.concat");
    for (Path page : files(WEBAPP, ".xhtml")) {
      String text = Files.readString(page);
      Matcher m = key.matcher(text);
      while (m.find()) {
        if (!known.contains(m.group(1))) {
          missing.add(page + ": " + m.group(1));
        }
      }
      Matcher d = dynamic.matcher(text);
      while (d.find()) {
        String prefix = d.group(1);
        assertTrue(known.stream().anyMatch(k -> k.startsWith(prefix)), page + ": " + prefix + "*");
      }
    }
    for (String prefix : new String[] {"role.", "facility.status."}) {
      for (String suffix :
          prefix.equals("role.")
              ? new String[] {"OWNER", "INSPECTOR", "ADMIN"}
              : new String[] {"ACTIVE", "SUSPENDED", "CLOSED"}) {
        if (!known.contains(prefix + suffix)) {
          missing.add("enum text " + prefix + suffix);
        }
      }
    }
    assertEquals(Set.of(), missing);
  }

  @Test
  void everyKeyTheCodeNamesExists() throws IOException {
    Set<String> known = new TreeSet<>(keys(MESSAGES + "_ko"));
    known.addAll(keys("ValidationMessages_ko"));
    Set<String> missing = new TreeSet<>();
    Pattern annotation = Pattern.compile("message = \"\\{([^}]+)\\}\"");
    Pattern literal =
        Pattern.compile(
            "(?:onField\\([^,]+,\\s*|BusinessException\\.of\\(|NotFoundException\\(|messages\\.(?:error|info|infoAfterRedirect)\\(|super\\()\"([a-z][\\w.]+)\"");
    for (Path source : files(JAVA, ".java")) {
      String text = Files.readString(source);
      for (Pattern p : new Pattern[] {annotation, literal}) {
        Matcher m = p.matcher(text);
        while (m.find()) {
          if (!known.contains(m.group(1))) {
            missing.add(source.getFileName() + ": " + m.group(1));
          }
        }
      }
      Matcher policy = Pattern.compile("Optional\\.of\\(\"(password\\.\\w+)\"\\)").matcher(text);
      while (policy.find()) {
        if (!known.contains(policy.group(1))) {
          missing.add(source.getFileName() + ": " + policy.group(1));
        }
      }
    }
    assertEquals(Set.of(), missing);
  }

  /**
   * An English text has no Korean in it (only the language switch names Korean in Korean); a Korean
   * name a reader needs (a law, a place) is given in English or comes as data.
   */
  @Test
  void englishTextsHaveNoHangul() throws IOException {
    Pattern hangul = Pattern.compile("[\uAC00-\uD7A3\u1100-\u11FF\u3130-\u318F]");
    Set<String> offenders = new TreeSet<>();
    for (String bundle : new String[] {MESSAGES + "_en", "ValidationMessages_en"}) {
      Properties p = load(bundle);
      for (String key : p.stringPropertyNames()) {
        if (!key.equals("lang.ko") && hangul.matcher(p.getProperty(key)).find()) {
          offenders.add(key + "=" + p.getProperty(key));
        }
      }
    }
    assertEquals(Set.of(), offenders);
  }

  /** Users never read a code: no text carries an enum constant such as VERIFICATION_FAILURE. */
  @Test
  void noTextShowsAnEnumConstant() throws IOException {
    Pattern constant = Pattern.compile("\\b[A-Z]{2,}(?:_[A-Z0-9]+)+\\b");
    Set<String> offenders = new TreeSet<>();
    for (String bundle :
        new String[] {
          MESSAGES + "_ko", MESSAGES + "_en", "ValidationMessages_ko", "ValidationMessages_en"
        }) {
      Properties p = load(bundle);
      for (String key : p.stringPropertyNames()) {
        if (constant.matcher(p.getProperty(key)).find()) {
          offenders.add(bundle + ": " + key + "=" + p.getProperty(key));
        }
      }
    }
    assertEquals(Set.of(), offenders);
  }

  @Test
  void pagesHaveNoHardCodedText() throws IOException {
    Set<String> offenders = new TreeSet<>();
    Pattern tag = Pattern.compile("<[^>]*>", Pattern.DOTALL);
    Pattern comment = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    Pattern el = Pattern.compile("#\\{[^}]*\\}");
    Pattern attr =
        Pattern.compile(
            "\\s(?:value|label|headerText|placeholder|title|itemLabel|emptyMessage|header)=\"([^\"#][^\"]*)\"");
    for (Path page : files(WEBAPP, ".xhtml")) {
      // ui:param passes values (outcomes, flags) to includes, not text
      String text =
          comment.matcher(Files.readString(page)).replaceAll("").replaceAll("<ui:param[^>]*>", "");
      String outside = el.matcher(tag.matcher(text).replaceAll(" ")).replaceAll(" ");
      for (String word : outside.split("\\s+")) {
        if (word.codePoints().anyMatch(Character::isLetter) && !word.equals("·")) {
          offenders.add(page + ": " + word);
        }
      }
      Matcher m = attr.matcher(text);
      while (m.find()) {
        if (m.group(1).codePoints().anyMatch(Character::isLetter)) {
          offenders.add(page + ": " + m.group(0).strip());
        }
      }
    }
    assertEquals(Set.of(), offenders);
  }

  private static Set<String> keys(String bundle) throws IOException {
    return new TreeSet<>(load(bundle).stringPropertyNames());
  }

  private static Properties load(String bundle) throws IOException {
    Properties p = new Properties();
    try (Reader r =
        Files.newBufferedReader(
            RESOURCES.resolve(bundle + ".properties"), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }

  private static Set<Path> files(Path root, String suffix) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(f -> f.toString().endsWith(suffix))
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }
}
