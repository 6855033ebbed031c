package org.chart2claim.appeal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.chart2claim.account.CohortService;
import org.chart2claim.appeal.AppealStore.FilingRow;
import org.chart2claim.appeal.AppealStore.ItemRow;
import org.chart2claim.appeal.decision.AppealCase;
import org.chart2claim.appeal.decision.AppealDecision;
import org.chart2claim.appeal.decision.DecisionRegistry;
import org.chart2claim.appeal.decision.Outcome;
import org.chart2claim.appeal.otherpayer.CobClaims;
import org.chart2claim.appeal.otherpayer.CoverageFacts;
import org.chart2claim.appeal.otherpayer.OtherPayerRegistry;
import org.chart2claim.appeal.otherpayer.Routing;
import org.chart2claim.appeal.retro.RetroAuthRegistry;
import org.chart2claim.appeal.retro.RetroCase;
import org.chart2claim.appeal.retro.RetroDecision;
import org.chart2claim.billing.BillingService;
import org.chart2claim.billing.ScenarioDocumentation;
import org.chart2claim.billing.clock.ClockEvent;
import org.chart2claim.billing.clock.LedgerClockService;
import org.chart2claim.billing.eligibility.EligibilityAnswer;
import org.chart2claim.billing.eligibility.EligibilityRequest;
import org.chart2claim.billing.eligibility.EligibilityService;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ClaimBuilder;
import org.chart2claim.claim.ClaimScrubber;
import org.chart2claim.claim.ClaimText;
import org.chart2claim.claim.FrequencyCode;
import org.chart2claim.claim.ScrubFinding;
import org.chart2claim.claim.ServiceLine;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.config.ContentLocations;
import org.chart2claim.config.Json;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.ClaimStatus;
import org.chart2claim.payer.Disclosure;
import org.chart2claim.payer.DocumentedEncounter;
import org.chart2claim.payer.LineResult;
import org.chart2claim.payer.PayerClaimRecord;
import org.chart2claim.payer.PayerService;
import org.chart2claim.payer.PriorClaim;
import org.chart2claim.payer.data.Authorization;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The biller's desk after the 835: turns the caller's remittances into work items, takes the actions, files
 * appeals the payer's appeals unit decides on the ledger's simulated clock (or an instructor in role-play), and
 * scores every item once it is decided or closed. Everything is per user: another user's items are not found.
 */
@Service
public class AppealService {
    public static final String DECISION_EVENT = "appeal-decision";
    public static final String RETRO_EVENT = "retro-authorization";

    private final AppealStore store;
    private final PayerService payer;
    private final BillingService billing;
    private final ScenarioLibrary scenarios;
    private final LedgerClockService clock;
    private final CohortService cohorts;
    private final DrillLibrary drills;
    private final ContentLocations locations;
    private final EligibilityService eligibility;
    private final DecisionRegistry registry = DecisionRegistry.standard();
    private final OtherPayerRegistry otherPayers = OtherPayerRegistry.standard();
    private final RetroAuthRegistry retroRules = RetroAuthRegistry.standard();
    private volatile AppealLevels levels;

    public AppealService(
            AppealStore store,
            PayerService payer,
            BillingService billing,
            ScenarioLibrary scenarios,
            LedgerClockService clock,
            CohortService cohorts,
            DrillLibrary drills,
            ContentLocations locations,
            EligibilityService eligibility) {
        this.eligibility = eligibility;
        this.store = store;
        this.payer = payer;
        this.billing = billing;
        this.scenarios = scenarios;
        this.clock = clock;
        this.cohorts = cohorts;
        this.drills = drills;
        this.locations = locations;
    }

    public AppealLevels levels() {
        if (levels == null) {
            synchronized (this) {
                if (levels == null) {
                    levels = AppealLevels.load(locations.codebooksDir());
                }
            }
        }
        return levels;
    }

    // ------------------------------------------------------------------ the worklist

    /** A work item as the worklist shows it: the stored row plus its deadline on the ledger's clock. */
    public record WorkItem(
            ItemRow row,
            String payerName,
            LocalDate today,
            LocalDate deadline,
            Long daysLeft,
            Optional<AppealLevels.Level> nextLevel,
            String statusText) {
        public long id() {
            return row.id();
        }
    }

    /** The user's ledgers with claims. */
    public List<String> ledgers(String username) {
        return clock.ledgers(username);
    }

    public LocalDate today(String username, String ledger) {
        return clock.today(username, ledger);
    }

    /** The caller's work items of a ledger, soonest deadline first (closed items last). */
    @Transactional
    public List<WorkItem> worklist(String username, String ledger) {
        sync(username, ledger);
        LocalDate today = clock.today(username, ledger);
        return store.items(username, ledger).stream()
                .map(r -> view(r, today))
                .sorted(Comparator.comparing((WorkItem w) ->
                                w.deadline() == null || w.row().status().closed() ? LocalDate.MAX : w.deadline())
                        .thenComparing(WorkItem::id))
                .toList();
    }

    /** One of the caller's items, with its filings; another user's item is not found. */
    @Transactional(readOnly = true)
    public Optional<WorkItem> item(String username, long id) {
        return store.item(id)
                .filter(r -> r.username().equals(username))
                .map(r -> view(r, clock.today(username, r.ledger())));
    }

    public List<FilingRow> filings(WorkItem item) {
        return store.filings(item.id());
    }

    /** Every item of the caller in every ledger, oldest first ("Denial work" on My results). */
    public List<ItemRow> allItems(String username) {
        return store.allItems(username);
    }

    private WorkItem view(ItemRow r, LocalDate today) {
        Optional<AppealLevels.Level> next = nextLevel(r);
        LocalDate deadline = r.status().closed()
                ? null
                : next.map(l -> l.deadline(r.determinedOn())).orElse(null);
        Long daysLeft = deadline == null ? null : ChronoUnit.DAYS.between(today, deadline);
        String status = switch (r.status()) {
            case APPEALED ->
                "appealed level " + (pendingFiling(r).map(FilingRow::level).orElse(r.level() + 1));
            case UPHELD -> "upheld at level " + r.level();
            default -> r.status().label();
        };
        return new WorkItem(r, billing.payerName(r.payerId()), today, deadline, daysLeft, next, status);
    }

    private Optional<AppealLevels.Level> nextLevel(ItemRow r) {
        return levels().of(r.payerId()).flatMap(p -> p.level(r.level() + 1));
    }

