package app.courtesy.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Saved column mappings: one per ERP export, chosen by name when importing. */
@ApplicationScoped
@Transactional
public class ImportMappings {

  private static final Jsonb JSON = JsonbBuilder.create();

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private Clock clock;

  public List<String> names() {
    return em.createQuery("select m.name from ImportMapping m order by m.name", String.class)
        .getResultList();
  }

  public Optional<InvoiceMapping> find(String name) {
    return Optional.ofNullable(em.find(ImportMapping.class, name))
        .map(saved -> JSON.fromJson(saved.getDefinition(), InvoiceMapping.class));
  }

  /** Saves the mapping under the name, replacing one saved before under it. */
  public void save(
      @NotBlank @Size(max = 80) String name, @NotNull @Valid InvoiceMapping mapping, String actor) {
    String definition = JSON.toJson(mapping);
    OffsetDateTime now = OffsetDateTime.now(clock);
    ImportMapping saved = em.find(ImportMapping.class, name.strip());
    if (saved == null) {
      em.persist(new ImportMapping(name.strip(), definition, actor, now));
    } else {
      saved.save(definition, actor, now);
    }
  }
}
