package org.chart2claim.appeal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.chart2claim.account.CurrentUser;
import org.chart2claim.appeal.AppealException;
import org.chart2claim.appeal.AppealService;
import org.chart2claim.appeal.AppealService.WorkItem;
import org.chart2claim.appeal.CarcText;
import org.chart2claim.appeal.Drill;
import org.chart2claim.billing.clock.LedgerClockService;
import org.chart2claim.billing.ui.LedgerClockBar;
import org.chart2claim.config.DisplayDates;
import org.chart2claim.config.ui.NarrowScreen;

/**
 * Appeals → Denials: every denied, reduced or patient-responsibility line of the trainee's claims in one ledger,
 * soonest deadline first, with filters by payer, CARC and status and the ledger's clock ("a week passes" brings
 * the payer's answers). Below, the denial drills to start. Only the caller's own items are listed.
 */
@Menu(title = "Appeals", order = 12, icon = "vaadin:scale")
@Route("appeals")
@PageTitle("Denials · Chart2Claim")
@RolesAllowed("STUDENT")
@StyleSheet("css/appeal.css")
public class DenialsView extends VerticalLayout implements BeforeEnterObserver {
    public final LedgerClockBar clock;
    public final Grid<WorkItem> grid = new Grid<>();
    public final Select<String> payerFilter = new Select<>();
    public final Select<String> carcFilter = new Select<>();
    public final Select<String> statusFilter = new Select<>();
    public final Paragraph summary = new Paragraph();
    public final Grid<Drill> drills = new Grid<>();

    private static final String ALL = "All";
    private final AppealService appeals;
    private final String username;
    private List<WorkItem> items = List.of();

    public DenialsView(AppealService appeals, LedgerClockService clockService, CurrentUser currentUser) {
        this.appeals = appeals;
        this.username = currentUser.requireUsername();
        addClassName("denials-view");
        clock = new LedgerClockBar(clockService, username);
        clock.addLedgerChangeListener(l -> refresh());
        clock.addAdvanceListener(a -> refresh());
        for (Select<String> f : List.of(payerFilter, carcFilter, statusFilter)) {
            f.addValueChangeListener(e -> {
                if (e.isFromClient() || e.getOldValue() != null) {
                    showFiltered();
                }
            });
        }
        payerFilter.setLabel("Payer");
        carcFilter.setLabel("Denial");
        statusFilter.setLabel("Status");
        FlexLayout filters = new FlexLayout(payerFilter, carcFilter, statusFilter);
        filters.addClassName("denial-filters");
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);

