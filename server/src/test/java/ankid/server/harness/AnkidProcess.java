package ankid.server.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ankid serve} from the built jar as a child process on a free loopback port: started, killed
 * with SIGKILL ({@link Process#destroyForcibly} on Unix), started again on the same base folder.
 */
final class AnkidProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

  private final Path jar;
  private final Path base;
  private final List<String> jvmOptions;
  private Process process;
  private URI url;

  AnkidProcess(Path base, String... jvmOptions) {
    this.jar = jar();
    this.base = base;
    this.jvmOptions = List.of(jvmOptions);
  }

  /** The jar the build made: {@code ankid.jar} (system property, set by the pom), else the module's target. */
  static Path jar() {
    Path jar = Path.of(System.getProperty("ankid.jar", "target/ankid.jar"));
    if (!Files.isRegularFile(jar)) throw new IllegalStateException("no built jar at " + jar.toAbsolutePath());
    return jar;
  }

  Path base() {
    return base;
  }

  Path collection() {
    return base.resolve("User 1").resolve("collection.anki2");
  }

  URI url() {
    return url;
  }

  /** Starts the server and waits until it says where it listens. */
  void start() throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-jar", jar.toString(), "serve", "--base", base.toString(), "--bind", "127.0.0.1", "--port", "0"));
    process = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    CompletableFuture<URI> listening = new CompletableFuture<>();
    Process started = process;
    Thread reader = new Thread(() -> {
      try (BufferedReader err = new BufferedReader(new InputStreamReader(started.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = err.readLine()) != null; ) {
          Matcher m = LISTENING.matcher(line);
          if (m.find()) listening.complete(URI.create(m.group(1) + "/"));
          else if (!listening.isDone()) System.err.println("ankid: " + line);
        }
      } catch (IOException ignored) {
        // the process is gone
      }
      listening.completeExceptionally(new IOException("ankid serve exited without listening"));
    }, "ankid-stderr");
    reader.setDaemon(true);
    reader.start();
    try {
      url = listening.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IOException("ankid serve did not start: " + e.getMessage(), e);
    }
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed or checkpointed. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** The heap and threads of the running server, as the JVM reports them to ps. */
  long residentKilobytes() {
    try {
      Process ps = new ProcessBuilder("ps", "-o", "rss=", "-p", Long.toString(process.pid())).start();
      String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      ps.waitFor();
      return out.isEmpty() ? -1 : Long.parseLong(out);
    } catch (IOException | NumberFormatException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** Stops the server as a user would (SIGTERM: the shutdown hook closes the collection). */
  @Override
  public void close() throws InterruptedException {
    if (process == null || !process.isAlive()) return;
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
  }
}
