package org.chart2claim.billing.statement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Prints a {@link Statement} as a one-or-more-page US Letter PDF with Apache PDFBox (the standard Helvetica fonts, so
 * nothing is embedded): practice and patient, statement date and account, each service (date, code, description,
 * charge, insurance paid, adjustments, your share), payments, the balance due with its aging, the cycle's message and
 * how to pay.
 */
public final class StatementPdf {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);
    private static final float MARGIN = 50;
    private static final float LINE = 14;

    private StatementPdf() {}

    public static byte[] render(Statement s) {
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Patient statement " + s.account() + " " + s.date());
            info.setCreator("Chart2Claim");
            Writer w = new Writer(doc);
            w.bold(16, s.practice().name());
            for (String line : s.practice().address()) {
                w.text(10, line);
            }
            if (!s.practice().phone().isBlank()) {
                w.text(10, "Billing office: " + s.practice().phone());
            }
            w.gap();
            w.bold(14, "PATIENT STATEMENT");
            w.text(
                    10,
                    "Statement date: " + s.date().format(DATE) + "     Account: " + s.account()
                            + (s.cycle() > 0 ? "     Statement no. " + s.cycle() : ""));
            w.gap();
            w.bold(11, s.patient().name());
            for (String line : s.patient().address()) {
                w.text(10, line);
            }
            w.gap();
            float[] cols = {MARGIN, MARGIN + 62, MARGIN + 110, 330, 390, 450, 510, 562};
            w.row(true, cols, "Date", "Code", "Description", "Charge", "Ins. paid", "Adjusted", "Your share");
            for (Statement.Service v : s.services()) {
                w.row(
                        false,
                        cols,
                        v.date() == null ? "" : v.date().format(DATE),
                        v.code(),
                        cut(v.description(), 40),
                        money(v.charge()),
                        money(v.insurancePaid()),
                        money(v.adjustments()),
                        money(v.patientShare()));
            }
            w.text(
                    8,
                    "Adjusted: contractual write-offs and amounts your insurance denied to the practice; they are"
                            + " never billed to you.");
            if (!s.payments().isEmpty()) {
                w.gap();
                w.bold(11, "Payments");
                for (Statement.Payment p : s.payments()) {
                    w.text(10, p.date().format(DATE) + "   " + p.what() + "   " + money(p.amount()));
                }
            }
            w.gap();
            w.bold(13, "BALANCE DUE: " + money(s.balanceDue()));
            if (s.pendingWithInsurance().signum() != 0) {
                w.text(10, "Still with your insurance (not due from you yet): " + money(s.pendingWithInsurance()));
            }
            StringBuilder aging = new StringBuilder("Aging of your balance (days since service):");
            s.aging()
                    .forEach((bucket, amount) ->
                            aging.append("  ").append(bucket).append(": ").append(money(amount)));
            w.text(9, aging.toString());
            w.gap();
            w.wrapped(10, s.message());
            w.gap();
            w.wrapped(9, Statement.HOW_TO_PAY);
            w.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the statement PDF", e);
        }
    }

    static String money(BigDecimal v) {
        return v == null ? "" : "$" + String.format(Locale.US, "%,.2f", v);
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() > max ? s.substring(0, max - 1) + "." : s;
    }

    /** Helvetica's WinAnsi encoding: typographic characters to plain ones, anything else to '?'. */
    static String safe(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '–', '—', '−' -> sb.append('-');
                case '·', '•' -> sb.append('-');
                case '’', '‘' -> sb.append('\'');
                case '“', '”' -> sb.append('"');
                case '…' -> sb.append("...");
                default -> sb.append(c < 32 ? ' ' : c <= 255 ? c : '?');
            }
        }
        return sb.toString();
    }

    /** A cursor over pages: text lines, table rows (numbers right-aligned), wrapping, new pages as needed. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private PDPageContentStream out;
        private float y;

        Writer(PDDocument doc) throws IOException {
            this.doc = doc;
            newPage();
        }

        private void newPage() throws IOException {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            out = new PDPageContentStream(doc, page);
            y = PDRectangle.LETTER.getHeight() - MARGIN;
        }

        private void need(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        void text(float size, String s) throws IOException {
            write(regular, size, MARGIN, s);
        }

        void bold(float size, String s) throws IOException {
            write(bold, size, MARGIN, s);
        }

        private void write(PDType1Font font, float size, float x, String s) throws IOException {
            need(size + 4);
            y -= size + 4;
            show(font, size, x, s);
        }

        private void show(PDType1Font font, float size, float x, String s) throws IOException {
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, y);
            out.showText(safe(s));
            out.endText();
        }

        void row(boolean header, float[] cols, String... cells) throws IOException {
            need(LINE);
            y -= LINE;
            PDType1Font font = header ? bold : regular;
            float size = 9;
            for (int i = 0; i < cells.length; i++) {
                String cell = safe(cells[i]);
                if (i >= 3) {
                    float width = font.getStringWidth(cell) / 1000 * size;
                    show(font, size, cols[i + 1] - 4 - width, cell);
                } else {
                    show(font, size, cols[i], cell);
                }
            }
        }

        void wrapped(float size, String s) throws IOException {
            float width = PDRectangle.LETTER.getWidth() - 2 * MARGIN;
            StringBuilder line = new StringBuilder();
            for (String word : safe(s).split(" ")) {
                String next = line.isEmpty() ? word : line + " " + word;
                if (regular.getStringWidth(next) / 1000 * size > width && !line.isEmpty()) {
                    text(size, line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(next);
                }
            }
            if (!line.isEmpty()) {
                text(size, line.toString());
            }
        }

        void gap() {
            y -= LINE / 2;
        }

        void close() throws IOException {
            out.close();
        }
    }
}
