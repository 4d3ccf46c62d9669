package kr.vaccinepass.portal.devtools;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** How the run command tells Ctrl-C from a WildFly that died (kill -9 answers exit 0 too). */
class PortalProcessTest {
  private static final Path LOG = Path.of("target/run-standalone/log/console.log");

  @Test
  void aWildFlyThatEndsWhileNobodyAskedDied() {
    // standalone.sh answers 0 after its server's JVM was killed with kill -9
    PortalProcess.Ending end = PortalProcess.ending(0, false, false, LOG);
    assertTrue(end.unexpected());
    assertTrue(end.message().contains("DIED"), end.message());
    assertTrue(end.message().contains(LOG.toString()), end.message());
  }

  @Test
  void aKilledServerSaysBySignal() {
    PortalProcess.Ending end = PortalProcess.ending(137, false, false, LOG);
    assertTrue(end.unexpected());
    assertTrue(end.message().contains("signal 9"), end.message());
  }

  @Test
  void ctrlCIsAStopNotADeath() {
    assertFalse(PortalProcess.ending(130, false, true, LOG).unexpected());
    assertFalse(PortalProcess.ending(0, false, true, LOG).unexpected());
  }

  @Test
  void aStopAskedForIsAStop() {
    PortalProcess.Ending end = PortalProcess.ending(0, true, false, LOG);
    assertFalse(end.unexpected());
    assertTrue(end.message().startsWith("WildFly stopped"), end.message());
  }

  @Test
  void thisJvmIsNotStopping() {
    assertFalse(PortalProcess.jvmStopping());
  }

  @Test
  void aDeadProcessIsReportedAsDiedWhenNobodyStoppedIt() throws Exception {
    // a real process ending by itself: what waitForEnd decides for a WildFly killed from outside
    Process p = new ProcessBuilder("sh", "-c", "kill -9 $$").start();
    int exit = p.waitFor();
    PortalProcess.Ending end = PortalProcess.ending(exit, false, PortalProcess.jvmStopping(), LOG);
    assertTrue(end.unexpected(), end.message());
  }
}
