package app.courtesy.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Payara Server domain as domain.sh provisions it: nothing listens beyond the machine, the
 * admin interface wants the admin password, and no answer names the server or its version.
 */
class PlatformIT {

  /** The folder that holds the system tests' domain, and its name. */
  private static final Path DOMAINS =
      Path.of(System.getProperty("courtesy.domain.dir", "target/it-domains"));

  private static final String DOMAIN = "courtesy";
  private static final int ADMIN_PORT =
      Integer.parseInt(System.getProperty("courtesy.port.base", "20000")) + 48;

  /** A listening socket: its local address and port. */
  private record Listener(InetAddress address, int port) {
    @Override
    public String toString() {
      return address.getHostAddress() + ":" + port;
    }
  }

  @Test
  void theServerListensOnLoopbackOnly() throws IOException {
    long pid = Long.parseLong(Files.readString(DOMAINS.resolve(DOMAIN + "/config/pid")).trim());

    List<Listener> listeners = listeners(pid);

    assertThat(listeners)
        .as("sockets the server (pid %d) listens on", pid)
        .isNotEmpty()
        .extracting(Listener::port)
        .contains(URI.create(Courtesy.URL).getPort(), ADMIN_PORT);
    assertThat(listeners)
        .as("sockets the server (pid %d) listens on beyond 127.0.0.1", pid)
        .filteredOn(listener -> !listener.address().isLoopbackAddress())
        .isEmpty();
  }

  @Test
  void theAdminInterfaceRefusesAnAnonymousCaller() throws Exception {
    String applications = "http://127.0.0.1:" + ADMIN_PORT + "/management/domain/applications";

    HttpResponse<String> anonymous = admin(applications, null);
    HttpResponse<String> wrongPassword = admin(applications, "admin:not-the-password");

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(wrongPassword.statusCode()).isEqualTo(401);
  }

  @Test
  void theAdminPasswordIsGeneratedIntoAFileOnlyItsOwnerReads() throws Exception {
    Path file = DOMAINS.resolve(DOMAIN + ".admin-password");
    String password =
        Files.readAllLines(file).stream()
            .filter(line -> line.startsWith("AS_ADMIN_PASSWORD="))
            .map(line -> line.substring("AS_ADMIN_PASSWORD=".length()))
            .findFirst()
            .orElseThrow();

    HttpResponse<String> admin =
        admin(
            "http://127.0.0.1:" + ADMIN_PORT + "/management/domain/applications",
            "admin:" + password);

    assertThat(Files.getPosixFilePermissions(file))
        .containsOnly(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(password).hasSizeGreaterThanOrEqualTo(24);
    assertThat(admin.statusCode()).isEqualTo(200);
  }

  @Test
  void answersDoNotNameTheServerOrItsVersion() {
    Courtesy collector = Courtesy.signedIn("collector", Courtesy.COLLECTOR_PASSWORD);
    List<HttpResponse<String>> answers =
        List.of(
            Courtesy.anonymous().get("/login.xhtml"),
            collector.get("/work/"),
            Courtesy.anonymous().get("/api/v1/me", "integration", Courtesy.INTEGRATION_PASSWORD),
            Courtesy.anonymous().get("/api/v1/me"),
            Courtesy.anonymous().get("/no-such-page"),
            Courtesy.anonymous().get("/health/ready"));

    for (HttpResponse<String> answer : answers) {
      assertThat(answer.headers().map().keySet())
          .as("headers of %s", answer.uri())
          .noneMatch(name -> name.equalsIgnoreCase("Server"))
          .noneMatch(name -> name.equalsIgnoreCase("X-Powered-By"));
    }
  }

  private static HttpResponse<String> admin(String url, String credentials) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("X-Requested-By", "courtesy-tests")
            .header("Accept", "application/json");
    if (credentials != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(request.GET().build(), BodyHandlers.ofString());
  }

  /**
   * The TCP sockets process {@code pid} listens on, as the kernel lists them: the socket inodes
   * among its open files ({@code /proc/<pid>/fd}), looked up in its network namespace's tables
   * ({@code /proc/<pid>/net/tcp} and {@code tcp6}). Needs nothing installed.
   */
  private static List<Listener> listeners(long pid) throws IOException {
    Path process = Path.of("/proc", Long.toString(pid));
    Set<String> sockets = new HashSet<>();
    try (Stream<Path> fds = Files.list(process.resolve("fd"))) {
      for (Path fd : fds.toList()) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            sockets.add(target.substring("socket:[".length(), target.length() - 1));
          }
        } catch (IOException closedMeanwhile) {
          // a file the server closed while it was listed
        }
      }
    }
    List<Listener> listeners = new ArrayList<>();
    for (String table : List.of("tcp", "tcp6")) {
      Path file = process.resolve("net").resolve(table);
      if (!Files.exists(file)) {
        continue;
      }
      List<String> lines = Files.readAllLines(file);
      for (String line : lines.subList(1, lines.size())) {
        // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
        String[] fields = line.trim().split("\\s+");
        boolean listening = fields[3].equals("0A");
        if (listening && sockets.contains(fields[9])) {
          String[] local = fields[1].split(":");
          listeners.add(new Listener(address(local[0]), Integer.parseInt(local[1], 16)));
        }
      }
    }
    return listeners;
  }

  /** An address as /proc/net/tcp{,6} writes it: 32-bit words in the machine's (little) order. */
  private static InetAddress address(String hex) throws UnknownHostException {
    byte[] raw = HexFormat.of().parseHex(hex);
    for (int word = 0; word < raw.length; word += 4) {
      for (int i = 0; i < 2; i++) {
        byte swap = raw[word + i];
        raw[word + i] = raw[word + 3 - i];
        raw[word + 3 - i] = swap;
      }
    }
    return InetAddress.getByAddress(raw);
  }
}
