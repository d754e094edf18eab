package app.courtesy.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An ERP's webhook endpoint on 127.0.0.1: keeps every post it gets and answers each with the status
 * it is told to (200 unless told otherwise). Started and stopped by the test, so a test can have it
 * down, or up and failing, and then well again.
 */
public final class Receiver implements AutoCloseable {

  /** One post as it arrived. */
  public record Post(Map<String, String> headers, String body, int answered) {

    public String header(String name) {
      return headers.get(name.toLowerCase());
    }
  }

  private final int port;
  private final List<Post> posts = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private HttpServer server;

  public Receiver(int port) {
    this.port = port;
  }

  public String url() {
    return "http://127.0.0.1:" + port + "/courtesy-events";
  }

  /** Starts listening; posts are answered with the status set last. */
  public Receiver start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext(
        "/",
        exchange -> {
          String body;
          try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          Map<String, String> headers = new java.util.TreeMap<>();
          exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
          int answer = status;
          posts.add(new Post(headers, body, answer));
          exchange.sendResponseHeaders(answer, -1);
          exchange.close();
        });
    server.start();
    return this;
  }

  /** Answers the posts from now on with {@code status}. */
  public Receiver answering(int status) {
    this.status = status;
    return this;
  }

  public List<Post> posts() {
    return List.copyOf(posts);
  }

  /** The posts answered 2xx. */
  public List<Post> accepted() {
    return posts.stream().filter(p -> p.answered() >= 200 && p.answered() < 300).toList();
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }
}
