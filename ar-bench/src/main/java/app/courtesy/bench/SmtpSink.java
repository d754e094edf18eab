package app.courtesy.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark's and the fault suite's local mail server: speaks just enough SMTP on 127.0.0.1 to
 * accept every email, and keeps each one's raw text. A mailbox server (GreenMail) parses and files
 * every email and takes fewer per second than a dispatcher sends; this one measures the sender, not
 * itself. For the fault suite it also fails as mail servers do: it keeps an email and hangs up
 * before answering it ({@link #dropAfterData}), or goes away altogether ({@link #outage}) and comes
 * back ({@link #resume}).
 */
final class SmtpSink implements AutoCloseable {

  private final int port;
  private final long delayMillis;
  private final ExecutorService connections = Executors.newCachedThreadPool();
  private final Queue<byte[]> received = new ConcurrentLinkedQueue<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger drops = new AtomicInteger();
  private volatile ServerSocket server;

  SmtpSink(int port) throws IOException {
    this(port, 0);
  }

  /** A server that waits {@code delayMillis} before each answer, as one across a network would. */
  SmtpSink(int port, long delayMillis) throws IOException {
    this.port = port;
    this.delayMillis = delayMillis;
    resume();
  }

  /** Keeps the next {@code emails} emails and hangs up after each one's final dot, unanswered. */
  void dropAfterData(int emails) {
    drops.set(emails);
  }

  /**
   * Stops listening and hangs up on every sender: connections are refused until {@link #resume}.
   */
  void outage() throws IOException {
    server.close();
    for (Socket socket : open) {
      socket.close();
    }
  }

  /** Listens (again) on the port. */
  void resume() throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    server = socket;
    connections.submit(() -> accept(socket));
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
    outage();
    connections.shutdownNow();
  }

  private Void accept(ServerSocket server) {
    while (!server.isClosed()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException closed) {
        return null;
      }
      try {
        socket.setTcpNoDelay(true);
      } catch (IOException closed) {
        continue;
      }
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
            byte[] email = data(in);
            if (email == null) {
              // the sender went away before the lone dot: as any mail server, keep nothing
              open.remove(socket);
              return null;
            }
            received.add(email);
            if (drops.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
              open.remove(socket);
              return null;
            }
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

  /**
   * The email's text up to the lone dot, with dot-stuffing undone; null when the connection ended
   * before it (a sender killed while sending), so half an email is never taken for one.
   */
  private static byte[] data(InputStream in) throws IOException {
    ByteArrayOutputStream email = new ByteArrayOutputStream(8192);
    for (String line = line(in); line != null; line = line(in)) {
      if (line.equals(".")) {
        return email.toByteArray();
      }
      email.writeBytes(
          (line.startsWith("..") ? line.substring(1) : line).getBytes(StandardCharsets.UTF_8));
      email.writeBytes(new byte[] {'\r', '\n'});
    }
    return null;
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

  private void reply(OutputStream out, String text) throws IOException {
    if (delayMillis > 0) {
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("Stopped while answering", e);
      }
    }
    out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
