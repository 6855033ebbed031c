package org.chart2claim.codebook.importer.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.chart2claim.account.Role;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.codebook.importer.CodeSetImportService;
import org.chart2claim.codebook.importer.CodeSetVersion;
import org.chart2claim.codebook.importer.ImportTestSupport;
import org.chart2claim.config.BackgroundStarter;
import org.chart2claim.support.KaribuTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CodeBooksAdminViewTest extends KaribuTest {

    @Autowired
    CodeSetImportService service;

    @AfterEach
    void backToCuratedBooks() {
        ImportTestSupport.resetToCurated(service);
    }

    private static String fixture(String name) throws URISyntaxException {
        return Path.of(CodeBooksAdminViewTest.class
                        .getResource("/importer/" + name)
                        .toURI())
                .toString();
    }

    private CodeBooksAdminView open() {
        login("admin", Role.ADMIN);
        UI.getCurrent().navigate("codebooks");
        return _get(CodeBooksAdminView.class);
    }

    private static void awaitImport(CodeBooksAdminView view) throws Exception {
        view.lastImport.get(30, TimeUnit.SECONDS);
        MockVaadin.clientRoundtrip(false); // runs the UI updates the import queued with ui.access
    }

    @Test
    void adminImportsFromAServerPathSeesProgressAndTheNewActiveSet() throws Exception {
        CodeBooksAdminView view = open();
        assertThat(GridKt._size(view.grid)).as("one curated book per system").isEqualTo(CodeSystem.values().length);

        view.serverPath.setValue(fixture("icd10cm_order_2030.txt") + " " + fixture("icd10cm_tabular_2030.xml"));
        view.importFromPath.click();
        awaitImport(view);

        assertThat(view.status.getText()).startsWith("Imported: ICD10CM-FY2030: 12 entries, 6 billable");
        assertThat(view.progressBar.isVisible()).isFalse();
        assertThat(view.importFromPath.isEnabled()).isTrue();
        assertThat(GridKt._size(view.grid)).isEqualTo(CodeSystem.values().length + 1);
        CodeSetVersion fy2030 = view.grid
                .getListDataView()
                .getItems()
                .filter(v -> v.setId().equals("ICD10CM-FY2030"))
                .findFirst()
                .orElseThrow();
        assertThat(fy2030.active()).isTrue();
        assertThat(fy2030.billable()).isEqualTo(6);

        CodeSetVersion curatedIcd = view.grid
                .getListDataView()
                .getItems()
                .filter(v -> v.curated() && v.system() == CodeSystem.ICD10CM)
                .findFirst()
                .orElseThrow();
        view.activate(curatedIcd);
        assertThat(view.status.getText()).isEqualTo("ICD10CM: curated book is now active.");
        assertThat(service.activeSetIds().get(CodeSystem.ICD10CM)).isEqualTo(CodeSetImportService.CURATED);
    }

    @Test
    void refusedImportShowsFileAndLineAndChangesNothing() throws Exception {
        CodeBooksAdminView view = open();
        view.serverPath.setValue(fixture("malformed/icd10cm_tabular_2030.xml"));
        view.importFromPath.click();
        awaitImport(view);

        assertThat(view.status.getText())
                .startsWith("Import refused, nothing changed: icd10cm_tabular_2030.xml, line 11:");
        assertThat(service.activeSetIds().get(CodeSystem.ICD10CM)).isEqualTo(CodeSetImportService.CURATED);
    }

    @Test
    void serverPathsOutsideTheImportFolderAreRefusedAlikeWhetherOrNotTheyExist() throws Exception {
        CodeBooksAdminView view = open();
        for (String outside :
                new String[] {"/etc/passwd", "/no/such/file.txt", "../../pom.xml", "../test-classes/../../pom.xml"}) {
            view.serverPath.setValue(outside);
            view.importFromPath.click();
            assertThat(view.status.getText())
                    .as(outside)
                    .startsWith("Import refused, nothing changed: ")
                    .contains("only files and folders inside the import folder")
                    .doesNotContain("root:");
            assertThat(view.lastImport.isDone()).isTrue();
        }
        assertThat(service.activeSetIds().get(CodeSystem.ICD10CM)).isEqualTo(CodeSetImportService.CURATED);
    }

    @Test
    void emptyPathAndMissingUploadAreExplained() {
        CodeBooksAdminView view = open();
        view.importFromPath.click();
        assertThat(view.status.getText()).isEqualTo("Enter a file or folder path on the server.");
        view.importUploaded.click();
        assertThat(view.status.getText()).isEqualTo("Upload the release files first.");
    }

    @Test
    void studentsCannotOpenTheView() {
        login("student", Role.STUDENT);
        UI.getCurrent().navigate("codebooks");
        assertThat(_find(org.chart2claim.ui.AccessDeniedView.class)).hasSize(1);
        assertThat(_find(CodeBooksAdminView.class)).isEmpty();
    }

    @Test
    void whatTheStartUpCheckFoundIsShownToTheAdmin() throws Exception {
        service.importFiles(List.of(Path.of(fixture("HCPC2030_ANWEB_fixture.txt"))), null, "test");
        java.nio.file.Files.delete(service.storeDirectory().resolve("HCPCS-2030.c2c.gz"));
        service.checkStoredSets();

        CodeBooksAdminView view = open();

        assertThat(_find(view, Paragraph.class).stream()
                        .filter(p -> p.hasClassName("store-notice"))
                        .map(Paragraph::getText))
                .singleElement()
                .asString()
                .contains("HCPCS-2030", "curated");
        service.checkStoredSets();
    }

    @Test
    void theAdminSeesWhatStillLoadsAfterARestartAndNothingOnceEverythingIsLoaded() {
        List<BackgroundStarter.Step> loading = List.of(
                new BackgroundStarter.Step("code books", BackgroundStarter.State.DONE, 1200, null),
                new BackgroundStarter.Step("search index", BackgroundStarter.State.RUNNING, 0, null),
                new BackgroundStarter.Step("scenario library", BackgroundStarter.State.WAITING, 0, null));
        assertThat(CodeBooksAdminView.startProgressText(loading))
                .contains(
                        "still loading",
                        "code books loaded in 1.2 s",
                        "search index loading",
                        "scenario library waiting");
        assertThat(CodeBooksAdminView.startProgressText(List.of(
                        new BackgroundStarter.Step("code books", BackgroundStarter.State.FAILED, 5, "disk full"))))
                .contains("code books FAILED (disk full");
        assertThat(CodeBooksAdminView.startProgressText(
                        List.of(new BackgroundStarter.Step("code books", BackgroundStarter.State.DONE, 1200, null))))
                .isEmpty();

        CodeBooksAdminView view = open();
        assertThat(view.startProgress.isVisible())
                .as("the test context loads everything before it is ready")
                .isFalse();
    }
}
