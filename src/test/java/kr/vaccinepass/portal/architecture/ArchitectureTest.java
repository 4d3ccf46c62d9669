package kr.vaccinepass.portal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The structure of docs/architecture.md, checked on the compiled main classes: package by feature,
 * layers inside. A failure names the class and the dependency that breaks the rule.
 */
class ArchitectureTest {
  private static final String ROOT = "kr.vaccinepass.portal";

  /** The features, each a package under {@value #ROOT}; {@code shared} is the common kernel. */
  static final List<String> FEATURES =
      List.of("identity", "facility", "pass", "visit", "grace", "enforcement", "audit", "demo");

  private static JavaClasses main;

  @BeforeAll
  static void importMain() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  @Test
  void noFeatureReachesIntoAnotherFeaturesInfrastructureOrWeb() {
    checkEach(
        FEATURES,
        feature ->
            noClasses()
                .that()
                .resideInAPackage(ROOT + "." + feature + "..")
                .should()
                .dependOnClassesThat(otherFeatureLayer(feature, "infrastructure", "web", "api"))
                .allowEmptyShould(true)
                .because("features meet through application services, domain types and events"));
  }

  @Test
  void noFeatureUsesAnotherFeaturesRepositories() {
    // demo seeds the run command's accounts and facilities as a migration would, without a user
    checkEach(
        FEATURES.stream().filter(f -> !f.equals("demo")).toList(),
        feature ->
            noClasses()
                .that()
                .resideInAPackage(ROOT + "." + feature + "..")
                .should()
                .dependOnClassesThat(
                    DescribedPredicate.describe(
                        "are another feature's repositories",
                        (JavaClass c) ->
                            c.getSimpleName().endsWith("Repository")
                                && c.getPackageName().startsWith(ROOT + ".")
                                && !c.getPackageName().startsWith(ROOT + "." + feature + ".")))
                .allowEmptyShould(true)
                .because("a feature's data is asked of its application services"));
  }

  /** Checks the rule of each feature, and fails with every feature's violations, not the first. */
  private static void checkEach(List<String> features, Function<String, ArchRule> ruleOf) {
    StringBuilder failures = new StringBuilder();
    for (String feature : features) {
      try {
        ruleOf.apply(feature).check(main);
      } catch (AssertionError e) {
        failures.append(e.getMessage()).append('\n');
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(failures.toString());
    }
  }

  @Test
  void theDomainDependsOnNoOtherLayer() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + "..domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            ROOT + "..application..",
            ROOT + "..infrastructure..",
            ROOT + "..web..",
            ROOT + "..api..")
        .because("rules live on the domain objects, which know nothing of how they are used")
        .check(main);
  }

  @Test
  void noTwoFeaturesDependOnEachOther() {
    slices()
        .matching(ROOT + ".(*)..")
        .should()
        .beFreeOfCycles()
        .because("a feature that another feature needs must not need it back")
        .check(main);
  }

  private static DescribedPredicate<JavaClass> otherFeatureLayer(String feature, String... layers) {
    return DescribedPredicate.describe(
        "are in another feature's " + String.join(" or ", layers),
        c -> {
          String pkg = c.getPackageName();
          if (!pkg.startsWith(ROOT + ".") || pkg.startsWith(ROOT + "." + feature + ".")) {
            return false;
          }
          String[] parts = pkg.substring(ROOT.length() + 1).split("\\.");
          if (parts.length < 2 || parts[0].equals("shared")) {
            return false;
          }
          for (String layer : layers) {
            if (parts[1].equals(layer)) {
              return true;
            }
          }
          return false;
        });
  }
}
