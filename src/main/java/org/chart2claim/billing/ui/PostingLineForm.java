package org.chart2claim.billing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.chart2claim.billing.exercise.HandPosting;
import org.chart2claim.billing.posting.TransactionType;
import org.chart2claim.payer.LineResult;

/** One service line of the hand-posting exercise: paid, the adjustments (one row each) and the patient's share. */
public class PostingLineForm extends Div {
    /** What an adjustment can be posted as (the ledger's adjustment transactions). */
    static final List<TransactionType> POSTED_AS = List.of(
            TransactionType.CONTRACTUAL_ADJUSTMENT,
            TransactionType.DENIAL,
            TransactionType.DEDUCTIBLE,
            TransactionType.COINSURANCE,
            TransactionType.COPAY,
            TransactionType.PATIENT_RESPONSIBILITY,
            TransactionType.OTHER_ADJUSTMENT);

    private final int line;
    public final TextField paid = new TextField("Paid");
    public final TextField patientResponsibility = new TextField("Patient responsibility");
    public final List<AdjustmentRow> adjustments = new ArrayList<>();
    public final Button addAdjustment = new Button("Add adjustment");
    private final Div rows = new Div();

    public PostingLineForm(LineResult l) {
        this.line = l.line();
        addClassName("posting-line");
        paid.setId("paid-" + line);
        patientResponsibility.setId("pr-" + line);
        FlexLayout money = new FlexLayout(paid, patientResponsibility);
        money.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        money.getStyle().set("gap", "var(--lumo-space-s)");
        addAdjustment.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        addAdjustment.addClickListener(e -> addRow());
        add(
                new H3("Line " + line + " · " + l.code()
                        + (l.modifiers().isEmpty() ? "" : "-" + String.join("-", l.modifiers())) + " · billed "
                        + EligibilityView.money(l.billed())),
                money,
                rows,
                addAdjustment);
        addRow();
    }

    /** Adds an empty adjustment row and answers it. */
    public AdjustmentRow addRow() {
        AdjustmentRow row = new AdjustmentRow();
        adjustments.add(row);
        rows.add(row);
        return row;
    }

    /** The line as posted; unreadable amounts are added to {@code problems}. */
    HandPosting.Line read(List<String> problems) {
        List<HandPosting.Entry> entries = new ArrayList<>();
        for (AdjustmentRow r : adjustments) {
            entries.add(new HandPosting.Entry(
                    r.group.getValue(),
                    r.carc.getValue(),
                    amount(r.amount, "line " + line + " adjustment amount", problems),
                    r.postedAs.getValue()));
        }
        return new HandPosting.Line(
                line,
                amount(paid, "line " + line + " paid", problems),
                entries,
                amount(patientResponsibility, "line " + line + " patient responsibility", problems));
    }

    private static BigDecimal amount(TextField field, String what, List<String> problems) {
        String v = field.getValue() == null
                ? ""
                : field.getValue().trim().replace("$", "").replace(",", "");
        if (v.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            field.setInvalid(true);
            problems.add("'" + field.getValue() + "' (" + what + ") is not an amount.");
            return null;
        }
    }

    /** Group, CARC, amount and what it is posted as. */
    public static class AdjustmentRow extends FlexLayout {
        public final Select<String> group = new Select<>();
        public final TextField carc = new TextField("CARC");
        public final TextField amount = new TextField("Amount");
        public final Select<TransactionType> postedAs = new Select<>();

        AdjustmentRow() {
            addClassName("posting-adjustment");
            setFlexWrap(FlexWrap.WRAP);
            getStyle().set("gap", "var(--lumo-space-s)");
            group.setLabel("Group");
            group.setItems("CO", "PR", "OA", "PI");
            group.setWidth("6em");
            carc.setWidth("6em");
            amount.setWidth("8em");
            postedAs.setLabel("Post as");
            postedAs.setItems(POSTED_AS);
            postedAs.setItemLabelGenerator(TransactionType::label);
            add(group, carc, amount, postedAs);
        }

        /** Fills the row (tests and the story). */
        public void fill(String g, String reason, String money, TransactionType as) {
            group.setValue(g);
            carc.setValue(reason);
            amount.setValue(money);
            postedAs.setValue(as);
        }
    }
}
