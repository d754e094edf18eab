package app.courtesy.importing;

import app.courtesy.monitoring.Meters;
import app.courtesy.shared.BusinessException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs imports in the background so a page can show their progress. Each job is known by an id to
 * the node that runs it, until the server restarts; what the import wrote stays in the database
 * either way.
 */
@ApplicationScoped
public class ImportJobs {

  private static final Logger LOG = Logger.getLogger(ImportJobs.class.getName());

  /** Where a job stands; {@code report} or {@code error} once it has finished. */
  public record Status(int percent, String step, ImportReport report, String error) {

    public boolean isFinished() {
      return report != null || error != null;
    }
  }

  @Resource private ManagedExecutorService executor;
  @Inject private InvoiceImport importer;
  @Inject private Meters meters;

  private final Map<String, Status> jobs = new ConcurrentHashMap<>();

  public String start(byte[] file, InvoiceMapping mapping, ImportMode mode) {
    String id = UUID.randomUUID().toString();
    jobs.put(id, new Status(0, "Waiting to start", null, null));
    executor.submit(
        () -> {
          try {
            ImportReport report =
                importer.run(
                    file,
                    mapping,
                    mode,
                    // 100 % means finished with a report: the import itself stops at 99.
                    (percent, step) ->
                        jobs.put(id, new Status(Math.min(percent, 99), step, null, null)));
            meters.imported(report);
            jobs.put(id, new Status(100, "Done", report, null));
          } catch (ImportRejectedException rejected) {
            meters.imported(rejected.report());
            jobs.put(id, new Status(100, "Nothing imported", rejected.report(), null));
          } catch (BusinessException refused) {
            jobs.put(id, new Status(100, "Nothing imported", null, refused.getMessage()));
          } catch (RuntimeException failed) {
            LOG.log(Level.SEVERE, "Import failed", failed);
            jobs.put(
                id,
                new Status(
                    100, "Nothing imported", null, "The import failed on our side: " + failed));
          }
        });
    return id;
  }

  public Optional<Status> status(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  /** Forgets a finished job once its report has been read. */
  public void forget(String id) {
    jobs.computeIfPresent(id, (key, status) -> status.isFinished() ? null : status);
  }
}
