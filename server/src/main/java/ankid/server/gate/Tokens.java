package ankid.server.gate;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Confirmation tokens: 128 random bits each, bound to one request's digest, valid once, until
 * they expire. A token is consumed only when it confirms the request it was issued for, so a
 * client that sends it with changed parameters learns so and can still confirm the original.
 */
public final class Tokens {
  /** Past this many outstanding tokens, expired ones are swept before issuing more. */
  private static final int SWEEP_AT = 1_000;

  /** Why a token did not confirm a request. */
  public enum Verdict {
    CONFIRMED,
    EXPIRED,
    UNKNOWN,
    OTHER_REQUEST;

    /** The reason in words, for the reply that asks again. */
    public String reason() {
      return switch (this) {
        case CONFIRMED -> "";
        case EXPIRED -> "the confirmation token has expired";
        case UNKNOWN -> "the confirmation token is not valid (already used, or never issued)";
        case OTHER_REQUEST -> "the confirmation token was issued for a different request";
      };
    }
  }

  private record Issued(String digest, Instant expires) {}

  private final Map<String, Issued> issued = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final Duration lifetime;

  public Tokens(Clock clock, Duration lifetime) {
    this.clock = clock;
    this.lifetime = lifetime;
  }

  public Duration lifetime() {
    return lifetime;
  }

  /** A new token that confirms exactly the request with this digest. */
  public String issue(String digest) {
    if (issued.size() >= SWEEP_AT) {
      Instant now = clock.instant();
      issued.values().removeIf(i -> !i.expires().isAfter(now));
    }
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    issued.put(token, new Issued(digest, clock.instant().plus(lifetime)));
    return token;
  }

  /** Checks a token against a request, consuming it when it confirms. */
  public Verdict redeem(String token, String digest) {
    Issued i = issued.get(token);
    if (i == null) return Verdict.UNKNOWN;
    if (!i.expires().isAfter(clock.instant())) {
      issued.remove(token, i);
      return Verdict.EXPIRED;
    }
    if (!i.digest().equals(digest)) return Verdict.OTHER_REQUEST;
    // remove(key, value) is atomic: of two requests racing with one token, one runs.
    return issued.remove(token, i) ? Verdict.CONFIRMED : Verdict.UNKNOWN;
  }
}
