package ankid.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection to the server, as a client library keeps one: a request is
 * written in one go and the reply read to its last byte (Content-Length or chunked), so the time
 * around {@link #post} is what a client waits. Written by hand because the JDK's HttpClient adds
 * tens of microseconds per request of its own, which would hide the server's time for small
 * requests.
 */
final class HttpConnection implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final byte[] head;

  HttpConnection(int port) throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress("127.0.0.1", port));
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
    head = ("POST / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\nContent-Length: ")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** Sends one request body and returns the whole reply body. */
  byte[] post(byte[] body) throws IOException {
    ByteArrayOutputStream req = new ByteArrayOutputStream(head.length + body.length + 16);
    req.writeBytes(head);
    req.writeBytes((body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    req.writeBytes(body);
    req.writeTo(out);
    out.flush();
    return readReply();
  }

  byte[] post(String body) throws IOException {
    return post(body.getBytes(StandardCharsets.UTF_8));
  }

  private byte[] readReply() throws IOException {
    String status = line();
    if (!status.startsWith("HTTP/1.1 200")) throw new IOException("unexpected reply: " + status);
    long length = -1;
    boolean chunked = false;
    for (String h = line(); !h.isEmpty(); h = line()) {
      int colon = h.indexOf(':');
      String name = h.substring(0, colon).trim();
      String value = h.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) length = Long.parseLong(value);
      if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) chunked = true;
    }
    if (!chunked) {
      if (length < 0) throw new IOException("reply without length");
      return in.readNBytes((int) length);
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int size = chunkSize(); size > 0; size = chunkSize()) {
      body.write(in.readNBytes(size));
      line();
    }
    for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
      // trailers are not used
    }
    return body.toByteArray();
  }

  private int chunkSize() throws IOException {
    String line = line();
    int semi = line.indexOf(';');
    return Integer.parseInt(semi < 0 ? line : line.substring(0, semi), 16);
  }

  private String line() throws IOException {
    StringBuilder sb = new StringBuilder();
    while (true) {
      int b = in.read();
      if (b < 0) throw new EOFException("connection closed");
      if (b == '\n') break;
      if (b != '\r') sb.append((char) b);
    }
    return sb.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