        grid.addComponentColumn(DenialsView::deadline).setHeader("Deadline").setAutoWidth(true);
        grid.addColumn(w -> w.row().claimNumber()
                        + (w.row().line() > 0 ? " / " + w.row().line() : "") + " · "
                        + w.row().code()
                        + (w.row().modifiers().isEmpty()
                                ? ""
                                : "-" + String.join("-", w.row().modifiers()))
                        + " · remitted " + DisplayDates.date(w.row().remittedOn()))
                .setHeader("Claim / line · code")
                .setWidth("13rem")
                .setFlexGrow(1);
        grid.addColumn(w -> w.row().patient() + " · " + w.payerName())
                .setHeader("Patient · payer")
                .setWidth("12rem")
                .setFlexGrow(1);
        grid.addColumn(w -> money(w.row().billed()) + " / " + money(w.row().allowed()) + " / "
                        + money(w.row().paid()))
                .setHeader("Billed / allowed / paid")
                .setAutoWidth(true);
        grid.addColumn(w -> w.row().label()
                        + (w.row().rarc().isEmpty()
                                ? ""
                                : " " + String.join(" ", w.row().rarc())) + ": "
                        + CarcText.of(w.row().carc()))
                .setHeader("Denial")
                .setWidth("14rem")
                .setFlexGrow(2);
        grid.addColumn(WorkItem::statusText).setHeader("Status").setAutoWidth(true);
        grid.addColumn(w ->
                        w.row().score() == null ? "" : String.valueOf(w.row().score()))
                .setHeader("Score")
                .setAutoWidth(true);
        // phone width: one combined column instead of eleven (a grid cannot wrap its columns)
        var compact = grid.addColumn(w -> (w.deadline() == null
                                ? ""
                                : "Due " + DisplayDates.date(w.deadline()) + " (" + w.daysLeft() + " d) · ")
                        + w.row().claimNumber()
                        + (w.row().line() > 0 ? "/" + w.row().line() : "") + " · "
                        + w.row().code() + " · " + w.row().label() + " "
                        + CarcText.of(w.row().carc()) + " · "
                        + money(w.row().amount()) + " · "
                        + w.statusText()
                        + (w.row().score() == null ? "" : " · score " + w.row().score()))
                .setHeader("Work item")
                .setFlexGrow(1);
        compact.setVisible(false);
        NarrowScreen.track(this, narrow -> {
            grid.getColumns().forEach(c -> c.setVisible(narrow == (c == compact)));
            filters.setVisible(!narrow || items.size() > 5);
        });
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> open(e.getItem()));

        drills.addColumn(Drill::title).setHeader("Drill").setFlexGrow(3);
        var kind = drills.addColumn(d -> d.kind().label()).setHeader("Kind").setFlexGrow(2);
        NarrowScreen.track(drills, narrow -> kind.setVisible(!narrow));
        drills.addComponentColumn(d -> {
                    Button start = new Button("Start", e -> startDrill(d));
                    start.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    start.setId("start-" + d.id());
                    return start;
                })
                .setHeader("")
                .setAutoWidth(true);
        drills.setItems(appeals.drills());
        drills.setAllRowsVisible(true);
        Details drillBox = new Details(
                "Denial drills (" + appeals.drills().size() + ")",
                new Paragraph(
                        "A scenario billed exactly as its key, whose first remittance is wrong. Each drill starts in a"
                                + " ledger of its own; find out what went wrong and act."),
                drills);
        drillBox.setWidthFull();

        add(new H2("Denials"), clock, filters, summary, grid, drillBox);
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("ledger").ifPresent(l -> {
            List<String> ledgers = appeals.ledgers(username);
            if (ledgers.contains(l)) {
                clock.ledger.setItems(ledgers); // a drill may have opened a ledger since the bar was built
                clock.ledger.setValue(l);
            }
        });
    }

    void refresh() {
        String ledger = clock.selectedLedger();
        items = ledger == null ? List.of() : appeals.worklist(username, ledger);
        setOptions(payerFilter, items.stream().map(WorkItem::payerName));
        setOptions(carcFilter, items.stream().map(w -> w.row().label()));
        setOptions(statusFilter, items.stream().map(w -> w.row().status().label()));
        showFiltered();
    }

    private static void setOptions(Select<String> filter, Stream<String> values) {
        String keep = filter.getValue();
        List<String> options =
                Stream.concat(Stream.of(ALL), values.distinct().sorted()).toList();
        filter.setItems(options);
        filter.setValue(keep != null && options.contains(keep) ? keep : ALL);
    }

    void showFiltered() {
        List<WorkItem> shown = items.stream()
                .filter(w -> matches(payerFilter, w.payerName()))
                .filter(w -> matches(carcFilter, w.row().label()))
                .filter(w -> matches(statusFilter, w.row().status().label()))
                .toList();
        grid.setItems(shown);
        long open = items.stream().filter(w -> !w.row().status().closed()).count();
        summary.setText(
                clock.selectedLedger() == null
                        ? "No claims yet. Submit a claim under Claims, or start a denial drill below."
                        : items.size() + " work items in ledger '" + clock.selectedLedger() + "', " + open
                                + " still open. Sorted by deadline; open an item to work it.");
    }

    private static boolean matches(Select<String> filter, String value) {
        return filter.getValue() == null || ALL.equals(filter.getValue()) || Objects.equals(filter.getValue(), value);
    }

    private static Span deadline(WorkItem w) {
        Span s = new Span(w.deadline() == null ? "—" : DisplayDates.date(w.deadline()) + " (" + w.daysLeft() + " d)");
        if (w.daysLeft() != null && w.daysLeft() < 0) {
            s.addClassName("denial-overdue");
        } else if (w.daysLeft() != null && w.daysLeft() <= 14) {
            s.addClassName("denial-soon");
        }
        return s;
    }

    private void open(WorkItem w) {
        UI.getCurrent().navigate(WorkItemView.class, w.id());
    }

    void startDrill(Drill drill) {
        String ledger = "drill-" + drill.id();
        for (int n = 2; appeals.ledgers(username).contains(ledger); n++) {
            ledger = "drill-" + drill.id() + "-" + n;
        }
        try {
            AppealService.DrillStart started = appeals.startDrill(username, drill.id(), ledger);
            Notification.show(
                    "Drill started in ledger '" + ledger + "': the payer's remittance is in. "
                            + started.items().size() + " work item(s).",
                    5000,
                    Notification.Position.BOTTOM_START);
            UI.getCurrent().navigate("appeals", QueryParameters.of("ledger", ledger));
        } catch (AppealException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE);
        }
    }

    static String money(BigDecimal amount) {
        return amount == null
                ? ""
                : "$" + amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
