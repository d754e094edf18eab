package app.courtesy.notifications;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP server on 127.0.0.1 that takes 8BITMIME, takes the envelope and then hangs up at a chosen
 * moment: at the DATA command (nothing handed over yet), or after the final dot of the message,
 * having kept it, without ever answering it (the "250 OK" that never came); or never, answering
 * each message as a healthy server does.
 */
public final class FaultySmtpServer implements AutoCloseable {

  /** When the server hangs up. */
  public enum Drop {
    AT_DATA,
    AFTER_THE_FINAL_DOT,
    NEVER
  }

  private final ServerSocket socket;
  private final Drop drop;
  private final List<String> kept = new CopyOnWriteArrayList<>();
  private final List<String> envelopes = new CopyOnWriteArrayList<>();
  private final Thread serving;

  public FaultySmtpServer(Drop drop) throws IOException {
    this(drop, 0);
  }

  /** On {@code port} of 127.0.0.1 (0: any free one). */
  public FaultySmtpServer(Drop drop, int port) throws IOException {
    this.drop = drop;
    socket = new ServerSocket(port, 5, InetAddress.getLoopbackAddress());
    serving = new Thread(this::serve, "faulty-smtp");
    serving.setDaemon(true);
    serving.start();
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** The messages it kept (those whose final dot it read), as sent. */
  public List<String> kept() {
    return kept;
  }

  /** The MAIL commands it was sent, with their parameters (e.g. {@code BODY=8BITMIME}). */
  public List<String> envelopes() {
    return envelopes;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        converse(client);
      } catch (IOException closed) {
        // the test is over, or the client went
      }
    }
  }

  private void converse(Socket client) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
    OutputStream out = client.getOutputStream();
    say(out, "220 faulty.test ESMTP");
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String command = line.toUpperCase(java.util.Locale.ROOT);
      if (command.startsWith("DATA")) {
        if (drop == Drop.AT_DATA) {
          return;
        }
        say(out, "354 go ahead");
        StringBuilder message = new StringBuilder();
        for (String text = in.readLine(); text != null && !text.equals("."); text = in.readLine()) {
          message.append(text).append('\n');
        }
        kept.add(message.toString());
        if (drop == Drop.AFTER_THE_FINAL_DOT) {
          return;
        }
        say(out, "250 ok");
        continue;
      }
      if (command.startsWith("MAIL")) {
        envelopes.add(line);
      }
      say(
          out,
          command.startsWith("EHLO")
              ? "250-faulty.test\r\n250 8BITMIME"
              : command.startsWith("QUIT") ? "221 bye" : "250 ok");
    }
  }

  private static void say(OutputStream out, String reply) throws IOException {
    out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }
}
