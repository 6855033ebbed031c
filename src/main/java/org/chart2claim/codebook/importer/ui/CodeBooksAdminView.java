package org.chart2claim.codebook.importer.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.FileUploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.codebook.importer.CodeSetImportException;
import org.chart2claim.codebook.importer.CodeSetImportService;
import org.chart2claim.codebook.importer.CodeSetVersion;
import org.chart2claim.codebook.importer.ImportSummary;
import org.chart2claim.codebook.importer.ServerImportFolder;
import org.chart2claim.config.BackgroundStarter;
import org.chart2claim.config.DisplayDates;
import org.chart2claim.config.RequestLimits;

/**
 * Administrators see every code-set version (imported years and the shipped curated books), import the
 * official release files from a server path or by upload, follow the progress, and choose the active
 * set per code system.
 */
@Menu(title = "Code books", order = 31, icon = "vaadin:database")
@Route("codebooks")
@PageTitle("Code books · Chart2Claim")
@RolesAllowed("ADMIN")
public class CodeBooksAdminView extends VerticalLayout {

    static final long MAX_UPLOAD_BYTES = RequestLimits.MB * 64;

    private final CodeSetImportService importService;
    private final CurrentUser currentUser;
    private final ServerImportFolder importFolder;
    private final Path uploadDir;
    private final List<String> uploadedNames = new CopyOnWriteArrayList<>();

    final Grid<CodeSetVersion> grid = new Grid<>();
    final TextField serverPath = new TextField("Files or folders on the server");
    final Button importFromPath = new Button("Import from server path");
    final Upload upload;
    final Button importUploaded = new Button("Import uploaded files");
    final ProgressBar progressBar = new ProgressBar(0, 1);
    final Span progressText = new Span();
    final Paragraph status = new Paragraph();
    /** The running or last import, so tests can wait for it. */
    volatile CompletableFuture<Void> lastImport = CompletableFuture.completedFuture(null);

    /** What still loads in the background after a restart (hidden when everything is loaded). */
    final Paragraph startProgress = new Paragraph();

    public CodeBooksAdminView(
            CodeSetImportService importService,
            CurrentUser currentUser,
            ServerImportFolder importFolder,
            BackgroundStarter starter) {
        this.importService = importService;
        this.importFolder = importFolder;
        this.currentUser = currentUser;
        this.uploadDir =
                importService.uploadsDirectory().resolve(UUID.randomUUID().toString());
        addClassName("page");
        add(new H2("Code books"));
        add(new Paragraph("The curated books ship with the app. Import the official annual release files "
                + "(ICD-10-CM order file, Tabular and Index XML, neoplasm/drug tables; HCPCS annual file; a licensed "
                + "CPT file) to search the complete sets. Several years can coexist; the newest imported year becomes "
                + "active, and you can switch back at any time."));
        startProgress.addClassName("start-progress");
        startProgress.setText(startProgressText(starter.steps()));
        startProgress.setVisible(!startProgress.getText().isEmpty());
        add(startProgress);
        for (String notice : importService.storeNotices()) {
            // what the start-up check repaired or found after an interrupted import
            Paragraph warning = new Paragraph(notice);
            warning.addClassName("store-notice");
            warning.getStyle().set("color", "var(--lumo-error-text-color)");
            add(warning);
        }

        grid.addColumn(v -> v.system().name()).setHeader("System").setAutoWidth(true);
        grid.addColumn(v -> v.curated() ? "curated" : v.version())
                .setHeader("Version")
                .setAutoWidth(true);
        grid.addColumn(CodeSetVersion::label).setHeader("Set").setFlexGrow(1);
        grid.addColumn(v -> count(v.entries())).setHeader("Entries").setAutoWidth(true);
        grid.addColumn(v -> count(v.billable())).setHeader("Billable").setAutoWidth(true);
        grid.addColumn(v -> count(v.indexTerms())).setHeader("Index terms").setAutoWidth(true);
        grid.addColumn(v ->
                        v.importedAt() == null ? "" : DisplayDates.dateTime(v.importedAt()) + " by " + v.importedBy())
                .setHeader("Imported")
                .setAutoWidth(true);
        grid.addComponentColumn(this::activeCell).setHeader("Active").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(grid);

        add(new H3("Import"));
        serverPath.setPlaceholder("/srv/releases/icd10cm-2026 /srv/releases/HCPC2026_JAN_ANWEB.txt");
        serverPath.setHelperText("Inside the import folder " + importFolder.folder()
                + " (setting chart2claim.import-dir); separate several paths with spaces; folders are searched for "
                + "release files");
        serverPath.setWidthFull();
        importFromPath.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importFromPath.addClickListener(e -> importFromServerPath());
        HorizontalLayout pathRow = new HorizontalLayout(serverPath, importFromPath);
        pathRow.setWidthFull();
        pathRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(pathRow);

        // The limit holds on the server too (the browser's check is only a courtesy): Vaadin refuses a larger
        // multipart upload, and the request body limit (RequestLimits.uploadBytes) stops any larger body.
        upload = new Upload(
                new FileUploadHandler((metadata, file) -> uploadedNames.add(file.getName()), this::uploadTarget) {
                    @Override
                    public long getFileSizeMax() {
                        return MAX_UPLOAD_BYTES;
                    }

                    @Override
                    public long getRequestSizeMax() {
                        return MAX_UPLOAD_BYTES;
                    }
                });
        upload.setMaxFileSize((int) MAX_UPLOAD_BYTES);
        upload.setDropLabel(new Span("Drop release files here (keep the official file names: they carry the year)"));
        importUploaded.setEnabled(true);
        importUploaded.addClickListener(e -> importUploadedFiles());
        add(upload, importUploaded);

        progressBar.setVisible(false);
        progressText.setVisible(false);
        add(progressBar, progressText, status);
        refresh();
        addDetachListener(e -> deleteUploads());
    }

