package org.chart2claim.codebook.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.chart2claim.codebook.CodeSet;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class CodeSetImportServiceTest {

    @Autowired
    CodeSetImportService service;

    @Autowired
    org.chart2claim.codebook.CodeBookService codeBooks;

    @AfterEach
    void backToCuratedBooks() {
        ImportTestSupport.resetToCurated(service);
        service.checkStoredSets();
    }

    @Test
    void theStartUpCheckDeletesUploadFoldersThatNoPageWillEverImport() throws Exception {
        Path leftover = service.uploadsDirectory().resolve("page-closed-by-a-crash");
        Files.createDirectories(leftover.resolve("nested"));
        Files.writeString(leftover.resolve("HCPC2030_ANWEB.txt"), "half an upload");
        Files.writeString(leftover.resolve("nested").resolve("x.txt"), "x");

        service.checkStoredSets();

        assertThat(leftover).doesNotExist();
        assertThat(service.uploadsDirectory()).isDirectory();
    }

    @Test
    void newestImportedYearBecomesActiveOlderYearsStayAndAdminCanSwitch(@TempDir Path dir) throws Exception {
        Path older = dir.resolve("icd10cm_tabular_2029.xml");
        Files.writeString(
                older,
                Files.readString(Fixtures.path("icd10cm_tabular_2030.xml")).replace(">2030<", ">2029<"));
        service.importFiles(List.of(older), null, "test");
        service.importFiles(List.of(Fixtures.path("icd10cm_tabular_2030.xml")), null, "test");

        assertThat(service.activeSetIds().get(CodeSystem.ICD10CM)).isEqualTo("ICD10CM-FY2030");
        assertThat(service.versions())
                .extracting(CodeSetVersion::setId)
                .contains("ICD10CM-FY2030", "ICD10CM-FY2029", CodeSetImportService.CURATED);
        CodeSet active = service.activeImportedSet(CodeSystem.ICD10CM).orElseThrow();
        assertThat(active.version()).isEqualTo("FY2030");
        assertThat(active.entries()).extracting(e -> e.code()).contains("S72.001A");

        service.activate(CodeSystem.ICD10CM, "ICD10CM-FY2029");
        assertThat(service.activeImportedSet(CodeSystem.ICD10CM).orElseThrow().version())
                .isEqualTo("FY2029");
        service.activate(CodeSystem.ICD10CM, CodeSetImportService.CURATED);
        assertThat(service.activeImportedSet(CodeSystem.ICD10CM)).isEmpty();
        assertThat(service.importedSet("ICD10CM-FY2029"))
                .as("older years stay available")
                .isPresent();
    }

    @Test
    void failedImportLeavesThePreviousSetActiveAndStored() {
        service.importFiles(List.of(Fixtures.path("icd10cm_order_2030.txt")), null, "test");
        long before = service.versions().stream()
                .filter(v -> v.setId().equals("ICD10CM-FY2030"))
                .findFirst()
                .orElseThrow()
                .entries();

        assertThatThrownBy(() ->
                        service.importFiles(List.of(Fixtures.path("truncated/icd10cm_order_2030.txt")), null, "test"))
                .isInstanceOf(CodeSetImportException.class);
        assertThatThrownBy(() -> service.importFiles(List.of(Fixtures.path("mixed-years")), null, "test"))
                .hasMessageContaining("different years");

        assertThat(service.activeSetIds().get(CodeSystem.ICD10CM)).isEqualTo("ICD10CM-FY2030");
        assertThat(service.versions())
                .filteredOn(v -> v.setId().equals("ICD10CM-FY2030"))
                .singleElement()
                .extracting(CodeSetVersion::entries)
                .isEqualTo((int) before);
        assertThat(service.importedSet("ICD10CM-FY2030").orElseThrow().entries())
                .hasSize(12);
    }

    @Test
    void activeSetChangesArePublished() {
        List<ActiveCodeSetChangedEvent> events = ImportTestSupport.EVENTS;
        events.clear();
        service.importFiles(List.of(Fixtures.path("HCPC2030_ANWEB_fixture.txt")), null, "test");
        assertThat(events).contains(new ActiveCodeSetChangedEvent(CodeSystem.HCPCS, "HCPCS-2030"));
        assertThatThrownBy(() -> service.activate(CodeSystem.HCPCS, "HCPCS-1999"))
                .hasMessageContaining("No imported HCPCS code set HCPCS-1999");
        assertThatThrownBy(() -> service.remove("HCPCS-2030")).hasMessageContaining("is active");
    }

    @Test
    void importingTwoSystemsTogetherChangesTheBooksOnceAndTheirHashIsTheSameAsAfterARestart() {
        List<String> changes = ImportTestSupport.BOOK_CHANGES;
        changes.clear();
        ImportTestSupport.EVENTS.clear();

        service.importFiles(
                List.of(Fixtures.path("icd10cm_order_2030.txt"), Fixtures.path("HCPC2030_ANWEB_fixture.txt")),
                null,
                "test");

        assertThat(ImportTestSupport.EVENTS)
                .containsExactly(new ActiveCodeSetChangedEvent(
                        java.util.Map.of(CodeSystem.ICD10CM, "ICD10CM-FY2030", CodeSystem.HCPCS, "HCPCS-2030")));
        assertThat(changes).as("one search-index build for both systems").hasSize(1);
        // the hash names the index folder: it depends on which sets are active, not on how they got there
        String afterImport = codeBooks.books().contentHash();
        CodeSet icd = codeBooks.book(CodeSystem.ICD10CM).orElseThrow().set();
        CodeSet hcpcs = codeBooks.book(CodeSystem.HCPCS).orElseThrow().set();
        codeBooks.install(hcpcs);
        codeBooks.install(icd);
        assertThat(codeBooks.books().contentHash()).isEqualTo(afterImport);
    }

    @Test
    void importKilledRightAfterMovingTheStoredFileAsideIsRepairedAtStart() throws Exception {
        service.importFiles(List.of(Fixtures.path("HCPC2030_ANWEB_fixture.txt")), null, "test");
        Path stored = service.storeDirectory().resolve("HCPCS-2030.c2c.gz");
        assertThat(stored).exists();
        // the state a kill -9 left with the earlier import code: the file renamed away, a half-written temp file
        Files.move(stored, stored.resolveSibling("HCPCS-2030.c2c.gz.previous"));
        Files.writeString(service.storeDirectory().resolve("HCPCS-2030123.tmp"), "half");

        List<String> notices = service.checkStoredSets();

        assertThat(stored).exists();
        assertThat(stored.resolveSibling("HCPCS-2030.c2c.gz.previous")).doesNotExist();
        assertThat(service.storeDirectory().resolve("HCPCS-2030123.tmp")).doesNotExist();
        assertThat(notices).singleElement().asString().contains("HCPCS-2030", "interrupted");
        assertThat(service.activeSetIds().get(CodeSystem.HCPCS)).isEqualTo("HCPCS-2030");
        assertThat(service.activeImportedSet(CodeSystem.HCPCS)).isPresent();
    }

    @Test
    void backupOfACommittedImportIsDroppedAndAMissingActiveFileIsReportedNotHidden() throws Exception {
        service.importFiles(List.of(Fixtures.path("HCPC2030_ANWEB_fixture.txt")), null, "test");
        Path stored = service.storeDirectory().resolve("HCPCS-2030.c2c.gz");
        // killed after the database change committed, before the backup was deleted: nothing to repair
        Files.copy(stored, stored.resolveSibling("HCPCS-2030.c2c.gz.previous"));
        assertThat(service.checkStoredSets()).isEmpty();
        assertThat(stored.resolveSibling("HCPCS-2030.c2c.gz.previous")).doesNotExist();

        Files.delete(stored);
        List<String> notices = service.checkStoredSets();

        assertThat(notices).singleElement().asString().contains("HCPCS-2030", "missing", "curated");
        assertThat(service.storeNotices()).isEqualTo(notices);
        assertThat(service.activeSetIds().get(CodeSystem.HCPCS)).isEqualTo(CodeSetImportService.CURATED);
        assertThat(service.versions())
                .filteredOn(v -> v.system() == CodeSystem.HCPCS && v.active())
                .singleElement()
                .extracting(CodeSetVersion::curated)
                .isEqualTo(true);
    }
}