    private Optional<FilingRow> pendingFiling(ItemRow r) {
        return store.filings(r.id()).stream().filter(FilingRow::pending).findFirst();
    }

    /** Adds an item for every line of the ledger's remittances that needs work and has none yet. */
    private void sync(String username, String ledger) {
        Set<String> known = store.itemKeys(username, ledger);
        List<PayerClaimRecord> records = payer.allClaims(username).stream()
                .filter(r -> r.getLedger().equals(ledger))
                .sorted(Comparator.comparing(PayerClaimRecord::getId))
                .toList();
        Set<String> reversed = new HashSet<>();
        records.stream()
                .filter(r -> ClaimStatus.REVERSED.name().equals(r.getStatus()))
                .forEach(r -> reversed.add(r.getPayerClaimNumber()));
        for (PayerClaimRecord record : records) {
            if (ClaimStatus.REVERSED.name().equals(record.getStatus())) {
                continue;
            }
            if (reversed.contains(record.getPayerClaimNumber())) {
                replacementOf(record, records).ifPresent(next -> follow(record, next, AppealAction.CORRECTED_CLAIM));
                supersede(record.getId());
                continue;
            }
            if (ClaimStatus.REJECTED.name().equals(record.getStatus())) {
                resubmissionOf(record, records).ifPresent(next -> follow(record, next, AppealAction.NEW_CLAIM));
            }
            ClaimResult result = Json.MAPPER.readValue(record.getResultJson(), ClaimResult.class);
            for (DeniedLines.Candidate c : DeniedLines.of(result)) {
                if (known.add(record.getId() + ":" + c.line())) {
                    store.insertItem(
                            username,
                            ledger,
                            record.getId(),
                            record.getPayerClaimNumber(),
                            c,
                            record.getReceivedOn(),
                            record.getPayerId(),
                            billing.patientOf(record),
                            record.getScenarioId());
                }
            }
        }
    }

    /** The replacement (frequency 7, box 22 = its number) that took a reversed claim back, if one did. */
    private static Optional<PayerClaimRecord> replacementOf(PayerClaimRecord original, List<PayerClaimRecord> ledger) {
        return ledger.stream()
                .filter(r -> r.getId() > original.getId()
                        && !ClaimStatus.REVERSED.name().equals(r.getStatus()))
                .filter(r -> {
                    Claim c = Json.MAPPER.readValue(r.getClaimJson(), Claim.class);
                    return c.frequency() == FrequencyCode.REPLACEMENT
                            && original.getPayerClaimNumber()
                                    .equalsIgnoreCase(ClaimText.nz(c.originalClaimNumber())
                                            .trim());
                })
                .findFirst();
    }

    /** The next claim of the ledger with a rejected claim's patient control number: its resubmission. */
    private static Optional<PayerClaimRecord> resubmissionOf(PayerClaimRecord rejected, List<PayerClaimRecord> ledger) {
        String pcn = Json.MAPPER.readValue(rejected.getClaimJson(), Claim.class).patientControlNumber();
        if (pcn == null || pcn.isBlank()) {
            return Optional.empty();
        }
        return ledger.stream()
                .filter(r -> r.getId() > rejected.getId()
                        && !ClaimStatus.REVERSED.name().equals(r.getStatus()))
                .filter(r -> pcn.equals(
                        Json.MAPPER.readValue(r.getClaimJson(), Claim.class).patientControlNumber()))
                .findFirst();
    }

    /**
     * A claim sent from the claim builder for an item still open (a corrected claim for a processed one, a new claim
     * for a rejected one): the item takes that action, dated the claim's receipt, and follows its remittance.
     */
    private void follow(PayerClaimRecord original, PayerClaimRecord next, AppealAction action) {
        ClaimResult answer = Json.MAPPER.readValue(next.getResultJson(), ClaimResult.class);
        for (ItemRow r : store.itemsOfClaim(original.getId())) {
            if (r.status() == ItemStatus.OPEN && !next.getReceivedOn().isBefore(r.remittedOn())) {
                resubmitted(r, denialOf(r), action, next.getReceivedOn(), onTime(r, next.getReceivedOn()), answer);
            }
        }
    }

    /** Items of a claim the payer took back (replaced or reprocessed) that were still being worked are closed. */
    private void supersede(long payerClaimId) {
        for (ItemRow r : store.itemsOfClaim(payerClaimId)) {
            if (!r.status().closed() && !r.status().pending()) {
                store.save(
                        r.with(
                                ItemStatus.CLOSED,
                                r.level(),
                                r.determinedOn(),
                                r.action(),
                                r.actionOn(),
                                r.writeOffReason(),
                                r.recovered(),
                                r.newClaimId(),
                                r.score(),
                                "The payer took claim " + r.claimNumber() + " back (replaced or reprocessed); its new"
                                        + " remittance has its own items."),
                        r.status());
            }
        }
    }

    // ------------------------------------------------------------------ facts

    /** The facts that decide the right action and the payer's answer. */
    public Denial denialOf(ItemRow r) {
        Optional<PriorClaim> stored = payer.stored(r.payerClaimId(), r.username());
        DocumentedEncounter record =
                payer.documentation(r.payerClaimId(), r.username()).orElse(null);
        Support support =
                stored.map(s -> RecordSupport.of(s.claim(), r.line(), record)).orElse(Support.NO_RECORD);
        Optional<Scenario> scenario = scenario(r);
        Denial.Expectation drill = r.drillId() == null
                ? null
                : drills.find(r.drillId()).map(Drill::expectation).orElse(null);
        return new Denial(
                r.group(),
                r.carc(),
                r.rarc(),
                r.code(),
                support,
                r.payerId(),
                scenario.flatMap(Scenario::priorAuth).isPresent(),
                "29".equals(r.carc()) && timelyFilingProof(r).isPresent(),
                drill);
    }

    public Denial.Expectation expectation(ItemRow r) {
        return ActionTable.expectationFor(denialOf(r));
    }

    /** The parts of the record the letter form offers. */
    public Set<RecordDocument> availableDocumentation(ItemRow r) {
        Optional<Scenario> scenario = scenario(r);
        return RecordDocument.available(
                scenario.map(Scenario::noteMarkdown).orElse(null),
                scenario.flatMap(Scenario::priorAuth).isPresent(),
                "29".equals(r.carc()) && timelyFilingProof(r).isPresent());
    }

    public Optional<Scenario> scenario(ItemRow r) {
        return r.scenarioId() == null ? Optional.empty() : scenarios.find(r.scenarioId());
    }

