package kr.vaccinepass.portal.facility.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import kr.vaccinepass.portal.facility.domain.FacilityStatus;
import org.junit.jupiter.api.Test;

/** The check-in path's facility cache: a door scan reads a facility once, and a change drops it. */
class FacilityDirectoryTest {
  private final AtomicInteger loads = new AtomicInteger();
  private final FacilityDirectory directory = new FacilityDirectory();
  private FacilityStatus stored = FacilityStatus.ACTIVE;

  FacilityDirectoryTest() {
    directory.snapshots =
        new FacilitySnapshots() {
          @Override
          Optional<FacilitySnapshot> load(long facilityId) {
            loads.incrementAndGet();
            return Optional.of(snapshot(facilityId, stored));
          }
        };
  }

  @Test
  void aFacilityIsReadOnceAndAgainAfterItChanged() {
    assertEquals(FacilityStatus.ACTIVE, directory.find(7).orElseThrow().status());
    assertEquals(FacilityStatus.ACTIVE, directory.find(7).orElseThrow().status());
    assertEquals(1, loads.get());

    stored = FacilityStatus.SUSPENDED;
    directory.changed(new FacilityChanged(7));

    assertEquals(FacilityStatus.SUSPENDED, directory.find(7).orElseThrow().status());
    assertEquals(2, loads.get());
  }

  @Test
  void aSuspensionThatCommitsWhileTheFacilityIsBeingReadIsNotUndoneByTheRead() {
    directory.snapshots =
        new FacilitySnapshots() {
          @Override
          Optional<FacilitySnapshot> load(long facilityId) {
            loads.incrementAndGet();
            FacilitySnapshot read = snapshot(facilityId, stored);
            if (stored == FacilityStatus.ACTIVE) {
              // the row is read as open; the inspector's suspension commits before the read returns
              stored = FacilityStatus.SUSPENDED;
              directory.changed(new FacilityChanged(facilityId));
            }
            return Optional.of(read);
          }
        };

    assertEquals(FacilityStatus.ACTIVE, directory.find(7).orElseThrow().status());
    assertEquals(
        FacilityStatus.SUSPENDED,
        directory.find(7).orElseThrow().status(),
        "the next scan reads the suspension, not the copy read before it");
  }

  private static FacilitySnapshot snapshot(long id, FacilityStatus status) {
    return new FacilitySnapshot(id, 1, "카페 온기", null, status, "11110", "11", "0800000000");
  }
}
