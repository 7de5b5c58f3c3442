package ankid.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./ankid serve} started as a user starts it (the launcher, its JVM settings) on a base
 * folder, on a free loopback port. Reads the process's CPU time and peak resident memory from
 * {@code /proc}; the launcher {@code exec}s the JVM, so the child's pid is the server's.
 */
final class AnkidServer implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");
  private static final long CLOCK_TICKS_PER_SECOND = 100;

  private final Process process;
  private final int port;
  private final double startupMs;
  private double startupCpuMs;

  private AnkidServer(Process process, int port, double startupMs) {
    this.process = process;
    this.port = port;
    this.startupMs = startupMs;
  }

  /** Starts the server and waits for its first answer to {@code version}. */
  static AnkidServer start(Path repo, Path base) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process p = new ProcessBuilder(List.of(repo.resolve("ankid").toString(), "serve", "--base", base.toString(),
        "--bind", "127.0.0.1", "--port", "0"))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread drain = new Thread(() -> {
      try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line = err.readLine(); line != null; line = err.readLine()) {
          Matcher m = LISTENING.matcher(line);
          if (m.find()) port.complete(Integer.parseInt(m.group(1)));
          else System.err.println("  ankid: " + line);
        }
      } catch (IOException ignored) {
        // the server went away
      }
      port.completeExceptionally(new IOException("ankid serve stopped before listening"));
    }, "ankid-stderr");
    drain.setDaemon(true);
    drain.start();
    int bound;
    try {
      bound = port.get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      p.destroyForcibly();
      throw new IOException("ankid serve did not start: " + e.getMessage(), e);
    }
    try (HttpConnection c = new HttpConnection(bound)) {
      c.post("{\"action\":\"version\",\"version\":6}");
    }
    AnkidServer server = new AnkidServer(p, bound, (System.nanoTime() - start) / 1e6);
    server.startupCpuMs = server.cpuMs();
    return server;
  }

  int port() {
    return port;
  }

  /** From spawning the launcher to the first reply. */
  double startupMs() {
    return startupMs;
  }

  /** CPU time the process had used when it first answered (the launcher's shell included). */
  double startupCpuMs() {
    return startupCpuMs;
  }

  /** User plus system CPU time of the whole server process so far (10 ms resolution). */
  double cpuMs() throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return ticks * 1000.0 / CLOCK_TICKS_PER_SECOND;
  }

  /** The most memory the process has had resident (VmHWM), in MB. */
  double peakRssMb() throws IOException {
    return statusKb("VmHWM:") / 1024.0;
  }

  double rssMb() throws IOException {
    return statusKb("VmRSS:") / 1024.0;
  }

  private long statusKb(String key) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith(key)) return Long.parseLong(line.substring(key.length()).replace("kB", "").trim());
    }
    throw new IOException(key + " not in /proc status");
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
  }
}