    /**
     * The receipt date of an earlier processed claim of the ledger for the same member, date of service and code,
     * received within the payer's timely-filing limit: the proof that the practice filed in time.
     */
    Optional<LocalDate> timelyFilingProof(ItemRow r) {
        Optional<PriorClaim> denied = payer.stored(r.payerClaimId(), r.username());
        if (denied.isEmpty()
                || r.line() < 1
                || r.line() > denied.get().claim().lines().size()) {
            return Optional.empty();
        }
        ServiceLine line = denied.get().claim().lines().get(r.line() - 1);
        int limit =
                payer.rules().payer(r.payerId()).map(p -> p.timelyFilingDays()).orElse(0);
        String member = denied.get().claim().insured().memberId();
        return payer.allClaims(r.username()).stream()
                .filter(p -> p.getLedger().equals(r.ledger()) && p.getId() < r.payerClaimId())
                .filter(p -> !ClaimStatus.REJECTED.name().equals(p.getStatus())
                        && !ClaimStatus.REVERSED.name().equals(p.getStatus()))
                .filter(p -> !p.getReceivedOn().isAfter(line.from().plusDays(limit)))
                .filter(p -> {
                    Claim c = Json.MAPPER.readValue(p.getClaimJson(), Claim.class);
                    return c.insured() != null
                            && member.equalsIgnoreCase(c.insured().memberId())
                            && c.lines().stream()
                                    .anyMatch(l -> l.code().equals(line.code())
                                            && l.from().equals(line.from()));
                })
                .map(PayerClaimRecord::getReceivedOn)
                .min(Comparator.naturalOrder());
    }

    // ------------------------------------------------------------------ actions

    /** Takes an action on the caller's item; bad input changes nothing ({@link AppealException}). */
    @Transactional
    public ActionAnswer act(String username, long id, ActionRequest request) {
        ItemRow r = store.item(id)
                .filter(i -> i.username().equals(username))
                .orElseThrow(() -> new NoSuchItemException("No work item " + id + "."));
        if (request == null) {
            throw new AppealException("The request needs an action.");
        }
        AppealAction action = AppealAction.parse(request.action())
                .orElseThrow(() -> new AppealException("Unknown action '" + request.action() + "'. One of "
                        + java.util.Arrays.toString(AppealAction.values()) + "."));
        if (r.status().closed()) {
            throw new AppealException("Work item " + id + " is " + r.status().label() + ": it takes no more actions.");
        }
        if (r.status().pending()) {
            throw new AppealException(
                    "An " + (r.status() == ItemStatus.APPEALED ? "appeal" : "retro-authorization request")
                            + " of this item is pending; wait for the payer's decision.");
        }
        LocalDate on = date(request.on()).orElseGet(() -> clock.today(username, r.ledger()));
        if (on.isBefore(r.remittedOn())) {
            throw new AppealException("The date " + on + " is before the remittance of " + r.remittedOn() + ".");
        }
        if (r.actionOn() != null && on.isBefore(r.actionOn())) {
            throw new AppealException("The date " + on + " is before this item's last action on " + r.actionOn() + ".");
        }
        Denial denial = denialOf(r);
        boolean onTime = onTime(r, on);
        return switch (action) {
            case APPEAL -> appeal(r, denial, request.letter(), on);
            case CORRECTED_CLAIM, NEW_CLAIM -> resubmit(r, denial, action, request, on, onTime);
            case WRITE_OFF -> {
                WriteOffReason reason = WriteOffReason.parse(request.reason())
                        .orElseThrow(() -> new AppealException("A write-off needs a reason: one of "
                                + java.util.Arrays.toString(WriteOffReason.values()) + "."));
                yield close(
                        r,
                        denial,
                        action,
                        reason,
                        on,
                        onTime,
                        BigDecimal.ZERO,
                        null,
                        ItemStatus.WRITTEN_OFF,
                        "Written off (" + reason.label() + ").");
            }
            case BILL_PATIENT -> {
                boolean patientLiable = "PR".equals(r.group()) || r.modifiers().contains("GA");
                if (!patientLiable) {
                    throw new AppealException("Only patient responsibility (PR) or a service the patient agreed in"
                            + " writing to pay (ABN, modifier GA) may be billed to the patient; this line is "
                            + r.label() + ".");
                }
                yield close(
                        r,
                        denial,
                        action,
                        null,
                        on,
                        onTime,
                        r.amount(),
                        null,
                        ItemStatus.BILLED_TO_PATIENT,
                        "$" + r.amount() + " moved to the patient's statement.");
            }
            case BILL_OTHER_PAYER -> billOtherPayer(r, denial, on, onTime);
            case RETRO_AUTH -> requestRetroAuthorization(r, on);
            case NO_ACTION -> closeNoMoney(r, denial, action, on, onTime, ItemStatus.CLOSED, "Posted as remitted.");
        };
    }

