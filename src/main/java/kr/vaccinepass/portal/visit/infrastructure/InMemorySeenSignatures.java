package kr.vaccinepass.portal.visit.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kr.vaccinepass.portal.visit.application.SeenSignatures;
import kr.vaccinepass.portal.visit.application.WebhookSignature;

/** The {@link SeenSignatures} of this node, in memory, each kept for the freshness window. */
@ApplicationScoped
class InMemorySeenSignatures implements SeenSignatures {
  private final Map<String, Instant> seen = new ConcurrentHashMap<>();

  @Override
  public boolean firstSeen(String signature, Instant now) {
    seen.values().removeIf(t -> t.isBefore(now.minus(WebhookSignature.FRESHNESS)));
    return seen.putIfAbsent(signature, now) == null;
  }

  @Override
  public void forget(String signature) {
    seen.remove(signature);
  }
}
