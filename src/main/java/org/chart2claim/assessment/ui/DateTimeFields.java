package org.chart2claim.assessment.ui;

import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * A date and a time of day as one field (an exam's window, a student's own window), in the server's time zone as the
 * exam rules read it. Vaadin's DateTimePicker keeps its date and time parts at 12em each from inside its shadow
 * DOM, wider together than a phone; here a date picker and a time picker sit side by side and wrap onto two lines
 * when the field is narrower than both. The value is empty while either part is empty; {@link #isIncomplete} tells
 * a half-filled field from an empty one, so a view can refuse it instead of reading "no date".
 */
public class DateTimeFields extends CustomField<LocalDateTime> {

    final DatePicker date = new DatePicker();
    final TimePicker time = new TimePicker();

    public DateTimeFields(String label) {
        setLabel(label);
        date.setAriaLabel(label + ": date");
        time.setAriaLabel(label + ": time");
        // flex bases instead of the pickers' fixed 12em: side by side where they fit, else one above the other
        date.getStyle().set("flex", "1 1 9em").set("min-width", "8em");
        time.getStyle().set("flex", "1 1 6em").set("min-width", "6em");
        Div row = new Div(date, time);
        row.getStyle()
                .set("display", "flex")
                .set("flex-wrap", "wrap")
                .set("gap", "0 var(--lumo-space-s)")
                .set("width", "100%");
        add(row);
        setWidth("19em");
        setMaxWidth("100%"); // in a form column or a narrow window: the column's width

        // a server-side change of either part (a test, a listener) updates the value as the browser's does
        date.addValueChangeListener(e -> updateValue());
        time.addValueChangeListener(e -> updateValue());
    }

    @Override
    protected LocalDateTime generateModelValue() {
        return date.getValue() == null || time.getValue() == null
                ? null
                : date.getValue().atTime(time.getValue());
    }

    @Override
    protected void setPresentationValue(LocalDateTime value) {
        date.setValue(value == null ? null : value.toLocalDate());
        time.setValue(value == null ? null : value.toLocalTime());
    }

    /** One part is filled and the other is not (the value is then empty). */
    public boolean isIncomplete() {
        return (date.getValue() == null) != (time.getValue() == null) || date.isInvalid() || time.isInvalid();
    }

    /**
     * Marks a half-filled field invalid with a message and returns true, else clears the mark and returns false:
     * views call it before they save.
     */
    public boolean refuseIfIncomplete() {
        boolean incomplete = isIncomplete();
        setInvalid(incomplete);
        setErrorMessage(incomplete ? "Enter both a date and a time (or neither)" : null);
        return incomplete;
    }

    /** The value as an instant in the server's time zone (null when empty). */
    public Instant instant() {
        LocalDateTime local = getValue();
        return local == null ? null : local.atZone(ZoneId.systemDefault()).toInstant();
    }

    /** Shows {@code instant} in the server's time zone (empty for null). */
    public void setInstant(Instant instant) {
        setValue(instant == null ? null : LocalDateTime.ofInstant(instant, ZoneId.systemDefault()));
    }
}
