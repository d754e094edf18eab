package app.courtesy.testing;

import app.courtesy.database.DatabaseSchema;
import com.ibm.icu.text.Normalizer2;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import me.gosimple.nbvcxz.Nbvcxz;
import org.apache.commons.codec.binary.Base32;
import org.apache.commons.logging.LogFactory;
import org.apache.fontbox.FontBoxFont;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.assertj.core.api.Assertions;
import org.eu.ingwar.tools.arquillian.extension.suite.annotations.ArquillianSuiteDeployment;
import org.flywaydb.core.Flyway;
import org.flywaydb.database.postgresql.PostgreSQLDatabaseType;
import org.h2.Driver;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.GenericArchive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;

/**
 * The one test deployment of this module, shared by every integration test (one Payara Micro start
 * per suite): the domain module as built (classes, persistence unit, migrations), the database
 * drivers, Flyway, PDFBox, nbvcxz, the TOTP library and the courtesy check's ICU4J, jsoup and
 * Lucene, and the compiled tests with their helpers.
 */
@ArquillianSuiteDeployment
public final class DomainDeployment {

  private DomainDeployment() {}

  @Deployment
  public static WebArchive domain() {
    return ShrinkWrap.create(WebArchive.class, "ar-domain-it.war")
        .addAsLibrary(domainModule())
        .addAsLibraries(
            jarOf(Flyway.class),
            jarOf(PostgreSQLDatabaseType.class),
            jarOf(Driver.class),
            jarOf(org.postgresql.Driver.class),
            jarOf(PDDocument.class),
            jarOf(FontBoxFont.class),
            jarOf(RandomAccessRead.class),
            jarOf(LogFactory.class),
            jarOf(Nbvcxz.class),
            jarOf(DefaultCodeGenerator.class),
            jarOf(Base32.class),
            jarOf(Normalizer2.class),
            jarOf(Jsoup.class),
            jarOf(Analyzer.class),
            jarOf(EnglishAnalyzer.class),
            jarOf(Assertions.class))
        .merge(
            ShrinkWrap.create(ExplodedImporter.class)
                .importDirectory(location(DomainDeployment.class).toFile())
                .as(GenericArchive.class),
            "/WEB-INF/classes")
        .addAsWebInfResource("META-INF/beans.xml", "beans.xml");
  }

  /** The module's jar when failsafe runs after packaging, its classes folder in an IDE. */
  private static JavaArchive domainModule() {
    Path domain = location(DatabaseSchema.class);
    return Files.isDirectory(domain)
        ? ShrinkWrap.create(ExplodedImporter.class, "ar-domain.jar")
            .importDirectory(domain.toFile())
            .as(JavaArchive.class)
        : ShrinkWrap.createFromZipFile(JavaArchive.class, domain.toFile());
  }

  private static File jarOf(Class<?> type) {
    return location(type).toFile();
  }

  private static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