    /**
     * Bills the plan eligibility names: the claim goes to it (adjudicated and remitted like any claim in the ledger);
     * when it pays first and this payer stays secondary, the secondary claim follows with its payment (COB, a
     * replacement of the denied claim). The item closes "billed to another payer", follows the last claim and
     * counts what the work brought. Refused (400, nothing stored) when this payer is responsible, or a claim is
     * rejected up front. Another plan the simulated payers do not run (or without the member on its file) is only
     * routed: the explanation says whom to bill.
     */
    private ActionAnswer billOtherPayer(ItemRow r, Denial denial, LocalDate on, boolean onTime) {
        CoverageFacts facts = coverageFacts(r);
        Routing routing = otherPayers.route(facts);
        if (!routing.bill()) {
            throw new AppealException(routing.explanation());
        }
        Claim sent = payer.stored(r.payerClaimId(), r.username()).orElseThrow().claim();
        Optional<CobClaims.OtherPlan> plan = otherPlan(facts);
        if (plan.isEmpty()) {
            String why = facts.hasOtherCoverage()
                    ? " No claim was sent here: " + facts.otherPayer() + " is not one of the simulated payers, or has"
                            + " no member " + facts.otherPolicy() + "."
                    : "";
            return closeNoMoney(
                    r,
                    denial,
                    AppealAction.BILL_OTHER_PAYER,
                    on,
                    onTime,
                    ItemStatus.BILLED_OTHER_PAYER,
                    routing.explanation() + why);
        }
        Scenario scenario = scenario(r).orElse(null);
        boolean staysSecondary = facts.active();
        Claim toOther = CobClaims.toOtherPayer(sent, plan.get(), staysSecondary);
        ClaimResult primary = sendForOtherPayer(r, toOther, scenario, on);
        StringBuilder text = new StringBuilder(routing.explanation())
                .append(" Claim ")
                .append(primary.payerClaimNumber())
                .append(" to ")
                .append(primary.payerName())
                .append(": ")
                .append(primary.status().name().toLowerCase(java.util.Locale.ROOT))
                .append(", paid $")
                .append(primary.paid())
                .append('.');
        ClaimResult last = primary;
        ClaimResult secondaryResult = null;
        if (staysSecondary && primary.status() != ClaimStatus.DENIED) {
            LocalDate adjudicatedOn = billing.recordId(primary)
                    .flatMap(id -> payer.record(id, r.username()))
                    .map(PayerClaimRecord::getReceivedOn)
                    .orElse(on);
            Claim secondary = CobClaims.secondary(sent, r.claimNumber(), toOther, primary, adjudicatedOn);
            secondaryResult = sendForOtherPayer(r, secondary, scenario, on);
            last = secondaryResult;
            text.append(" Secondary claim ")
                    .append(last.payerClaimNumber())
                    .append(" to ")
                    .append(last.payerName())
                    .append(" with that payment: paid $")
                    .append(last.paid())
                    .append(", patient owes $")
                    .append(last.patientResponsibility())
                    .append('.');
        }
        Long follows = billing.recordId(last).orElse(null);
        // the whole claim went to the other payer: its other lines denied the same way go with this one
        for (ItemRow sibling : store.itemsOfClaim(r.payerClaimId())) {
            if (sibling.id() != r.id()
                    && sibling.status() == ItemStatus.OPEN
                    && sibling.label().equals(r.label())) {
                close(
                        sibling,
                        denialOf(sibling),
                        AppealAction.BILL_OTHER_PAYER,
                        null,
                        on,
                        onTime(sibling, on),
                        broughtByOtherPayers(sibling, primary, secondaryResult),
                        follows,
                        ItemStatus.BILLED_OTHER_PAYER,
                        text.toString());
            }
        }
        return close(
                r,
                denial,
                AppealAction.BILL_OTHER_PAYER,
                null,
                on,
                onTime,
                broughtByOtherPayers(r, primary, secondaryResult),
                follows,
                ItemStatus.BILLED_OTHER_PAYER,
                text.toString());
    }

    /**
     * What billing the other payer brought the item's line beyond its first remittance: the primary's payment and
     * patient share, or with a secondary claim the primary's payment plus the secondary's and the patient's share
     * left after both.
     */
    private BigDecimal broughtByOtherPayers(ItemRow r, ClaimResult primary, ClaimResult secondary) {
        LineResult primaryLine = lineOf(primary, r.line());
        LineResult secondaryLine = secondary == null ? null : lineOf(secondary, r.line());
        BigDecimal brought = primaryLine == null ? BigDecimal.ZERO : collectable(primaryLine);
        if (primaryLine != null && secondaryLine != null) {
            brought = primaryLine.paid().add(collectable(secondaryLine));
        }
        return brought.subtract(collectedBefore(r)).max(BigDecimal.ZERO);
    }

    /** The plan a drill's claim was sent to, as the payer's file has the member. */
    private CobClaims.OtherPlan billedPlan(Drill.Billed billed) {
        var member = payer.member(billed.payer(), billed.memberId())
                .orElseThrow(() -> new IllegalStateException(
                        "No member " + billed.memberId() + " of " + billed.payer() + " for a drill."));
        return new CobClaims.OtherPlan(
                billed.payer(), billing.payerName(billed.payer()), member.memberId(), member.groupNumber());
    }

    /** The other plan as a simulated payer with the member on its file, when it is one. */
    private Optional<CobClaims.OtherPlan> otherPlan(CoverageFacts facts) {
        if (!facts.hasOtherCoverage() || ClaimText.isBlank(facts.otherPolicy())) {
            return Optional.empty();
        }
        return payer.rules()
                .payerNamed(facts.otherPayer())
                .flatMap(p -> payer.member(p.id(), facts.otherPolicy())
                        .map(m -> new CobClaims.OtherPlan(p.id(), p.name(), m.memberId(), m.groupNumber())));
    }

    /** Scrubs and sends one claim of "bill another payer"; a scrubber finding or a rejection refuses the action. */
    private ClaimResult sendForOtherPayer(ItemRow r, Claim claim, Scenario scenario, LocalDate on) {
        List<ScrubFinding> findings = new ClaimScrubber().scrub(claim, on);
        if (!findings.isEmpty()) {
            throw new AppealException("The claim to " + claim.payerName() + " fails the scrubber: "
                    + String.join(
                            " ", findings.stream().map(ScrubFinding::display).toList()));
        }
        ClaimResult answer = billing.submitBuilt(r.username(), r.ledger(), claim, scenario);
        if (answer.status() == ClaimStatus.REJECTED) {
            throw new AppealException(claim.payerName() + " rejected the claim up front: "
                    + String.join(
                            " ",
                            answer.rejections().stream()
                                    .map(x -> x.field() + ": " + x.reason())
                                    .toList()));
        }
        return answer;
    }

    private static LineResult lineOf(ClaimResult result, int line) {
        return result.lines().stream().filter(l -> l.line() == line).findFirst().orElse(null);
    }

    /**
     * What eligibility (a 270/271 the biller runs, remembered like any check) says about the claim's member on its
     * date of service: coverage in force, other coverage and its order.
     */
    private CoverageFacts coverageFacts(ItemRow r) {
        Claim claim = payer.stored(r.payerClaimId(), r.username())
                .map(PriorClaim::claim)
                .filter(c -> c.insured() != null && c.firstServiceDate() != null)
                .orElseThrow(() -> new AppealException(
                        "Claim " + r.claimNumber() + " names no member or date of service to check eligibility for."));
        var patient = claim.patient();
        EligibilityAnswer answer;
        try {
            answer = eligibility.check(
                    r.username(),
                    new EligibilityRequest(
                            r.payerId(),
                            claim.insured().memberId(),
                            patient == null ? null : patient.name().last(),
                            patient == null ? null : patient.name().first(),
                            patient == null ? null : patient.birthDate(),
                            claim.firstServiceDate(),
                            null,
                            r.ledger()));
        } catch (EligibilityService.BadInquiry e) {
            throw new AppealException(
                    "Eligibility cannot be checked for claim " + r.claimNumber() + ": " + e.getMessage());
        }
        EligibilityAnswer.OtherCoverage other = answer.otherCoverage();
        return new CoverageFacts(
                billing.payerName(r.payerId()),
                claim.insured().memberId(),
                claim.firstServiceDate(),
                answer.active(),
                answer.message(),
                other == null ? null : other.payer(),
                other == null ? null : other.policy(),
                other == null ? null : other.order());
    }

