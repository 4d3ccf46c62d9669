package kr.vaccinepass.portal.facility;

import static kr.vaccinepass.portal.testsupport.TestActors.as;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import kr.vaccinepass.portal.facility.application.FacilityService;
import kr.vaccinepass.portal.facility.domain.FacilityType;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.Role;
import kr.vaccinepass.portal.testsupport.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * The facility types as Flyway ships them: how many the pass covered on each date of the calendar
 * in domain-rules.md, read from PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
class FacilityTypeCatalogIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTests(FacilityTypeCatalogIT.class);
  }

  @Inject FacilityService facilities;

  /** date (Kst.ZONE) and the number of types the pass covered that day, with the source. */
  private static final Object[][] CALENDAR = {
    {"2021-10-31", 0}, // before the pass
    {"2021-11-01", 5}, // 5 types (Newsway 2021-11-08)
    {"2021-12-05", 5},
    {"2021-12-06", 16}, // 11 more, 16 in all (seed news)
    {"2022-01-03", 16},
    {"2022-01-04", 14}, // court: academies, reading rooms (Edaily 2022-01-04)
    {"2022-01-10", 15}, // large stores (Metro Seoul)
    {"2022-01-17", 15},
    {"2022-01-18", 11}, // lifted: cinemas, museums, libraries, large stores (Kyunghyang)
    {"2022-02-28", 11},
    {"2022-03-01", 0} // suspended entirely (News1 2022-03-01)
  };

  // Arquillian runs in-container tests as plain @Test methods: the table is walked here
  @Test
  void coveredTypesOnEachDateOfTheCalendar() {
    List<FacilityType> types =
        as(new Actor(0, "a@test", Role.ADMIN, null), () -> facilities.types());
    assertEquals(18, types.size(), "17 covered kinds and the never-covered outdoor stadium");
    assertAll(
        Arrays.stream(CALENDAR)
            .<Executable>map(
                row ->
                    () -> {
                      LocalDate date = LocalDate.parse((String) row[0]);
                      long covered =
                          types.stream()
                              .filter(t -> t.isCoveredAt(date.atStartOfDay(Kst.ZONE).toInstant()))
                              .count();
                      assertEquals((int) row[1], covered, "covered types on " + date);
                    }));
  }
}
