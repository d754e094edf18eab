package app.courtesy.database;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class DatabaseSchemaIT {

  @Inject private DatabaseSchema schema;

  @Test
  void schemaIsCurrentAfterDeployment() {
    assertThat(schema.status().isCurrent()).isTrue();
    assertThat(schema.status().version()).isNotEqualTo("none");
  }

  @Test
  void migratingAgainChangesNothing() {
    String before = schema.status().version();

    schema.migrate();

    assertThat(schema.status().version()).isEqualTo(before);
    assertThat(schema.status().pending()).isZero();
  }
}
