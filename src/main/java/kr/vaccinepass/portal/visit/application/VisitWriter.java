package kr.vaccinepass.portal.visit.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Optional;
import kr.vaccinepass.portal.visit.domain.Visit;
import kr.vaccinepass.portal.visit.domain.VisitRepository;

/**
 * The check-in path's only writes, each in a transaction of its own, so that an acknowledged visit
 * is committed before the answer leaves. Internal to the visit feature.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class VisitWriter {
  @Inject VisitRepository visits;

  public Visit add(Visit visit) {
    return visits.add(visit);
  }

  /** A batch of QR visits in one transaction (group commit): their ids, null where not stored. */
  public java.util.List<Long> addAll(java.util.List<Visit> batch) {
    return visits.addAll(batch);
  }

  /**
   * The visit an earlier check-in with this nonce recorded (after a restart or on another node).
   */
  public Optional<Visit> byNonce(String nonce) {
    return visits.findByNonce(nonce);
  }

  public Optional<Visit> byCall(String callId) {
    return visits.findCall(callId);
  }

  /** Whether the database answers now (a connection from the pool, validated); no transaction. */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public boolean reachable() {
    return visits.reachable();
  }

  public void addDenials(LocalDate day, long facilityId, String code, long count) {
    visits.addDenials(day, facilityId, code, count);
  }
}
