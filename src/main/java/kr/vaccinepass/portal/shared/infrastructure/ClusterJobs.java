package kr.vaccinepass.portal.shared.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;

/**
 * Scheduled work that runs once per cluster, on whichever node gets to it, with PostgreSQL's row
 * locks as the arbiter (table cluster_job). Every node's schedule asks often (each minute); the
 * node that locks the job's row ({@code for update skip locked}: the others do not wait, they skip)
 * and finds the last run older than the job's period runs the work inside that transaction, then
 * records the run. When that node dies mid-run its connection closes, PostgreSQL ends the
 * transaction (the work's half done with it: nothing of it commits), and the next node to ask runs
 * the job again. Periods are measured on the database's clock, so nodes' clocks (and the demo
 * clock) do not matter.
 */
@ApplicationScoped
public class ClusterJobs {
  @PersistenceContext EntityManager em;

  /**
   * Runs the work here when no other node is running this job and its last run ended at least
   * {@code every} ago (at once for {@link Duration#ZERO}); the work joins this method's
   * transaction, so it commits with the record of the run or not at all.
   *
   * @return whether the work ran here
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean runIfDue(String job, Duration every, Runnable work) {
    em.createNativeQuery("insert into cluster_job (name) values (?1) on conflict do nothing")
        .setParameter(1, job)
        .executeUpdate();
    List<?> due =
        em.createNativeQuery(
                "select 1 from cluster_job where name = ?1 and (last_run_at is null"
                    + " or last_run_at <= now() - make_interval(secs => ?2))"
                    + " for update skip locked")
            .setParameter(1, job)
            .setParameter(2, (double) every.toMillis() / 1000)
            .getResultList();
    if (due.isEmpty()) {
      return false;
    }
    work.run();
    em.createNativeQuery(
            "update cluster_job set last_run_at = clock_timestamp(), last_node = ?2"
                + " where name = ?1")
        .setParameter(1, job)
        .setParameter(2, System.getProperty("jboss.node.name", "portal"))
        .executeUpdate();
    return true;
  }
}
