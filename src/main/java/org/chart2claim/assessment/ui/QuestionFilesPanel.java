package org.chart2claim.assessment.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chart2claim.assessment.InvalidQuestionException;
import org.chart2claim.assessment.QuestionBank;
import org.chart2claim.assessment.QuestionDomain;

/**
 * Bank files out and in on the Question bank page, with the REST API's service and rules: download one domain's
 * file in the shipped format or every domain's file in one zip; upload a file or such a zip to import it, all or
 * nothing, at most {@link QuestionBank#MAX_IMPORT_BYTES} read on the server. A refusal lists every message with the
 * file, the question's id and place, and the field; a success says what was created, versioned and unchanged.
 */
class QuestionFilesPanel extends Details {

    private static final Pattern QUESTION_AT = Pattern.compile("^(?:(.*):)?(questions\\[(\\d+)\\])(?:\\.(.+))?$");
    private static final Pattern FILE_AT = Pattern.compile("^(?:(.*):)?(.+)$");

    private final QuestionBank bank;
    private final String username;
    private final Runnable afterImport;

    final Select<QuestionDomain> exportDomain = new Select<>();
    final Checkbox withRetired = new Checkbox("Include retired questions");
    final Anchor downloadDomain = new Anchor();
    final Anchor downloadAll = new Anchor();
    final TextField importNote = new TextField("What changed (for the version list)");
    final Upload upload;
    final Div results = new Div();

    /** Read by the download and upload requests, which do not hold the UI's lock. */
    private volatile QuestionDomain domainToExport = QuestionDomain.values()[0];

    private volatile boolean retiredToo;
    private volatile String note = "";

    QuestionFilesPanel(QuestionBank bank, String username, Runnable afterImport) {
        this.bank = bank;
        this.username = username;
        this.afterImport = afterImport;
        setSummaryText("Bank files: download and import");
        setId("question-files");

        exportDomain.setLabel("Domain file");
        exportDomain.setId("export-domain");
        exportDomain.setItems(QuestionDomain.values());
        exportDomain.setItemLabelGenerator(QuestionDomain::label);
        exportDomain.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                domainToExport = e.getValue();
                downloadDomain.setText("Download " + e.getValue().fileName());
            }
        });
        exportDomain.setValue(domainToExport);
        withRetired.setId("export-with-retired");
        withRetired.addValueChangeListener(e -> retiredToo = e.getValue());
        downloadDomain.setId("download-domain");
        downloadDomain.setHref(DownloadHandler.fromInputStream(event -> {
            QuestionDomain d = domainToExport;
            byte[] bytes = bank.export(d, retiredToo).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(
                    new ByteArrayInputStream(bytes), d.fileName(), "application/yaml; charset=UTF-8", bytes.length);
        }));
        downloadDomain.getElement().setAttribute("download", true);
        downloadAll.setId("download-all");
        downloadAll.setText("Download all domains (" + QuestionBank.EXPORT_ZIP_NAME + ")");
        downloadAll.setHref(DownloadHandler.fromInputStream(event -> {
            byte[] zip = bank.exportAll(retiredToo);
            return new DownloadResponse(
                    new ByteArrayInputStream(zip), QuestionBank.EXPORT_ZIP_NAME, "application/zip", zip.length);
        }));
        downloadAll.getElement().setAttribute("download", true);
        Div downloads = new Div(exportDomain, downloadDomain, downloadAll, withRetired);
        downloads.addClassName("c2c-qbank-files");

        importNote.setId("import-note");
        importNote.setMaxLength(1000);
        importNote.setWidthFull();
        importNote.addValueChangeListener(e -> note = e.getValue());
        upload = new Upload((UploadHandler) event -> {
            String name = event.getFileName();
            Runnable show;
            try {
                List<QuestionBank.Imported> done = bank.importUpload(name, event.getInputStream(), this.username, note);
                show = () -> showImported(name, done);
            } catch (InvalidQuestionException e) {
                show = () -> showRefused(name, e);
            }
            event.getUI().access(show::run);
        });
        upload.setId("import-upload");
        upload.setAcceptedFileTypes(".yaml", ".yml", ".zip", "application/zip", "application/yaml", "text/yaml");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(QuestionBank.MAX_IMPORT_BYTES); // the browser's early word; the server reads no more
        upload.setDropLabel(new Span("Import: drop a bank file (.yaml) or a zip of them, at most 1 MB"));
        upload.addFileRejectedListener(e -> showRefused(
                e.getFileName(),
                new InvalidQuestionException(
                        Map.of("file", List.of(e.getErrorMessage() + " (a bank file or a zip: at most 1 MB)")))));
        results.setId("import-results");
        results.addClassName("c2c-qbank-import");

        Paragraph how = new Paragraph("A file is the shipped format (scenarios/questions/README.md): one domain and its"
                + " questions. An import is all or nothing: every question is checked first with the page's rules,"
                + " and one problem refuses the whole upload. A new id becomes version 1, a changed question its next"
                + " version, an unchanged one stays as it is.");
        how.addClassName("c2c-muted");
        add(downloads, how, importNote, upload, results);
    }

    void showImported(String fileName, List<QuestionBank.Imported> done) {
        results.removeAll();
        results.removeClassName("c2c-qbank-refused");
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        UnorderedList perFile = new UnorderedList();
        for (QuestionBank.Imported i : done) {
            created += i.created().size();
            updated += i.updated().size();
            unchanged += i.unchanged().size();
            perFile.add(new ListItem(i.domain().fileName() + ": " + ids("created", i.created())
                    + ids("new version", i.updated()) + i.unchanged().size() + " unchanged"));
        }
        Span summary = new Span("Imported " + fileName + ": " + created + " created, " + updated + " new version"
                + (updated == 1 ? "" : "s") + ", " + unchanged + " unchanged.");
        summary.setId("import-summary");
        summary.addClassName("c2c-result-right");
        results.add(summary, perFile);
        afterImport.run();
    }

    private static String ids(String what, List<String> ids) {
        return ids.isEmpty() ? "" : ids.size() + " " + what + " (" + String.join(", ", ids) + "), ";
    }

    void showRefused(String fileName, InvalidQuestionException e) {
        results.removeAll();
        results.addClassName("c2c-qbank-refused");
        int n = e.errors().values().stream().mapToInt(List::size).sum();
        Span summary = new Span("Nothing was imported from " + fileName + ": " + n + " problem" + (n == 1 ? "" : "s")
                + ". Fix them and upload the file again.");
        summary.setId("import-summary");
        summary.addClassName("c2c-result-wrong");
        UnorderedList list = new UnorderedList();
        list.setId("import-problems");
        e.errors().forEach((path, messages) -> {
            String where = where(path, e.questionIds());
            messages.forEach(m -> list.add(new ListItem(where + ": " + m)));
        });
        results.add(summary, list);
    }

    /**
     * A message's place in words: {@code radiology.yaml:questions[2].options.A} with its id known →
     * "radiology.yaml, question 3 (ra-004), options.A".
     */
    static String where(String path, Map<String, String> questionIds) {
        Matcher q = QUESTION_AT.matcher(path);
        if (q.matches()) {
            String file = q.group(1);
            String id = questionIds.get((file == null ? "" : file + ":") + q.group(2));
            int number = Integer.parseInt(q.group(3)) + 1;
            return (file == null ? "" : file + ", ") + "question " + number + (id == null ? "" : " (" + id + ")")
                    + (q.group(4) == null ? "" : ", " + q.group(4));
        }
        Matcher f = FILE_AT.matcher(path);
        f.matches();
        return (f.group(1) == null ? "" : f.group(1) + ", ") + f.group(2);
    }
}