    /** Whether an action on {@code on} is timely: on or before the deadline of the payer's current level. */
    private boolean onTime(ItemRow r, LocalDate on) {
        return nextLevel(r).map(l -> !on.isAfter(l.deadline(r.determinedOn()))).orElse(true);
    }

    /**
     * Asks the payer to authorize the line's service after the fact: only for an authorization denial (CO-197,
     * CO-15); the payer answers after its response time on the ledger's clock ({@link #decideDue}).
     */
    private ActionAnswer requestRetroAuthorization(ItemRow r, LocalDate on) {
        if (!"CO".equals(r.group()) || !("197".equals(r.carc()) || "15".equals(r.carc()))) {
            throw new AppealException("A retro-authorization answers a missing or invalid authorization (CO-197,"
                    + " CO-15); this line is " + r.label() + ".");
        }
        AppealLevels.RetroAuthorization policy = levels().of(r.payerId())
                .map(AppealLevels.PayerProcess::retro)
                .orElse(AppealLevels.RetroAuthorization.NONE);
        LocalDate due = on.plusDays(policy.responseDays());
        store.insertRetro(r.id(), on, due);
        waitForPayer(r, ItemStatus.RETRO_AUTH_REQUESTED, AppealAction.RETRO_AUTH, on);
        return new ActionAnswer(
                r.id(),
                ItemStatus.RETRO_AUTH_REQUESTED.name(),
                "PENDING",
                null,
                null,
                null,
                "Retro-authorization requested from " + billing.payerName(r.payerId()) + " on " + on
                        + ". The payer answers within " + policy.responseDays() + " days, by " + due + ".",
                null,
                null);
    }

    /** The item waits for the payer's answer to {@code action} taken on {@code on} (no score yet). */
    private void waitForPayer(ItemRow r, ItemStatus pending, AppealAction action, LocalDate on) {
        store.save(
                r.with(
                        pending,
                        r.level(),
                        r.determinedOn(),
                        action,
                        on,
                        null,
                        r.recovered(),
                        r.newClaimId(),
                        null,
                        null),
                r.status());
    }

    public List<AppealStore.RetroRow> retroRequests(WorkItem item) {
        return store.retroRequests(item.id());
    }

    /** The payer's answer to a due retro-authorization request; on approval the claim is reprocessed with it. */
    private ActionAnswer decideRetro(ItemRow r, AppealStore.RetroRow q, LocalDate decidedOn) {
        Denial denial = denialOf(r);
        PriorClaim stored = payer.stored(r.payerClaimId(), r.username()).orElseThrow();
        ServiceLine line = stored.claim().lines().get(r.line() - 1);
        AppealLevels.RetroAuthorization policy = levels().of(r.payerId())
                .map(AppealLevels.PayerProcess::retro)
                .orElse(AppealLevels.RetroAuthorization.NONE);
        RetroDecision decision = retroRules.decide(new RetroCase(
                billing.payerName(r.payerId()), policy.windowDays(), line.from(), q.requestedOn(), denial.support()));
        String explanation = decision.explanation();
        BigDecimal recovered = BigDecimal.ZERO;
        Long reprocessed = null;
        String number = null;
        ItemStatus status = ItemStatus.RETRO_AUTH_DENIED;
        if (decision.approved()) {
            number = "RA-" + decidedOn.getYear() + "-" + String.format(java.util.Locale.ROOT, "%06d", q.id());
            LocalDate received = payer.record(r.payerClaimId(), r.username())
                    .map(PayerClaimRecord::getReceivedOn)
                    .orElseThrow();
            ClaimResult again = payer.reprocess(
                            r.username(),
                            r.payerClaimId(),
                            received,
                            new Authorization(
                                    r.payerId(),
                                    stored.claim().insured().memberId(),
                                    number,
                                    Set.of(line.code()),
                                    line.from(),
                                    line.to() == null ? line.from() : line.to()))
                    .getLast();
            reprocessed = billing.recordId(again).orElse(null);
            LineResult now = again.lines().stream()
                    .filter(l -> l.line() == r.line())
                    .findFirst()
                    .orElseThrow();
            recovered = collectable(now).subtract(collectedBefore(r)).max(BigDecimal.ZERO);
            explanation += " Authorization " + number + ". Reprocessed as claim " + again.payerClaimNumber() + ": line "
                    + r.line() + " allowed $" + now.allowed() + ", paid $" + now.paid() + ".";
            status = ItemStatus.RETRO_AUTH_APPROVED;
        }
        store.decideRetro(q.id(), decision.approved(), decision.rule(), explanation, decidedOn, number, reprocessed);
        AppealScoring.Score score = AppealScoring.score(
                denial,
                ActionTable.expectationFor(denial),
                new AppealScoring.Work(AppealAction.RETRO_AUTH, null, onTime(r, q.requestedOn()), null, recovered));
        store.save(
                r.with(
                        status,
                        r.level(),
                        r.determinedOn(),
                        AppealAction.RETRO_AUTH,
                        r.actionOn(),
                        null,
                        recovered,
                        reprocessed == null ? r.newClaimId() : reprocessed,
                        score.score(),
                        score.feedbackText()),
                r.status());
        if (reprocessed != null) {
            supersede(r.payerClaimId());
        }
        return new ActionAnswer(
                r.id(),
                status.name(),
                decision.approved() ? "APPROVED" : "DENIED",
                decidedOn,
                null,
                recovered,
                explanation,
                score.score(),
                score.feedbackText());
    }

    /** Closes an item with an action that moves no money in the simulation. */
    private ActionAnswer closeNoMoney(
            ItemRow r,
            Denial denial,
            AppealAction action,
            LocalDate on,
            boolean onTime,
            ItemStatus status,
            String explanation) {
        return close(r, denial, action, null, on, onTime, BigDecimal.ZERO, null, status, explanation);
    }

