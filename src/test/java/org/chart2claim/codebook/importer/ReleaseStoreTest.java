package org.chart2claim.codebook.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseStoreTest {

    @Test
    void savedReleaseLoadsBackEqual(@TempDir Path dir) throws Exception {
        ImportSummary summary = new CodeSetFileImporter()
                .importFiles(
                        List.of(
                                Fixtures.path("icd10cm_tabular_2030.xml"),
                                Fixtures.path("icd10cm_index_2030.xml"),
                                Fixtures.path("icd10cm_neoplasm_2030.xml"),
                                Fixtures.path("HCPC2030_ANWEB_fixture.txt")),
                        null);
        ReleaseStore store = new ReleaseStore(dir);
        for (ImportedRelease release : summary.releases()) {
            store.save(release);
            assertThat(store.load(release.id())).isEqualTo(release);
        }
        assertThat(store.storedIds()).containsExactly("HCPCS-2030", "ICD10CM-FY2030");
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void incompleteStoredFileIsRefused(@TempDir Path dir) throws Exception {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("ICD10CM-FY2030.c2c.gz")))) {
            out.write("C2C-CODESET\t1\tICD10CM\tFY2030\t2030\tx.txt\nE\tA00\t0\t\tCholera\t\t\n".getBytes());
        }
        assertThatThrownBy(() -> new ReleaseStore(dir).load("ICD10CM-FY2030"))
                .isInstanceOf(CodeSetImportException.class)
                .hasMessageContaining("incomplete");
    }
}
