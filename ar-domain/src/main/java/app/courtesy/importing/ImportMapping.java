package app.courtesy.importing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** A saved {@link InvoiceMapping}, by name, with who saved it last and when. */
@Entity
@Table(name = "import_mapping")
public class ImportMapping {

  @Id
  @Column(length = 80)
  private String name;

  @Column(nullable = false, length = 4000)
  private String definition;

  @Version private long version;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "updated_by", nullable = false, length = 64)
  private String updatedBy;

  protected ImportMapping() {}

  ImportMapping(String name, String definition, String actor, OffsetDateTime now) {
    this.name = name;
    save(definition, actor, now);
  }

  void save(String definition, String actor, OffsetDateTime now) {
    this.definition = definition;
    this.updatedBy = actor;
    this.updatedAt = now;
  }

  public String getName() {
    return name;
  }

  String getDefinition() {
    return definition;
  }
}
