package app.courtesy.web.portal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How often one client address may open customers' pages: {@code
 * AR_SELF_SERVICE_LOOKUPS_PER_MINUTE} (60 unless configured) at once, then as many again each
 * minute, so nobody can try tokens by the thousand while a person clicking through their page never
 * notices. Kept per node, in memory; the table starts afresh when it holds {@value #MAX_ADDRESSES}
 * addresses.
 */
@ApplicationScoped
public class PortalThrottle {

  private static final int MAX_ADDRESSES = 50_000;

  @Inject
  @ConfigProperty(name = "ar.self-service.lookups-per-minute", defaultValue = "60")
  private int perMinute;

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** Whether a request from {@code address} may go ahead now. */
  public boolean allow(String address) {
    if (buckets.size() >= MAX_ADDRESSES) {
      buckets.clear();
    }
    return buckets.computeIfAbsent(address, a -> bucket()).tryConsume(1);
  }

  private Bucket bucket() {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(perMinute)
                .refillGreedy(perMinute, Duration.ofMinutes(1))
                .build())
        .build();
  }
}
