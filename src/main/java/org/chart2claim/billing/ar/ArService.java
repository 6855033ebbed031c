package org.chart2claim.billing.ar;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.chart2claim.account.CohortService;
import org.chart2claim.account.Role;
import org.chart2claim.account.UserAccount;
import org.chart2claim.billing.posting.PostingService;
import org.chart2claim.payer.PayerService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A/R and KPIs of a ledger, for its owner, and for the instructors of the owner's cohorts (administrators see
 * every ledger). Anybody else gets nothing, as if the ledger did not exist.
 */
@Service
public class ArService {
    private final PostingService posting;
    private final PayerService payer;
    private final CohortService cohorts;

    public ArService(PostingService posting, PayerService payer, CohortService cohorts) {
        this.posting = posting;
        this.payer = payer;
        this.cohorts = cohorts;
    }

    /** The owner's own report; empty for a ledger they do not have. */
    public Optional<ArReport> report(String owner, String ledger) {
        if (!posting.hasLedger(owner, ledger)) {
            return Optional.empty();
        }
        return Optional.of(ArCalculator.compute(
                ledger,
                posting.ledger(owner, ledger).transactions(),
                posting.claims(owner, ledger),
                posting.today(owner, ledger),
                id -> payer.rules().payer(id).map(p -> p.name()).orElse(id)));
    }

    /** {@code owner}'s report as {@code viewer} may see it: their own, their cohorts' students', or any for admins. */
    public Optional<ArReport> reportAs(String viewer, Set<Role> roles, String owner, String ledger) {
        if (!maySee(viewer, roles, owner)) {
            return Optional.empty();
        }
        return report(owner, ledger);
    }

    public boolean maySee(String viewer, Set<Role> roles, String owner) {
        if (viewer.equalsIgnoreCase(owner) || roles.contains(Role.ADMIN)) {
            return true;
        }
        return roles.contains(Role.INSTRUCTOR) && cohorts.teaches(viewer, owner);
    }

    /** The students whose ledgers an instructor may open: everyone in the cohorts they teach. */
    @Transactional(readOnly = true)
    public List<String> studentsOf(String instructor) {
        Set<String> names = new TreeSet<>();
        cohorts.findForInstructor(instructor)
                .forEach(c ->
                        c.getStudents().stream().map(UserAccount::getUsername).forEach(names::add));
        return List.copyOf(names);
    }

    public List<String> ledgers(String owner) {
        return posting.ledgers(owner);
    }

    /** The report as CSV: every KPI with its value, then the aging by payer and by patient, then the denials. */
    public static String csv(ArReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("section,key,name,0-30,31-60,61-90,91-120,120+,total\n");
        line(sb, "kpi", "billed", "Gross charges", r.billed());
        line(sb, "kpi", "paid", "Payments (payer + patient - refunds)", r.paid());
        line(sb, "kpi", "adjusted", "Write-offs (contractual + other)", r.adjusted());
        line(sb, "kpi", "open", "Total A/R", r.open());
        line(sb, "kpi", "daysInAR", "Days in A/R", r.daysInAR());
        line(sb, "kpi", "firstPassRate", "First-pass acceptance %", r.firstPassRate());
        line(sb, "kpi", "denialRate", "Denial rate %", r.denialRate());
        line(sb, "kpi", "netCollectionRate", "Net collection rate %", r.netCollectionRate());
        line(sb, "kpi", "averageDaysToPay", "Average days to pay", r.averageDaysToPay());
        agingLine(sb, "aging", "all", "All open balances", r.aging(), r.open());
        r.byPayer().forEach(a -> agingLine(sb, "payer", a.key(), a.name(), a.buckets(), a.total()));
        r.byPatient().forEach(a -> agingLine(sb, "patient", a.key(), a.name(), a.buckets(), a.total()));
        r.deniedByCarc()
                .forEach(d -> sb.append("denial-carc,")
                        .append(cell(d.reason()))
                        .append(',')
                        .append(cell(d.lines() + " lines"))
                        .append(",,,,,,")
                        .append(d.amount())
                        .append('\n'));
        r.deniedByEdit()
                .forEach(d -> sb.append("denial-edit,")
                        .append(cell(d.reason()))
                        .append(',')
                        .append(cell(d.lines() + " lines"))
                        .append(",,,,,,")
                        .append(d.amount())
                        .append('\n'));
        return sb.toString();
    }

    private static void line(StringBuilder sb, String section, String key, String name, Object value) {
        sb.append(section)
                .append(',')
                .append(key)
                .append(',')
                .append(cell(name))
                .append(",,,,,,")
                .append(value == null ? "" : value)
                .append('\n');
    }

    private static void agingLine(
            StringBuilder sb,
            String section,
            String key,
            String name,
            java.util.Map<String, java.math.BigDecimal> buckets,
            java.math.BigDecimal total) {
        sb.append(section).append(',').append(cell(key)).append(',').append(cell(name));
        for (AgingBucket b : AgingBucket.values()) {
            sb.append(',').append(buckets.get(b.label()));
        }
        sb.append(',').append(total).append('\n');
    }

    /** CSV cell: quoted when needed; a leading =, +, - or @ is defused so a spreadsheet never runs it. */
    static String cell(String s) {
        String v = s == null ? "" : s;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
