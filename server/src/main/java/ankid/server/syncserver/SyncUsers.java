package ankid.server.syncserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The sync server's accounts: {@code sync-users.json} in the base folder, one entry per user with
 * a PBKDF2 hash of the password (never the password) and the profile the user syncs. The file is
 * read again when it changes, so {@code ankid user add} works while a server runs.
 */
public final class SyncUsers {
  public static final String FILE = "sync-users.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One account. The host key is derived as Anki's server derives it for hashed passwords. */
  public record User(String name, String passwordHash, String profile) {
    /** rslib http_server/mod.rs derive_hkey: the SHA-1 of "user:hash" in hex. */
    public String hostKey() {
      try {
        byte[] d = MessageDigest.getInstance("SHA-1").digest((name + ":" + passwordHash).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private final Path file;
  private long loadedStamp = Long.MIN_VALUE;
  private List<User> users = List.of();

  public SyncUsers(Path base) {
    this.file = base.resolve(FILE);
  }

  public synchronized List<User> all() {
    reloadIfChanged();
    return users;
  }

  public Optional<User> byHostKey(String hostKey) {
    if (hostKey.isEmpty()) return Optional.empty();
    return all().stream().filter(u -> u.hostKey().equals(hostKey)).findFirst();
  }

  public Optional<User> byName(String name) {
    return all().stream().filter(u -> u.name().equals(name)).findFirst();
  }

  /**
   * The user whose name and password match. An unknown name still costs a hash check against
   * another user's hash, so timing does not tell which names exist (rslib get_host_key).
   */
  public Optional<User> login(String name, String password) {
    List<User> list = all();
    Optional<User> user = list.stream().filter(u -> u.name().equals(name)).findFirst();
    String hash = user.map(User::passwordHash).orElse(list.isEmpty() ? null : list.get(0).passwordHash());
    boolean ok = hash != null && PasswordHashes.verify(password.toCharArray(), hash);
    return user.isPresent() && ok ? user : Optional.empty();
  }

  /** Adds a user, or sets a new password and profile for an existing one. */
  public synchronized void put(String name, char[] password, String profile, int rounds) {
    if (name.isEmpty() || name.contains(":")) throw new IllegalArgumentException("a user name must be non-empty and without ':'");
    List<User> next = new ArrayList<>(all().stream().filter(u -> !u.name().equals(name)).toList());
    next.add(new User(name, PasswordHashes.hash(password, rounds), profile));
    write(next);
  }

  public synchronized boolean remove(String name) {
    List<User> next = all().stream().filter(u -> !u.name().equals(name)).toList();
    if (next.size() == users.size()) return false;
    write(next);
    return true;
  }

  private void write(List<User> list) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode arr = root.putArray("users");
    for (User u : list) arr.addObject().put("name", u.name()).put("passwordHash", u.passwordHash()).put("profile", u.profile());
    try {
      ankid.server.PrivateFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    users = List.copyOf(list);
    loadedStamp = stamp();
  }

  private void reloadIfChanged() {
    long stamp = stamp();
    if (stamp == loadedStamp) return;
    List<User> list = new ArrayList<>();
    if (stamp != -1) {
      try {
        JsonNode root = JSON.readTree(Files.readAllBytes(file));
        for (JsonNode u : root.path("users")) {
          list.add(new User(u.path("name").asText(), u.path("passwordHash").asText(), u.path("profile").asText("User 1")));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    users = List.copyOf(list);
    loadedStamp = stamp;
  }

  private long stamp() {
    try {
      return Files.getLastModifiedTime(file).toMillis() * 31 + Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }
}
