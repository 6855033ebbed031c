package org.chart2claim.billing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.chart2claim.billing.clock.ClockAdvance;
import org.chart2claim.billing.clock.ClockEvent;
import org.chart2claim.billing.clock.LedgerClockService;
import org.chart2claim.config.DisplayDates;
import org.chart2claim.payer.PayerService;

/**
 * The practice's simulated date for one of the user's ledgers, with "a week passes" and "30 days pass". Any view
 * that works on a ledger (denials, posting, statements, A/R) embeds it and listens for ledger changes and moves;
 * what came due on a move (appeal decisions, statement runs) is announced here too.
 */
public class LedgerClockBar extends FlexLayout {
    public final Select<String> ledger = new Select<>();
    public final Span today = new Span();
    public final Button week = new Button("A week passes");
    public final Button month = new Button("30 days pass");

    private final LedgerClockService clock;
    private final String username;
    private final List<Consumer<String>> ledgerListeners = new ArrayList<>();
    private final List<Consumer<ClockAdvance>> advanceListeners = new ArrayList<>();

    public LedgerClockBar(LedgerClockService clock, String username) {
        this.clock = clock;
        this.username = username;
        addClassName("ledger-clock-bar");
        setFlexWrap(FlexWrap.WRAP);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        getStyle().set("gap", "var(--lumo-space-s)");
        List<String> ledgers = clock.ledgers(username);
        ledger.setLabel("Ledger");
        ledger.setItems(ledgers);
        today.addClassName("ledger-clock-today");
        week.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        month.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        week.addClickListener(e -> advance(7));
        month.addClickListener(e -> advance(30));
        ledger.addValueChangeListener(e -> {
            showToday();
            ledgerListeners.forEach(l -> l.accept(e.getValue()));
        });
        add(ledger, today, week, month);
        if (!ledgers.isEmpty()) {
            ledger.setValue(
                    ledgers.contains(PayerService.DEFAULT_LEDGER) ? PayerService.DEFAULT_LEDGER : ledgers.getFirst());
        } else {
            showToday();
        }
    }

    /** The selected ledger, or null while the user has none. */
    public String selectedLedger() {
        return ledger.getValue();
    }

    /** The selected ledger's "today". */
    public LocalDate currentDate() {
        return selectedLedger() == null ? null : clock.today(username, selectedLedger());
    }

    public void addLedgerChangeListener(Consumer<String> listener) {
        ledgerListeners.add(listener);
    }

    public void addAdvanceListener(Consumer<ClockAdvance> listener) {
        advanceListeners.add(listener);
    }

    void advance(int days) {
        if (selectedLedger() == null) {
            return;
        }
        ClockAdvance moved = clock.advanceDays(username, selectedLedger(), days);
        showToday();
        String came = moved.events().stream().map(ClockEvent::summary).collect(Collectors.joining(" "));
        Notification.show(
                "Practice date is now " + DisplayDates.date(moved.today()) + "." + (came.isEmpty() ? "" : " " + came),
                6000,
                Notification.Position.BOTTOM_START);
        advanceListeners.forEach(l -> l.accept(moved));
    }

    private void showToday() {
        boolean any = selectedLedger() != null;
        week.setEnabled(any);
        month.setEnabled(any);
        today.setText(any ? "Practice date: " + DisplayDates.date(currentDate()) : "No claims yet: no ledger to date.");
    }
}
