package app.courtesy.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The benchmark's local mail server: speaks just enough SMTP on 127.0.0.1 to accept every email,
 * and keeps each one's raw text. A mailbox server (GreenMail) parses and files every email and
 * takes fewer per second than a dispatcher sends; this one measures the sender, not itself.
 */
final class SmtpSink implements AutoCloseable {

  private final ServerSocket server;
  private final ExecutorService connections = Executors.newCachedThreadPool();
  private final Queue<byte[]> received = new ConcurrentLinkedQueue<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  SmtpSink(int port) throws IOException {
    server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    connections.submit(this::accept);
  }

  /** The raw text of every email accepted so far. */
  List<byte[]> received() {
    return new ArrayList<>(received);
  }

  void clear() {
    received.clear();
  }

  /** Stops listening and hangs up on the senders, who keep their connections open otherwise. */
  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : open) {
      socket.close();
    }
    connections.shutdownNow();
  }

  private Void accept() throws IOException {
    while (!server.isClosed()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException closed) {
        return null;
      }
      socket.setTcpNoDelay(true);
      open.add(socket);
      connections.submit(() -> converse(socket));
    }
    return null;
  }

  private Void converse(Socket socket) throws IOException {
    try (socket;
        InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream()) {
      reply(out, "220 127.0.0.1 ESMTP benchmark sink");
      for (String line = line(in); line != null; line = line(in)) {
        String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase();
        switch (command) {
          case "EHLO" -> reply(out, "250-127.0.0.1\r\n250 8BITMIME");
          case "DATA" -> {
            reply(out, "354 End data with <CR><LF>.<CR><LF>");
            received.add(data(in));
            reply(out, "250 OK accepted");
          }
          case "QUIT" -> {
            reply(out, "221 Bye");
            open.remove(socket);
            return null;
          }
          case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
          default -> reply(out, "502 Command not implemented");
        }
      }
    }
    return null;
  }

  /** The email's text up to the lone dot, with dot-stuffing undone. */
  private static byte[] data(InputStream in) throws IOException {
    ByteArrayOutputStream email = new ByteArrayOutputStream(8192);
    for (String line = line(in); line != null && !line.equals("."); line = line(in)) {
      email.writeBytes(
          (line.startsWith("..") ? line.substring(1) : line).getBytes(StandardCharsets.UTF_8));
      email.writeBytes(new byte[] {'\r', '\n'});
    }
    return email.toByteArray();
  }

  /** A line without its CRLF; null at the end of the stream. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    for (int b = in.read(); b != -1; b = in.read()) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
          length--;
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
      }
      line.write(b);
    }
    return null;
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
