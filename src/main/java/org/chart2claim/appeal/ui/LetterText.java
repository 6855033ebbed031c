package org.chart2claim.appeal.ui;

import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import org.chart2claim.appeal.AppealLetter;
import org.chart2claim.appeal.RecordDocument;

/** The body of an appeal letter as the trainee's item page and the instructor's review queue show it. */
final class LetterText {
    private LetterText() {}

    static Paragraph[] body(AppealLetter letter) {
        return List.of(
                        new Paragraph("Re: " + letter.reason()),
                        new Paragraph(letter.argument()),
                        new Paragraph("Enclosed: "
                                + String.join(
                                        ", ",
                                        letter.documentation().stream()
                                                .map(RecordDocument::label)
                                                .toList())),
                        new Paragraph("Requested: " + letter.outcome()))
                .toArray(Paragraph[]::new);
    }
}