    private ActionAnswer close(
            ItemRow r,
            Denial denial,
            AppealAction action,
            WriteOffReason reason,
            LocalDate on,
            boolean onTime,
            BigDecimal recovered,
            Long newClaimId,
            ItemStatus status,
            String explanation) {
        AppealScoring.Score score = AppealScoring.score(
                denial,
                ActionTable.expectationFor(denial),
                new AppealScoring.Work(action, reason, onTime, null, recovered));
        ItemRow saved = r.with(
                status,
                r.level(),
                r.determinedOn(),
                action,
                on,
                reason,
                recovered,
                newClaimId,
                score.score(),
                score.feedbackText());
        store.save(saved, r.status());
        return new ActionAnswer(
                r.id(), status.name(), null, null, null, recovered, explanation, score.score(), score.feedbackText());
    }

    private ActionAnswer appeal(ItemRow r, Denial denial, ActionRequest.LetterBody body, LocalDate on) {
        if (Denial.REJECTED.equals(r.group())) {
            throw new AppealException("A rejected claim was never adjudicated: there is no decision to appeal."
                    + " Fix it and send a new claim.");
        }
        if (body == null) {
            throw new AppealException("An appeal needs a letter: reason, argument, documentation, outcome.");
        }
        if (body.argument() == null || body.argument().isBlank()) {
            throw new AppealException("The letter has no argument: say why the payer's decision is wrong.");
        }
        Set<RecordDocument> available = availableDocumentation(r);
        List<RecordDocument> documentation = new ArrayList<>();
        for (String d : body.documentation() == null ? List.<String>of() : body.documentation()) {
            RecordDocument doc = RecordDocument.parse(d)
                    .orElseThrow(() -> new AppealException("Unknown documentation '" + d + "'. One of "
                            + RecordDocument.ids(Set.of(RecordDocument.values())) + "."));
            if (!available.contains(doc)) {
                throw new AppealException("The record holds no " + doc.label().toLowerCase(java.util.Locale.ROOT)
                        + " for this claim; it can send " + RecordDocument.ids(available) + ".");
            }
            if (!documentation.contains(doc)) {
                documentation.add(doc);
            }
        }
        AppealLevels.PayerProcess process = levels().of(r.payerId())
                .orElseThrow(() -> new AppealException("The payer " + r.payerId() + " has no appeal process on file."));
        int nextLevel = r.level() + 1;
        int requested = body.level() == null ? nextLevel : body.level();
        AppealLevels.Level level = process.level(requested)
                .orElseThrow(() -> new AppealException(billing.payerName(r.payerId()) + " has no appeal level "
                        + requested + (r.level() >= process.levels().size() ? "; every level was used." : ".")));
        LocalDate deadline =
                process.level(nextLevel).map(l -> l.deadline(r.determinedOn())).orElse(r.determinedOn());
        AppealLetter letter = new AppealLetter(body.reason(), body.argument(), documentation, body.outcome());
        BigDecimal inDispute = "PR".equals(r.group()) ? r.amount() : r.billed().subtract(r.paid());
        AppealDecision suggestion =
                registry.decide(new AppealCase(denial, process, requested, nextLevel, on, deadline, inDispute, letter));
        String mode = rolePlayFor(r.username()) ? AppealStore.INSTRUCTOR : AppealStore.AUTOMATIC;
        LocalDate due = on.plusDays(level.responseDays());
        store.insertFiling(r.id(), requested, on, deadline, due, letter, mode, suggestion);
        waitForPayer(r, ItemStatus.APPEALED, AppealAction.APPEAL, on);
        String explanation = "Filed " + level.name() + " (level " + requested + ") on " + on + ". "
                + (mode.equals(AppealStore.INSTRUCTOR)
                        ? "Your instructor reviews it as the payer."
                        : "The payer answers within " + level.responseDays() + " days, by " + due + ".");
        return new ActionAnswer(
                r.id(), ItemStatus.APPEALED.name(), "PENDING", null, requested, null, explanation, null, null);
    }

    private ActionAnswer resubmit(
            ItemRow r, Denial denial, AppealAction action, ActionRequest request, LocalDate on, boolean onTime) {
        Scenario scenario = scenario(r)
                .orElseThrow(() -> new AppealException("Claim " + r.claimNumber() + " was not built from a scenario:"
                        + " correct it in the claim builder (My claims → Correct)."));
        CodingAnswer coding = new CodingAnswer(request.diagnoses(), request.procedures());
        if (coding.diagnoses().isEmpty() || coding.procedures().isEmpty()) {
            throw new AppealException("A " + action.label().toLowerCase(java.util.Locale.ROOT)
                    + " needs the diagnoses and procedure lines to send.");
        }
        if (!coding.problems().isEmpty()) {
            throw new AppealException(String.join(" ", coding.problems()));
        }
        boolean replacement = action == AppealAction.CORRECTED_CLAIM;
        if (replacement && Denial.REJECTED.equals(r.group())) {
            throw new AppealException("A rejected claim was never processed, so there is nothing to replace:"
                    + " send it as a new claim.");
        }
        Claim claim = billing.claimFromScenario(scenario, coding);
        if (replacement) {
            claim = ClaimBuilder.from(claim)
                    .frequency(FrequencyCode.REPLACEMENT, r.claimNumber())
                    .build();
        }
        List<ScrubFinding> findings = new ClaimScrubber().scrub(claim, on);
        if (!findings.isEmpty()) {
            throw new AppealException("The " + (replacement ? "corrected" : "new") + " claim fails the scrubber: "
                    + String.join(
                            " ", findings.stream().map(ScrubFinding::display).toList()));
        }
        // a payer-side drill's error persists on this claim (DrillPayerErrors): the payer's data is still wrong
        ClaimResult answer = billing.submitScenario(
                        r.username(),
                        scenario,
                        coding,
                        on,
                        r.ledger(),
                        replacement ? r.claimNumber() : null,
                        Disclosure.TEACHING)
                .getLast();
        if (answer.status() == ClaimStatus.REJECTED) {
            throw new AppealException("The payer rejected the claim up front: "
                    + String.join(
                            " ",
                            answer.rejections().stream()
                                    .map(x -> x.field() + ": " + x.reason())
                                    .toList()));
        }
        return resubmitted(r, denial, action, on, onTime, answer);
    }

