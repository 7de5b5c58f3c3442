package ankid.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Python's {@code bytes.decode('utf-8')}, which AnkiConnect applies to every body before parsing
 * it: the same bytes are refused (overlong forms, surrogates, beyond U+10FFFF; a BOM is kept) with
 * the same {@code UnicodeDecodeError} text ({@code Objects/stringlib/codecs.h, utf8_decode} and
 * {@code Objects/unicodeobject.c, unicode_decode_utf8}).
 */
final class PythonUtf8 {
  private PythonUtf8() {}

  static String decode(byte[] bytes) throws PythonValueError {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw firstError(bytes);
    }
  }

  /** The error CPython reports: its reason and the byte range it blames. */
  private static PythonValueError firstError(byte[] bytes) {
    int i = 0;
    while (i < bytes.length) {
      int lead = bytes[i] & 0xFF;
      if (lead < 0x80) {
        i++;
        continue;
      }
      if (lead < 0xC2 || lead > 0xF4) return error(bytes, i, i + 1, "invalid start byte");
      int length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      for (int k = 1; k < length; k++) {
        if (i + k == bytes.length) return error(bytes, i, bytes.length, "unexpected end of data");
        if (!isContinuation(lead, k, bytes[i + k] & 0xFF)) return error(bytes, i, i + k, "invalid continuation byte");
      }
      i += length;
    }
    throw new IllegalStateException("Java and Python disagree on a UTF-8 error");
  }

  /** The second byte's range is narrower after E0, ED, F0 and F4 (no overlong forms, surrogates or > U+10FFFF). */
  private static boolean isContinuation(int lead, int k, int b) {
    if (b < 0x80 || b > 0xBF) return false;
    if (k > 1) return true;
    return switch (lead) {
      case 0xE0 -> b >= 0xA0;
      case 0xED -> b < 0xA0;
      case 0xF0 -> b >= 0x90;
      case 0xF4 -> b < 0x90;
      default -> true;
    };
  }

  private static PythonValueError error(byte[] bytes, int start, int end, String reason) {
    String where = end - start == 1
        ? String.format("byte 0x%02x in position %d", bytes[start] & 0xFF, start)
        : String.format("bytes in position %d-%d", start, end - 1);
    return new PythonValueError("'utf-8' codec can't decode " + where + ": " + reason);
  }
}
