package org.chart2claim.authoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.authoring.AuthoringService;
import org.chart2claim.authoring.ScenarioZip;
import org.chart2claim.scenario.ScenarioVisibility;

/**
 * The instructor's scenario list: shipped and own scenarios and drafts, with search, specialty, difficulty, tag
 * and status filters, version, author and attempt count; New, Duplicate, Edit, Retire/Restore, Export (one file
 * or the selection as a zip) and Import (a .md file or a zip, each file validated, errors per file and line).
 */
@Route("scenarios")
@Menu(title = "Scenarios", order = 20, icon = "vaadin:book")
@PageTitle("Scenarios · Chart2Claim")
@RolesAllowed({"INSTRUCTOR", "ADMIN"})
@StyleSheet("css/coding.css")
@StyleSheet("css/authoring.css")
public class ScenariosView extends VerticalLayout {

    private final AuthoringService authoring;
    private final CurrentUser currentUser;
    private List<AuthoringService.Row> rows = List.of();

    final TextField search = new TextField("Search");
    final ComboBox<String> specialty = new ComboBox<>("Specialty");
    final Select<Integer> difficulty = new Select<>();
    final ComboBox<String> tag = new ComboBox<>("Tag");
    final Select<String> status = new Select<>();
    final Grid<AuthoringService.Row> grid = new Grid<>();
    final UnorderedList importResults = new UnorderedList();
    final Div exportLinks = new Div();

    public ScenariosView(AuthoringService authoring, CurrentUser currentUser) {
        this.authoring = authoring;
        this.currentUser = currentUser;
        addClassName("page");
        add(new H2("Scenarios"));

        search.setId("scenario-search");
        search.setPlaceholder("id, title or author");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> filter());
        specialty.setClearButtonVisible(true);
        specialty.addValueChangeListener(e -> filter());
        difficulty.setLabel("Difficulty");
        difficulty.setItems(0, 1, 2, 3);
        difficulty.setItemLabelGenerator(d -> d == 0 ? "Any" : String.valueOf(d));
        difficulty.setValue(0);
        difficulty.addValueChangeListener(e -> filter());
        tag.setClearButtonVisible(true);
        tag.addValueChangeListener(e -> filter());
        status.setLabel("Status");
        status.setItems("Any", "draft", "published", "retired");
        status.setValue("Any");
        status.addValueChangeListener(e -> filter());
        HorizontalLayout filters = new HorizontalLayout(search, specialty, difficulty, tag, status);
        filters.addClassName("c2c-filters");
        filters.setWrap(true);