    /** The item after a corrected or new claim: closed with that action, following the new claim's remittance. */
    private ActionAnswer resubmitted(
            ItemRow r, Denial denial, AppealAction action, LocalDate on, boolean onTime, ClaimResult answer) {
        boolean replacement = action == AppealAction.CORRECTED_CLAIM;
        Long newId = billing.recordId(answer).orElse(null);
        BigDecimal recovered = Denial.REJECTED.equals(r.group())
                ? answer.paid().add(answer.patientResponsibility())
                : answer.lines().stream()
                        .filter(l -> l.code().equals(r.code()))
                        .map(AppealService::collectable)
                        .findFirst()
                        .orElse(BigDecimal.ZERO)
                        .subtract(collectedBefore(r))
                        .max(BigDecimal.ZERO);
        ItemStatus status = replacement ? ItemStatus.CORRECTED : ItemStatus.RESUBMITTED;
        return close(
                r,
                denial,
                action,
                null,
                on,
                onTime,
                recovered,
                newId,
                status,
                (replacement ? "Corrected claim " : "New claim ") + answer.payerClaimNumber() + " was "
                        + answer.status().name().toLowerCase(java.util.Locale.ROOT) + ": paid $" + answer.paid() + ".");
    }

    /** What a line brings the practice: the payer's payment plus what the patient now owes. */
    static BigDecimal collectable(LineResult line) {
        return line.paid().add(line.patientResponsibility());
    }

    /** What the item's line brought before the work: its payment and patient responsibility as first remitted. */
    private BigDecimal collectedBefore(ItemRow r) {
        return payer.stored(r.payerClaimId(), r.username())
                .flatMap(p -> p.result().lines().stream()
                        .filter(l -> l.line() == r.line())
                        .findFirst())
                .map(AppealService::collectable)
                .orElse(r.paid());
    }

