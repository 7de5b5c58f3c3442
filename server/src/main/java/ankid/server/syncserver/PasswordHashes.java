package ankid.server.syncserver;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-SHA256 password hashes in the PHC string form Anki's sync server stores and checks
 * ({@code $pbkdf2-sha256$i=600000,l=32$salt$hash}, rslib sync/http_server/mod.rs with the pbkdf2
 * crate's defaults), so a hash can move between the two.
 */
public final class PasswordHashes {
  public static final int DEFAULT_ROUNDS = 600_000;
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_IN = Base64.getDecoder();

  private PasswordHashes() {}

  static String hash(char[] password, int rounds) {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    String saltText = B64.encodeToString(salt);
    byte[] derived = derive(password, B64_IN.decode(saltText), rounds, 32);
    return "$pbkdf2-sha256$i=" + rounds + ",l=32$" + saltText + "$" + B64.encodeToString(derived);
  }

  /** Whether {@code password} matches {@code phc}; a malformed hash matches nothing. */
  static boolean verify(char[] password, String phc) {
    String[] parts = phc.split("\\$");
    if (parts.length != 5 || !parts[1].equals("pbkdf2-sha256")) return false;
    int rounds = 0;
    int length = 32;
    for (String param : parts[2].split(",")) {
      String[] kv = param.split("=", 2);
      if (kv.length != 2) return false;
      try {
        if (kv[0].equals("i")) rounds = Integer.parseInt(kv[1]);
        else if (kv[0].equals("l")) length = Integer.parseInt(kv[1]);
      } catch (NumberFormatException e) {
        return false;
      }
    }
    if (rounds <= 0 || length <= 0 || length > 64) return false;
    try {
      byte[] expected = B64_IN.decode(parts[4]);
      byte[] actual = derive(password, B64_IN.decode(parts[3]), rounds, length);
      return MessageDigest.isEqual(expected, actual);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] derive(char[] password, byte[] salt, int rounds, int length) {
    try {
      // SunJCE's PBKDF2 feeds the password to HMAC as UTF-8, as the pbkdf2 crate does with &str
      PBEKeySpec spec = new PBEKeySpec(password, salt, rounds, length * 8);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2 is not available", e);
    }
  }
}
