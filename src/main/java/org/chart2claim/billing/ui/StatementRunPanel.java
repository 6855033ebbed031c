package org.chart2claim.billing.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executor;
import org.chart2claim.billing.statement.StatementService;
import org.chart2claim.config.DisplayDates;

/**
 * "Print all statements" of a statement run: every statement the cycles sent on one date, in one PDF. The PDF is
 * printed in the background into a temporary file while a progress bar follows (the page polls); the download link
 * appears when it is done. The temporary file goes when the page is left or the next run is printed.
 */
public class StatementRunPanel extends Div {
    private final StatementService statements;
    private final String username;
    private String ledger;
    private Path file;

    public final Select<StatementService.Run> run = new Select<>();
    public final Button print = new Button("Print all statements of the run");
    public final ProgressBar progress = new ProgressBar();
    public final Span progressText = new Span();
    public final Div download = new Div();
    /** Where the printing runs (a virtual thread; tests run it on their own thread). */
    Executor executor = r -> Thread.ofVirtual().name("statement-run").start(r);

    public StatementRunPanel(StatementService statements, String username) {
        this.statements = statements;
        this.username = username;
        addClassName("statement-runs");
        run.setLabel("Statement run");
        run.setItemLabelGenerator(r -> DisplayDates.date(r.date()) + " · " + r.statements() + " statement"
                + (r.statements() == 1 ? "" : "s") + " · " + EligibilityView.money(r.total()));
        print.addClickListener(e -> start());
        progress.setVisible(false);
        FlexLayout row = new FlexLayout(run, print);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexLayout.Alignment.BASELINE);
        row.getStyle().set("gap", "var(--lumo-space-s)");
        add(
                new H3("Statement runs"),
                new Paragraph("Every statement the cycles sent on one date, in one PDF for the mail room."),
                row,
                progress,
                progressText,
                download);
    }

    /** Shows the runs of a ledger (the newest selected). */
    public void show(String ledger) {
        this.ledger = ledger;
        List<StatementService.Run> runs = ledger == null ? List.of() : statements.runs(username, ledger);
        run.setItems(runs);
        run.setValue(runs.isEmpty() ? null : runs.getFirst());
        print.setEnabled(!runs.isEmpty());
        if (runs.isEmpty()) {
            progressText.setText("No statement run yet: statements go out when the practice clock passes a due date.");
        } else {
            progressText.setText("");
        }
    }

    void start() {
        StatementService.Run chosen = run.getValue();
        UI ui = UI.getCurrent();
        if (chosen == null || ledger == null || ui == null) {
            return;
        }
        String forLedger = ledger;
        LocalDate date = chosen.date();
        int total = chosen.statements();
        print.setEnabled(false);
        download.removeAll();
        progress.setVisible(true);
        progress.setValue(0);
        progressText.setText("Printing " + total + " statements…");
        ui.setPollInterval(500);
        executor.execute(() -> {
            try {
                Path pdf = Files.createTempFile("chart2claim-statements-", ".pdf");
                int step = Math.max(1, total / 50);
                int printed;
                try (OutputStream out = Files.newOutputStream(pdf)) {
                    printed = statements.printRun(username, forLedger, date, out, (done, all) -> {
                        if (done % step == 0 || done == all) {
                            ui.access(() -> {
                                progress.setValue((double) done / all);
                                progressText.setText(done + " of " + all + " statements printed");
                            });
                        }
                    });
                }
                ui.access(() -> finished(pdf, printed, date));
            } catch (IOException | RuntimeException e) {
                ui.access(() -> failed(e));
            }
        });
    }

    private void finished(Path pdf, int printed, LocalDate date) {
        deleteFile();
        file = pdf;
        UI.getCurrent().setPollInterval(-1);
        progress.setValue(1);
        progressText.setText(printed + " statements printed.");
        print.setEnabled(true);
        Anchor link = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    try {
                        return new DownloadResponse(
                                Files.newInputStream(pdf),
                                "statements-" + date + ".pdf",
                                "application/pdf",
                                Files.size(pdf));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }),
                "Download the " + printed + " statements of " + DisplayDates.date(date) + " (PDF)");
        link.getElement().setAttribute("target", "_blank");
        link.setId("statement-run-pdf");
        download.add(link);
    }

    private void failed(Exception e) {
        UI.getCurrent().setPollInterval(-1);
        progress.setVisible(false);
        print.setEnabled(true);
        progressText.setText("The statements could not be printed: " + e.getMessage());
    }

    /** The printed PDF (tests read it). */
    Path file() {
        return file;
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        deleteFile();
        super.onDetach(detachEvent);
    }

    private void deleteFile() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; the OS cleans its temp folder
            }
            file = null;
        }
    }
}
