package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ERP's webhook endpoint on 127.0.0.1, as its team would write it: every post is kept with its
 * headers, answered with the status the test sets (200 unless told otherwise), and its signature
 * can be checked with the secret the subscription was given.
 */
final class ErpEndpoint implements AutoCloseable {

  /** One post as it arrived, and what it was answered. */
  record Post(Map<String, String> headers, String body, int answered) {

    String header(String name) {
      return headers.get(name.toLowerCase());
    }

    boolean accepted() {
      return answered >= 200 && answered < 300;
    }

    /** Whether {@code Courtesy-Signature} is the HMAC-SHA256 of "t.body" keyed with the secret. */
    boolean signedWith(String secret) {
      String signature = header("Courtesy-Signature");
      String t = signature.substring(2, signature.indexOf(','));
      return t.equals(header("Courtesy-Timestamp"))
          && signature.equals("t=" + t + ",v1=" + hmac(secret, t + "." + body));
    }
  }

  private final int port;
  private final List<Post> posts = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private HttpServer server;

  ErpEndpoint(int port) {
    this.port = port;
  }

  String url() {
    return "http://127.0.0.1:" + port + "/courtesy-events";
  }

  ErpEndpoint start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext(
        "/",
        exchange -> {
          String body;
          try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          Map<String, String> headers = new TreeMap<>();
          exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
          int answer = status;
          posts.add(new Post(headers, body, answer));
          exchange.sendResponseHeaders(answer, -1);
          exchange.close();
        });
    server.start();
    return this;
  }

  /** Answers every post from now on with {@code status}. */
  ErpEndpoint answering(int status) {
    this.status = status;
    return this;
  }

  List<Post> posts() {
    return List.copyOf(posts);
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  private static String hmac(String secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** Fails unless the post carries a signature made with {@code secret} over its body. */
  static void requireSigned(Post post, String secret) {
    assertThat(post.header("Courtesy-Signature")).as("signature header").startsWith("t=");
    assertThat(post.signedWith(secret)).as("signature of " + post.body()).isTrue();
  }
}