    private File uploadTarget(com.vaadin.flow.server.streams.UploadMetadata metadata) {
        String clientFileName = metadata.fileName() == null ? "" : metadata.fileName();
        // Only the base name, with harmless characters: an upload never chooses where it is written.
        String name = Path.of(clientFileName.replace('\\', '/'))
                .getFileName()
                .toString()
                .replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.isBlank() || name.startsWith(".")) {
            name = "upload_" + name;
        }
        try {
            Files.createDirectories(uploadDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uploadDir.resolve(name).toFile();
    }

    private com.vaadin.flow.component.Component activeCell(CodeSetVersion version) {
        if (version.active()) {
            Span badge = new Span("active");
            badge.getElement().getThemeList().add("badge success");
            return badge;
        }
        Button activate = new Button("Activate", e -> activate(version));
        activate.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return activate;
    }

    void activate(CodeSetVersion version) {
        try {
            importService.activate(version.system(), version.setId());
            status.setText(version.system() + ": " + (version.curated() ? "curated book" : version.setId())
                    + " is now active.");
        } catch (RuntimeException e) {
            status.setText("Could not activate: " + e.getMessage());
        }
        refresh();
    }

    void importFromServerPath() {
        String text = serverPath.getValue().strip();
        if (text.isEmpty()) {
            status.setText("Enter a file or folder path on the server.");
            return;
        }
        List<Path> paths;
        try {
            paths = importFolder.resolve(text);
        } catch (CodeSetImportException e) {
            status.setText("Import refused, nothing changed: " + e.getMessage());
            return;
        }
        startImport(paths);
    }

    void importUploadedFiles() {
        if (uploadedNames.isEmpty()) {
            status.setText("Upload the release files first.");
            return;
        }
        startImport(List.of(uploadDir));
    }

    /** Uploaded copies are only needed for one import (the stored set keeps what was read). */
    private void deleteUploads() {
        if (!Files.isDirectory(uploadDir)) {
            return;
        }
        try (var files = Files.list(uploadDir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(uploadDir);
        } catch (IOException e) {
            // Left-over uploads are harmless; the next import from this view uses a new folder anyway.
        }
        uploadedNames.clear();
    }

    private void startImport(List<Path> paths) {
        if (!lastImport.isDone() || importService.importRunning()) {
            status.setText("An import is already running.");
            return;
        }
        UI ui = UI.getCurrent();
        String user = currentUser.username().orElse("admin");
        setImporting(true);
        ui.setPollInterval(500);
        status.setText("Importing " + paths + " ...");
        lastImport = CompletableFuture.runAsync(() -> {
            String message;
            try {
                ImportSummary summary = importService.importFiles(
                        paths, (done, total, stage) -> ui.access(() -> showProgress(done, total, stage)), user);
                message = "Imported: " + String.join("; ", summary.countLines())
                        + (summary.messages().isEmpty() ? "" : ". Notes: " + String.join("; ", summary.messages()));
            } catch (CodeSetImportException | IllegalStateException | IllegalArgumentException e) {
                message = "Import refused, nothing changed: " + e.getMessage();
            } catch (RuntimeException e) {
                message = "Import failed, nothing changed: " + e;
            }
            if (paths.contains(uploadDir)) {
                deleteUploads();
            }
            String result = message;
            ui.access(() -> {
                setImporting(false);
                ui.setPollInterval(-1);
                status.setText(result);
                refresh();
            });
        });
    }

    private void showProgress(long done, long total, String stage) {
        progressBar.setValue(total == 0 ? 1 : Math.min(1, (double) done / total));
        progressText.setText(String.format("%d%% – %s", total == 0 ? 100 : done * 100 / total, stage));
    }

    private void setImporting(boolean importing) {
        progressBar.setVisible(importing);
        progressText.setVisible(importing);
        progressBar.setValue(0);
        importFromPath.setEnabled(!importing);
        importUploaded.setEnabled(!importing);
    }

    void refresh() {
        grid.setItems(importService.versions());
    }

    private static String count(int value) {
        return value < 0 ? "–" : String.format("%,d", value);
    }

    /**
     * The background start's progress as the admin reads it ("code books loaded in 1.2 s · search index loading ·
     * …"); empty once every step is done.
     */
    static String startProgressText(List<BackgroundStarter.Step> steps) {
        if (steps.stream().allMatch(s -> s.state() == BackgroundStarter.State.DONE)) {
            return "";
        }
        StringBuilder text = new StringBuilder("After the restart the app is still loading (pages answer meanwhile; "
                + "searches and lists wait for it): ");
        for (int i = 0; i < steps.size(); i++) {
            BackgroundStarter.Step step = steps.get(i);
            text.append(i == 0 ? "" : " · ")
                    .append(step.name())
                    .append(
                            switch (step.state()) {
                                case WAITING -> " waiting";
                                case RUNNING -> " loading…";
                                case DONE -> String.format(" loaded in %.1f s", step.millis() / 1000.0);
                                case FAILED ->
                                    " FAILED (" + step.error() + "; see the log; the next request tries again)";
                            });
        }
        return text.append(". Reload the page to follow.").toString();
    }
}
