package kr.vaccinepass.portal.shared.infrastructure;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import kr.vaccinepass.portal.shared.infrastructure.SchemaMigration.SchemaReady;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Change notices between the nodes of a cluster, carried by PostgreSQL's LISTEN/NOTIFY: a notice
 * sent inside a transaction reaches every node (this one included) when that transaction commits,
 * and never when it rolls back; the receiving node hears it within milliseconds and fires a {@link
 * Notice} to its observers, which drop or reload their copy. The database every node already shares
 * is the bus, so a node needs no other membership to hear of a change.
 *
 * <p>Each node holds one connection of its pool for listening. When that connection breaks (the
 * database restarted), the listener connects again every second, and on every connection it fires
 * {@link Notice#everything()}: what was sent while it was deaf is lost, so every copy is dropped.
 * The caches' own expiry (a minute) stays as the last resort.
 */
@ApplicationScoped
public class ClusterNotices {
  private static final Logger LOG = Logger.getLogger(ClusterNotices.class.getName());

  static final String CHANNEL = "portal_changes";

  /** How long one wait for notices lasts; also how soon the listener sees it must stop. */
  private static final int WAIT_MILLIS = 500;

  /** A liveness query this often, so that a dead connection is found even when all is quiet. */
  private static final long PING_MILLIS = 10_000;

  @PersistenceContext EntityManager em;

  @Resource(lookup = "java:jboss/datasources/PortalDS")
  DataSource dataSource;

  @Resource ManagedThreadFactory threads;

  @Inject Event<Notice> heard;

  private volatile boolean running;
  private volatile boolean listening;
  private final CountDownLatch firstConnection = new CountDownLatch(1);
  private Thread listener;

  /**
   * A change on some node: its topic (whose copy) and subject (which entry), or everything when
   * this node may have missed notices.
   */
  public record Notice(String topic, String subject) {
    private static final Notice EVERYTHING = new Notice("*", "");

    public static Notice everything() {
      return EVERYTHING;
    }

    /** Whether an observer of that topic must act on this notice. */
    public boolean concerns(String aTopic) {
      return this == EVERYTHING || topic.equals(aTopic);
    }

    /** Whether the whole copy is to be dropped rather than one entry. */
    public boolean isEverything() {
      return this == EVERYTHING;
    }

    static Notice parse(String payload) {
      int colon = payload.indexOf(':');
      return colon < 0
          ? new Notice(payload, "")
          : new Notice(payload.substring(0, colon), payload.substring(colon + 1));
    }
  }

  /**
   * Tells every node, when the caller's transaction commits, that the subject of that topic has
   * changed. Topic and subject are names and keys, never personal data (any database session may
   * listen).
   */
  public void send(String topic, String subject) {
    em.createNativeQuery("select count(*) from (select pg_notify(?1, ?2)) as sent")
        .setParameter(1, CHANNEL)
        .setParameter(2, topic + ":" + subject)
        .getSingleResult();
  }

  void start(@Observes SchemaReady ready) {
    running = true;
    listener = threads.newThread(this::listen);
    listener.setName("portal-cluster-notices");
    listener.setDaemon(true);
    listener.start();
  }

  @PreDestroy
  void stop() {
    running = false;
    if (listener != null) {
      listener.interrupt();
      try {
        listener.join(2 * WAIT_MILLIS + 1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Whether this node is hearing notices now (for the health page and tests). */
  public boolean isListening() {
    return listening;
  }

  /** Waits until the listener has connected once; for tests. */
  public boolean awaitListening(long millis) throws InterruptedException {
    return firstConnection.await(millis, TimeUnit.MILLISECONDS) && listening;
  }

  private void listen() {
    boolean warned = false;
    while (running) {
      try (Connection connection = dataSource.getConnection()) {
        PGConnection pg = connection.unwrap(PGConnection.class);
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        listening = true;
        firstConnection.countDown();
        if (warned) {
          LOG.info("Cluster notices heard again; every cached copy is dropped");
          warned = false;
        }
        deliver(Notice.everything());
        long pinged = System.currentTimeMillis();
        while (running) {
          PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
          if (notifications != null) {
            for (PGNotification n : notifications) {
              deliver(Notice.parse(n.getParameter()));
            }
          }
          if (System.currentTimeMillis() - pinged > PING_MILLIS) {
            try (Statement statement = connection.createStatement()) {
              statement.execute("select 1");
            }
            pinged = System.currentTimeMillis();
          }
        }
      } catch (SQLException | RuntimeException e) {
        listening = false;
        if (!running) {
          return;
        }
        if (!warned) {
          LOG.log(
              Level.WARNING,
              "Cluster notices not heard (the database is out of reach); trying every second",
              e);
          warned = true;
        }
        try {
          Thread.sleep(1000);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
    listening = false;
  }

  private void deliver(Notice notice) {
    try {
      heard.fire(notice);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "A cluster notice was not acted on: " + notice, e);
    }
  }
}
