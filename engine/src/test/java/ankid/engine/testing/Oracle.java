package ankid.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code ../shared/oracle/anki-oracle} (the real Anki 2.1.66 engine). One-shot calls via
 * {@link #run}; many calls through one JVM via {@link #batch()}. Call {@link SharedFiles#require()}
 * first so tests skip cleanly without ../shared.
 */
public final class Oracle {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The exit status and the parsed stdout of one call. */
  public record Result(int exit, JsonNode json) {
    public JsonNode ok() {
      if (exit != 0) throw new AssertionError("anki-oracle failed (" + exit + "): " + json);
      return json;
    }
  }

  private Oracle() {}

  public static Path launcher() {
    return SharedFiles.require().resolve("oracle").resolve("anki-oracle");
  }

  public static Result run(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(launcher().toString());
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("anki-oracle timed out: " + cmd);
      }
      String text = new String(out, StandardCharsets.UTF_8).trim();
      JsonNode json;
      if (text.isEmpty()) {
        json = JSON.nullNode();
      } else if (text.indexOf('\n') >= 0 && !text.startsWith("[")) {
        ArrayNode lines = JSON.createArrayNode();
        for (String line : text.split("\n")) lines.add(JSON.readTree(line));
        json = lines;
      } else {
        json = JSON.readTree(text);
      }
      return new Result(p.exitValue(), json);
    } catch (IOException e) {
      throw new AssertionError("anki-oracle could not run: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A long-lived {@code anki-oracle batch} process: one engine for many commands. */
  public static Batch batch() {
    return new Batch();
  }

  public static final class Batch implements AutoCloseable {
    private final Process process;
    private final BufferedWriter in;
    private final BufferedReader out;

    private Batch() {
      try {
        process = new ProcessBuilder(launcher().toString(), "batch")
            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new AssertionError("anki-oracle batch could not start: " + e, e);
      }
    }

    public synchronized Result call(String... args) {
      try {
        ArrayNode line = JSON.createArrayNode();
        for (String a : args) line.add(a);
        in.write(JSON.writeValueAsString(line));
        in.write('\n');
        in.flush();
        String reply = out.readLine();
        if (reply == null) throw new AssertionError("anki-oracle batch ended early");
        JsonNode node = JSON.readTree(reply);
        return new Result(node.path("exit").asInt(), node.get("result"));
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }

    @Override
    public void close() {
      try {
        in.close();
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (IOException | InterruptedException ignored) {
      } finally {
        process.destroy();
      }
    }
  }
}