        Button create = new Button("New scenario", e -> navigate(Map.of()));
        create.setId("new-scenario");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button duplicate = new Button("Duplicate", e -> selected().ifPresent(r -> navigate(Map.of("from", r.id()))));
        duplicate.setId("duplicate-scenario");
        Button edit = new Button("Edit", e -> selected().ifPresent(this::edit));
        edit.setId("edit-scenario");
        Button retire = new Button("Retire / restore", e -> selected().ifPresent(this::toggleRetired));
        retire.setId("retire-scenario");
        Button export = new Button("Export selected", e -> export());
        export.setId("export-scenarios");
        Button queue = new Button("Key disputes", e -> getUI().ifPresent(ui -> ui.navigate(DisputeQueueView.class)));
        HorizontalLayout actions = new HorizontalLayout(create, duplicate, edit, retire, export, queue);
        actions.setWrap(true);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setId("scenario-list");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addComponentColumn(ScenariosView::titleCell)
                .setHeader("Scenario")
                .setWidth("18em")
                .setFlexGrow(1)
                .setComparator(AuthoringService.Row::title);
        grid.addColumn(AuthoringService.Row::specialty)
                .setHeader("Specialty")
                .setWidth("11em")
                .setFlexGrow(0)
                .setSortable(true);
        grid.addColumn(r -> r.difficulty() == 0 ? "" : String.valueOf(r.difficulty()))
                .setHeader("Diff.")
                .setWidth("4.5em")
                .setFlexGrow(0);
        grid.addColumn(r -> r.version() == 0 ? "—" : "v" + r.version())
                .setHeader("Version")
                .setWidth("5.5em")
                .setFlexGrow(0);
        grid.addComponentColumn(r -> statusBadge(r.status()))
                .setHeader("Status")
                .setWidth("7.5em")
                .setFlexGrow(0);
        grid.addColumn(AuthoringService.Row::author)
                .setHeader("Author")
                .setWidth("8em")
                .setFlexGrow(0);
        grid.addColumn(AuthoringService.Row::attempts)
                .setHeader("Attempts")
                .setWidth("6em")
                .setFlexGrow(0)
                .setSortable(true);
        grid.addColumn(r -> r.visibility() == ScenarioVisibility.COHORTS ? "my cohorts" : "everybody")
                .setHeader("Visible to")
                .setWidth("7.5em")
                .setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.addItemDoubleClickListener(e -> edit(e.getItem()));

        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) ->
                getUI().ifPresent(ui -> ui.access(() -> importUpload(metadata.fileName(), bytes)))));
        upload.setId("import-upload");
        upload.setAcceptedFileTypes(".md", ".zip", "application/zip", "text/markdown");
        upload.setMaxFileSize(4 * 1024 * 1024);
        upload.setDropLabel(new Span("Import: drop a scenario .md or a zip of them"));
        importResults.setId("import-results");
        exportLinks.setId("export-links");

        add(filters, actions, grid, exportLinks, upload, importResults);
        refresh();
    }

    void refresh() {
        rows = authoring.list(currentUser.requireUsername(), currentUser.roles());
        specialty.setItems(new TreeSet<>(rows.stream()
                .map(AuthoringService.Row::specialty)
                .filter(s -> !s.isBlank())
                .toList()));
        Set<String> tags = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        rows.forEach(r -> tags.addAll(r.tags()));
        tag.setItems(tags);
        filter();
    }

    void filter() {
        String text = search.getValue().toLowerCase(Locale.ROOT).strip();
        grid.setItems(rows.stream()
                .filter(r -> text.isEmpty()
                        || (r.id() + " " + r.title() + " " + r.author())
                                .toLowerCase(Locale.ROOT)
                                .contains(text))
                .filter(r ->
                        specialty.getValue() == null || specialty.getValue().equals(r.specialty()))
                .filter(r -> difficulty.getValue() == null
                        || difficulty.getValue() == 0
                        || difficulty.getValue() == r.difficulty())
                .filter(r -> tag.getValue() == null || r.tags().contains(tag.getValue()))
                .filter(r ->
                        "Any".equals(status.getValue()) || r.status().name().equalsIgnoreCase(status.getValue()))
                .toList());
    }

    /** For tests: the rows the filters leave. */
    List<AuthoringService.Row> shown() {
        return grid.getGenericDataView().getItems().toList();
    }

    private java.util.Optional<AuthoringService.Row> selected() {
        Set<AuthoringService.Row> chosen = grid.getSelectedItems();
        if (chosen.size() != 1) {
            Notification.show("Select one scenario first.");
            return java.util.Optional.empty();
        }
        return chosen.stream().findFirst();
    }

    private void edit(AuthoringService.Row row) {
        if (row.draftId() != null) {
            navigate(Map.of("draft", String.valueOf(row.draftId())));
        } else if (row.editable()) {
            navigate(Map.of("id", row.id()));
        } else {
            Notification.show(row.id() + " is not yours to change: Duplicate makes your own copy.");
        }
    }

    private void navigate(Map<String, String> params) {
        getUI().ifPresent(ui -> ui.navigate(ScenarioEditorView.class, QueryParameters.simple(params)));
    }

    private void toggleRetired(AuthoringService.Row row) {
        if (row.draftId() != null) {
            authoring.deleteDraft(row.draftId(), currentUser.requireUsername());
            Notification.show("Draft deleted.");
        } else {
            try {
                boolean retire = row.status() != AuthoringService.Status.RETIRED;
                authoring.setRetired(row.id(), retire, currentUser.requireUsername(), currentUser.roles());
                Notification.show(
                        row.id() + (retire ? " retired: hidden from the catalogue, attempts kept." : " restored."));
            } catch (AuthoringService.NotEditableException | AuthoringService.NotFoundException e) {
                Notification.show(e.getMessage());
            }
        }
        refresh();
    }

    private void export() {
        exportLinks.removeAll();
        List<String> ids = grid.getSelectedItems().stream()
                .filter(r -> r.draftId() == null)
                .map(AuthoringService.Row::id)
                .sorted()
                .toList();
        if (ids.isEmpty()) {
            Notification.show("Select published scenarios to export.");
            return;
        }
        String user = currentUser.requireUsername();
        var roles = currentUser.roles();
        Anchor link;
        if (ids.size() == 1) {
            byte[] bytes = authoring.export(ids.getFirst(), null, user, roles).getBytes(StandardCharsets.UTF_8);
            link = new Anchor(
                    DownloadHandler.fromInputStream(event -> new DownloadResponse(
                            new ByteArrayInputStream(bytes), ids.getFirst() + ".md", "text/markdown", bytes.length)),
                    "Download " + ids.getFirst() + ".md");
        } else {
            byte[] zip = authoring.exportZip(ids, user, roles);
            link = new Anchor(
                    DownloadHandler.fromInputStream(event -> new DownloadResponse(
                            new ByteArrayInputStream(zip), "scenarios.zip", "application/zip", zip.length)),
                    "Download scenarios.zip (" + ids.size() + " files)");
        }
        link.getElement().setAttribute("download", true);
        link.setId("export-download");
        exportLinks.add(link);
    }

    /** Imports an uploaded .md or zip and lists the outcome per file (errors with their line). */
    void importUpload(String fileName, byte[] bytes) {
        importResults.removeAll();
        String name = fileName == null ? "upload" : fileName;
        try {
            Map<String, String> files = name.toLowerCase(Locale.ROOT).endsWith(".zip")
                    ? ScenarioZip.read(bytes)
                    : Map.of(name, new String(bytes, StandardCharsets.UTF_8));
            for (AuthoringService.ImportResult r :
                    authoring.importFiles(files, currentUser.requireUsername(), currentUser.roles())) {
                importResults.add(new ListItem(
                        r.imported()
                                ? r.file() + ": imported as " + r.id() + " version " + r.version()
                                : r.file() + ": not imported — "
                                        + String.join(
                                                "; ",
                                                r.errors().stream()
                                                        .map(Object::toString)
                                                        .toList())));
            }
        } catch (ScenarioZip.RefusedException e) {
            importResults.add(new ListItem(name + ": refused — " + e.getMessage()));
        }
        refresh();
    }

    private static Div titleCell(AuthoringService.Row r) {
        Span id = new Span(r.id());
        id.addClassName("c2c-muted");
        Div cell = new Div(new Span(r.title()), new Div(id));
        cell.addClassName("c2c-scenario-cell");
        return cell;
    }

    private static Span statusBadge(AuthoringService.Status status) {
        Span s = new Span(status.name().toLowerCase(Locale.ROOT));
        s.getElement()
                .getThemeList()
                .add(
                        switch (status) {
                            case DRAFT -> "badge contrast";
                            case PUBLISHED -> "badge success";
                            case RETIRED -> "badge error";
                        });
        return s;
    }
}
