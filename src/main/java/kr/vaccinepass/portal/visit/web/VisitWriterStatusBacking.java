package kr.vaccinepass.portal.visit.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import kr.vaccinepass.portal.visit.application.VisitQueue;
import kr.vaccinepass.portal.visit.application.VisitQueue.WriterHealth;

/**
 * For the administrators' dashboard: whether this node can write visits now (the check-in writer
 * runs and its last write went well), and since when it cannot.
 */
@Named
@RequestScoped
public class VisitWriterStatusBacking {
  @Inject VisitQueue batcher;

  private WriterHealth health;

  private WriterHealth health() {
    if (health == null) {
      health = batcher.health();
    }
    return health;
  }

  /** Visits cannot be written: the dashboard says so in red. */
  public boolean isFailing() {
    return !health().healthy();
  }

  /** Since when writes fail; null when all is well or the writer thread is not running. */
  public Instant getFailingSince() {
    return health().failingSince();
  }
}
