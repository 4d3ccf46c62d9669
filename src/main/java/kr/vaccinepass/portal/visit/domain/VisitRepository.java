package kr.vaccinepass.portal.visit.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kr.vaccinepass.portal.shared.domain.PageRequest;

/** Where visits, device keys and refusal counts are kept. */
public interface VisitRepository {
  /** Stores a visit and flushes, so a duplicate nonce or call id fails here. */
  Visit add(Visit visit);

  Optional<Visit> find(long id);

  Optional<Visit> findByNonce(String nonce);

  Optional<Visit> findCall(String callId);

  /** The facility's visits at or after {@code since}, filtered and sorted. */
  List<Visit> list(long facilityId, Instant since, VisitFilter filter, PageRequest page);

  long count(long facilityId, Instant since, VisitFilter filter);

  /** Admitted check-ins of the facility per KST hour of that day (24 entries). */
  long[] perHour(long facilityId, LocalDate day);

  /** Destroys every visit before that instant; the number destroyed. */
  int deleteBefore(Instant cutoff);

  void addDenials(LocalDate day, long facilityId, String code, long count);

  long denials(LocalDate day, long facilityId, String code);

  /** Refused check-ins of the facility on that day, all codes together. */
  long denials(LocalDate day, long facilityId);

  DeviceKey add(DeviceKey key);

  Optional<DeviceKey> findDeviceKey(long id);

  Optional<DeviceKey> findDeviceKeyByHash(String secretHash);

  List<DeviceKey> deviceKeys(long facilityId);
}