    private static Optional<LocalDate> date(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.trim()));
        } catch (DateTimeParseException e) {
            throw new AppealException("'" + text + "' is not a date (YYYY-MM-DD).");
        }
    }

    // ------------------------------------------------------------------ decisions

    /**
     * The payer's answers that came due by {@code to} (response date in ({@code from}, {@code to}], or overdue):
     * retro-authorization requests and automatic appeal decisions, as clock events.
     */
    @Transactional
    public List<ClockEvent> decideDue(String username, String ledger, LocalDate from, LocalDate to) {
        List<ClockEvent> events = new ArrayList<>();
        for (AppealStore.RetroRow q : store.dueRetro(username, ledger, to)) {
            ItemRow r = store.item(q.itemId()).orElseThrow();
            ActionAnswer answer = decideRetro(r, q, q.dueOn().isBefore(from) ? from : q.dueOn());
            events.add(new ClockEvent(
                    RETRO_EVENT,
                    "denial " + r.id(),
                    "Retro-authorization for claim " + r.claimNumber() + " line " + r.line() + ": "
                            + answer.decision().toLowerCase(java.util.Locale.ROOT) + ".",
                    answer));
        }
        for (FilingRow f : store.dueAutomatic(username, ledger, to)) {
            ItemRow r = store.item(f.itemId()).orElseThrow();
            ActionAnswer answer = apply(r, f, f.suggestion(), f.dueOn().isBefore(from) ? from : f.dueOn(), null);
            events.add(new ClockEvent(
                    DECISION_EVENT,
                    "denial " + r.id(),
                    "Appeal of claim " + r.claimNumber() + " line " + r.line() + " (" + r.label() + "): "
                            + answer.decision().toLowerCase(java.util.Locale.ROOT) + ".",
                    answer));
        }
        return events;
    }

    /** The first response date of a pending automatic appeal of the ledger in ({@code after}, {@code until}]. */
    public Optional<LocalDate> nextDecisionDue(String username, String ledger, LocalDate after, LocalDate until) {
        Optional<LocalDate> appeal = store.nextDue(username, ledger, after, until);
        Optional<LocalDate> retro = store.nextRetroDue(username, ledger, after, until);
        return appeal.isEmpty()
                ? retro
                : retro.filter(d -> d.isBefore(appeal.get())).or(() -> appeal);
    }

    private ActionAnswer apply(ItemRow r, FilingRow f, AppealDecision decision, LocalDate decidedOn, String by) {
        Denial denial = denialOf(r);
        BigDecimal recovered = r.recovered();
        Long reprocessed = null;
        String explanation = decision.explanation();
        ItemStatus status;
        int level = r.level();
        LocalDate determined = r.determinedOn();
        switch (decision.outcome()) {
            case OVERTURNED -> {
                LocalDate honored =
                        timelyFilingProof(r).filter(d -> "29".equals(r.carc())).orElse(null);
                if (honored == null) {
                    honored = payer.record(r.payerClaimId(), r.username())
                            .map(PayerClaimRecord::getReceivedOn)
                            .orElseThrow();
                }
                List<ClaimResult> results = payer.reprocess(r.username(), r.payerClaimId(), honored);
                ClaimResult again = results.getLast();
                reprocessed = billing.recordId(again).orElse(null);
                LineResult lineNow = again.lines().stream()
                        .filter(l -> l.line() == r.line())
                        .findFirst()
                        .orElseThrow();
                recovered = collectable(lineNow).subtract(collectedBefore(r)).max(BigDecimal.ZERO);
                explanation += " Reprocessed as claim " + again.payerClaimNumber() + ": line " + r.line() + " allowed $"
                        + lineNow.allowed() + ", paid $" + lineNow.paid()
                        + (lineNow.patientResponsibility().signum() > 0
                                ? ", patient responsibility $" + lineNow.patientResponsibility()
                                : "")
                        + ".";
                status = ItemStatus.OVERTURNED;
                level = f.level();
                determined = decidedOn;
            }
            case UPHELD -> {
                status = ItemStatus.UPHELD;
                level = f.level();
                determined = decidedOn;
            }
            default -> status = ItemStatus.DISMISSED;
        }
        store.decide(
                f.id(),
                new AppealDecision(decision.outcome(), decision.rule(), explanation),
                decidedOn,
                by,
                reprocessed);
        AppealScoring.Score score = AppealScoring.score(
                denial,
                ActionTable.expectationFor(denial),
                new AppealScoring.Work(
                        AppealAction.APPEAL, null, !f.filedOn().isAfter(f.deadline()), f.letter(), recovered));
        store.save(
                r.with(
                        status,
                        level,
                        determined,
                        AppealAction.APPEAL,
                        r.actionOn(),
                        null,
                        recovered,
                        reprocessed == null ? r.newClaimId() : reprocessed,
                        score.score(),
                        score.feedbackText()),
                r.status());
        if (status == ItemStatus.OVERTURNED) {
            supersede(r.payerClaimId());
        }
        return new ActionAnswer(
                r.id(),
                status.name(),
                decision.outcome().name(),
                decidedOn,
                f.level(),
                recovered,
                explanation,
                score.score(),
                score.feedbackText());
    }

    /** The 835 of a reprocessed claim: the payer's reversal of the original and the new claim payment. */
    public Optional<String> reprocessing835(String username, FilingRow f, ItemRow r) {
        if (f.reprocessedClaimId() == null) {
            return Optional.empty();
        }
        Optional<ClaimResult> reversal = payer.reversalFor(r.payerClaimId(), username);
        Optional<PriorClaim> again = payer.stored(f.reprocessedClaimId(), username);
        if (reversal.isEmpty() || again.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(payer.write835(List.of(reversal.get(), again.get().result())));
    }

    // ------------------------------------------------------------------ role-play

    /** Whether a student's appeals go to an instructor: any of the student's cohorts is switched to role-play. */
    public boolean rolePlayFor(String student) {
        return cohorts.findForStudent(student).stream().anyMatch(c -> store.rolePlay(c.getId()));
    }

    public boolean rolePlay(long cohortId) {
        return store.rolePlay(cohortId);
    }

    /** Switches a cohort the instructor teaches (an admin: any cohort) to role-play or back to automatic rules. */
    @Transactional
    public void setRolePlay(String instructor, boolean admin, long cohortId, boolean on) {
        boolean teaches =
                admin || cohorts.findForInstructor(instructor).stream().anyMatch(c -> c.getId() == cohortId);
        if (!teaches) {
            throw new NoSuchItemException("No cohort " + cohortId + " of yours.");
        }
        store.setRolePlay(cohortId, on, instructor);
    }

    /** An appeal waiting for the instructor: the letter, the item, the record and the automatic decision. */
    public record ReviewCase(FilingRow filing, ItemRow item, Denial denial, Optional<Scenario> scenario) {}

    /** Appeals of the instructor's students waiting for a decision (an admin sees all). */
    public List<ReviewCase> reviewQueue(String instructor, boolean admin) {
        List<ReviewCase> out = new ArrayList<>();
        for (FilingRow f : store.pendingInstructorReviews()) {
            ItemRow r = store.item(f.itemId()).orElseThrow();
            if (admin || cohorts.teaches(instructor, r.username())) {
                out.add(new ReviewCase(f, r, denialOf(r), scenario(r)));
            }
        }
        return out;
    }

    /** The instructor decides an appeal as the payer's reviewer, with a written reason. */
    @Transactional
    public ActionAnswer review(String instructor, boolean admin, long filingId, Outcome outcome, String reason) {
        FilingRow f = store.filing(filingId).filter(FilingRow::pending).orElse(null);
        ItemRow r = f == null ? null : store.item(f.itemId()).orElse(null);
        if (f == null || r == null || !f.byInstructor() || !(admin || cohorts.teaches(instructor, r.username()))) {
            throw new NoSuchItemException("No pending appeal " + filingId + " in your review queue.");
        }
        if (outcome == null) {
            throw new AppealException("Choose overturn, uphold or dismiss.");
        }
        if (reason == null || reason.isBlank()) {
            throw new AppealException(
                    "Write the reason for the decision: the trainee reads it in the decision letter.");
        }
        LocalDate today = clock.today(r.username(), r.ledger());
        LocalDate decidedOn = today.isBefore(f.filedOn()) ? f.filedOn() : today;
        return apply(r, f, new AppealDecision(outcome, "Instructor review", reason.trim()), decidedOn, instructor);
    }

    // ------------------------------------------------------------------ drills

    public List<Drill> drills() {
        return drills.all();
    }

    public Optional<Drill> drill(String id) {
        return drills.find(id);
    }

    public Optional<Scenario> scenarioOf(Drill drill) {
        return scenarios.find(drill.scenarioId());
    }

    /** A started drill: the first remittance (with the payer's error) and the ledger's items of that claim. */
    public record DrillStart(Drill drill, ClaimResult remittance, long claimId, List<WorkItem> items) {}

    /**
     * Bills the drill's scenario exactly as its key in {@code ledger} and remits it with the drill's payer-side
     * error; answers the first remittance and its work items.
     */
    @Transactional
    public DrillStart startDrill(String username, String drillId, String ledger) {
        Drill drill = drills.find(drillId).orElseThrow(() -> new NoSuchItemException("No drill " + drillId + "."));
        if (ledger == null || ledger.isBlank()) {
            throw new AppealException("Name the ledger to start the drill in.");
        }
        String book = ledger.trim();
        if (book.length() > 100) {
            throw new AppealException("The ledger name has " + book.length() + " characters; at most 100 fit.");
        }
        if (store.items(username, book).stream().anyMatch(i -> drillId.equals(i.drillId()))) {
            throw new AppealException(
                    "Drill " + drillId + " was already started in ledger '" + book + "'; start it in another ledger.");
        }
        Scenario scenario = scenarios.find(drill.scenarioId()).orElseThrow();
        CodingAnswer coding = drill.billedCoding(CodingAnswer.fromKey(scenario.key()));
        LocalDate received = scenario.dateOfService().plusDays(BillingService.SIMULATED_FILING_DELAY_DAYS);
        ClaimResult remitted = drill.firstRemittanceError()
                .map(error -> payer.submitWithPayerError(
                        username,
                        book,
                        billing.claimFromScenario(scenario, coding),
                        received,
                        scenario.id(),
                        ScenarioDocumentation.of(scenario),
                        error))
                .orElseGet(() -> drill.billed() != null && drill.billed().otherPlan()
                        // billed to another plan of the patient (one that had ended, the secondary, ...)
                        ? billing.submitBuilt(
                                username,
                                book,
                                CobClaims.toOtherPayer(
                                        billing.claimFromScenario(scenario, coding), billedPlan(drill.billed()), false),
                                scenario)
                        : billing.submitScenario(username, scenario, coding, received, book, Disclosure.TEACHING));
        long claimId = billing.recordId(remitted).orElseThrow();
        sync(username, book);
        for (ItemRow r : store.itemsOfClaim(claimId)) {
            if (r.line() == drill.line()) {
                store.markDrill(r.id(), drill.id());
            }
        }
        LocalDate today = clock.today(username, book);
        List<WorkItem> items =
                store.itemsOfClaim(claimId).stream().map(r -> view(r, today)).toList();
        return new DrillStart(drill, remitted, claimId, items);
    }
}
