package kr.vaccinepass.portal.visit.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import kr.vaccinepass.portal.visit.domain.DeviceKey;
import kr.vaccinepass.portal.visit.domain.VisitRepository;

/** Reads a device key for {@link DeviceKeys}, in a transaction of its own. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
class DeviceKeyLookup {
  @Inject VisitRepository visits;

  DeviceKey byHash(String hash) {
    return visits.findDeviceKeyByHash(hash).orElse(null);
  }
}
