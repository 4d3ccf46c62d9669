package kr.vaccinepass.portal.devtools.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The machine's lock for heavy runs ({@code /tmp/arquillian.lock}), held while the benchmark
 * measures, so that it neither disturbs nor is disturbed by another {@code mvn verify} run under
 * {@code flock}. Taken with the flock(1) command, not {@link java.nio.channels.FileLock}: on Linux
 * a Java lock is an fcntl record lock, which does not exclude a flock(2) lock. The child process
 * holds the lock until its standard input closes, so the lock goes with this JVM even if it is
 * killed.
 */
final class BenchLock implements AutoCloseable {
  private final Process holder;

  private BenchLock(Process holder) {
    this.holder = holder;
  }

  /** Waits for the lock (saying so when another run holds it) and holds it until closed. */
  static BenchLock acquire(String file) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder("flock", file, "sh", "-c", "echo locked; exec cat >/dev/null")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    long start = System.nanoTime();
    Thread waiting =
        new Thread(
            () -> {
              try {
                Thread.sleep(2000);
                Log.say("Waiting for " + file + " (another run holds it) ...");
              } catch (InterruptedException e) {
                // got it first
              }
            },
            "lock-notice");
    waiting.setDaemon(true);
    waiting.start();
    String line = out.readLine();
    waiting.interrupt();
    if (!"locked".equals(line)) {
      process.destroy();
      throw new IOException("flock " + file + " failed (exit " + process.waitFor() + ")");
    }
    long waited = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    if (waited >= 2) {
      Log.say("Got " + file + " after " + waited + " s");
    }
    return new BenchLock(process);
  }

  @Override
  public void close() {
    try {
      holder.getOutputStream().close();
      if (!holder.waitFor(5, TimeUnit.SECONDS)) {
        holder.destroy();
      }
    } catch (IOException e) {
      holder.destroy();
    } catch (InterruptedException e) {
      holder.destroy();
      Thread.currentThread().interrupt();
    }
  }
}
