package org.chart2claim.payer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ClaimText;
import org.chart2claim.codebook.CodeLookup;
import org.chart2claim.payer.data.Member;
import org.chart2claim.payer.data.Payer;
import org.chart2claim.payer.data.PayerRules;
import org.chart2claim.payer.edit.AdjudicationContext;
import org.chart2claim.payer.edit.ClaimEdit;
import org.chart2claim.payer.edit.EditRegistry;
import org.chart2claim.payer.edit.LineState;

/**
 * The simulated payer: front-end validation, then every edit of the registry in order, then the line and
 * claim totals. Plain Java and stateless apart from the shared read-only rules, so it is safe to call from
 * many threads.
 */
public final class Adjudicator {
    private final PayerRules rules;
    private final CodeLookup codes;
    private final EditRegistry registry;
    private final EnrolledMembers enrolled;
    private final FrontEndValidator frontEnd = new FrontEndValidator();

    /** {@code enrolled}: members beyond the rules' file, asked only for a member id the file does not know. */
    public Adjudicator(PayerRules rules, CodeLookup codes, EditRegistry registry, EnrolledMembers enrolled) {
        this.rules = rules;
        this.codes = codes;
        this.registry = registry;
        this.enrolled = enrolled;
    }

    public Adjudicator(PayerRules rules, CodeLookup codes, EditRegistry registry) {
        this(rules, codes, registry, EnrolledMembers.NONE);
    }

    public Adjudicator(PayerRules rules, CodeLookup codes) {
        this(rules, codes, EditRegistry.standard());
    }

    public PayerRules rules() {
        return rules;
    }

    public EditRegistry registry() {
        return registry;
    }

    /**
     * @param today the real date (front end rejects future service dates); {@code request.receivedOn()} is the
     *              receipt date timely filing measures, which practice runs may simulate
     */
    public ClaimResult adjudicate(AdjudicationRequest request, LocalDate today) {
        return adjudicate(request, today, EnrolledMembers.NONE);
    }

    /** The same, with {@code alsoEnrolled} asked after the file and before this adjudicator's other members. */
    public ClaimResult adjudicate(AdjudicationRequest request, LocalDate today, EnrolledMembers alsoEnrolled) {
        Claim claim = request.claim();
        List<Rejection> rejections = frontEnd.validate(claim, request.intakeProblems(), rules, today);
        if (!rejections.isEmpty()) {
            return rejected(claim, request.payerClaimNumber(), rejections);
        }
        Payer payer = rules.payer(claim.payerId()).orElseThrow();
        String memberId = claim.insured().memberId();
        Member member = rules.member(payer.id(), memberId)
                .or(() -> alsoEnrolled.or(enrolled).member(payer.id(), memberId))
                .orElse(null);
        AdjudicationContext ctx = new AdjudicationContext(request, payer, member, rules, codes);
        for (ClaimEdit edit : registry.edits()) {
            edit.apply(ctx);
        }
        return result(ctx, request.payerClaimNumber());
    }

    private ClaimResult result(AdjudicationContext ctx, String payerClaimNumber) {
        Claim claim = ctx.claim();
        List<LineResult> lines = new ArrayList<>();
        BigDecimal paidTotal = BigDecimal.ZERO;
        BigDecimal patientTotal = BigDecimal.ZERO;
        int denied = 0;
        boolean reduced = false;
        for (LineState s : ctx.lines()) {
            BigDecimal adjusted =
                    s.adjustments().stream().map(Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal paid = s.line().charge().subtract(adjusted);
            LineResult lr = new LineResult(
                    s.number(),
                    s.line().code(),
                    s.line().modifiers(),
                    s.line().units(),
                    s.line().serviceDate(),
                    s.line().charge(),
                    s.denied() ? BigDecimal.ZERO : s.allowed(),
                    paid,
                    s.adjustments());
            lines.add(lr);
            paidTotal = paidTotal.add(paid);
            patientTotal = patientTotal.add(lr.patientResponsibility());
            if (s.denied()) {
                denied++;
            }
            if (s.reduction() != null) {
                reduced = true;
            }
        }
        ClaimStatus status = denied == lines.size()
                ? ClaimStatus.DENIED
                : denied > 0 || reduced ? ClaimStatus.PARTIAL : ClaimStatus.PAID;
        return new ClaimResult(
                claim.patientControlNumber(),
                payerClaimNumber,
                ctx.payer().id(),
                ctx.payer().name(),
                claim.insured().memberId(),
                name(claim, true),
                name(claim, false),
                claim.billing().npi(),
                claim.billing().name(),
                ClaimText.nz(claim.billing().taxId()).replace("-", ""),
                status,
                claim.totalCharge(),
                paidTotal,
                patientTotal,
                List.of(),
                lines);
    }

    private ClaimResult rejected(Claim claim, String payerClaimNumber, List<Rejection> rejections) {
        String pcn = claim == null ? "" : ClaimText.nz(claim.patientControlNumber());
        BigDecimal billed = claim == null ? BigDecimal.ZERO : claim.totalCharge();
        String payerId = claim == null ? "" : ClaimText.nz(claim.payerId());
        String payerName =
                rules.payer(payerId).map(Payer::name).orElse(claim == null ? "" : ClaimText.nz(claim.payerName()));
        String memberId = claim == null || claim.insured() == null
                ? ""
                : ClaimText.nz(claim.insured().memberId());
        return new ClaimResult(
                pcn,
                payerClaimNumber,
                payerId,
                payerName,
                memberId,
                claim == null ? "" : name(claim, true),
                claim == null ? "" : name(claim, false),
                claim == null || claim.billing() == null
                        ? ""
                        : ClaimText.nz(claim.billing().npi()),
                claim == null || claim.billing() == null
                        ? ""
                        : ClaimText.nz(claim.billing().name()),
                claim == null || claim.billing() == null
                        ? ""
                        : ClaimText.nz(claim.billing().taxId()).replace("-", ""),
                ClaimStatus.REJECTED,
                billed,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                rejections,
                List.of());
    }

    private static String name(Claim claim, boolean last) {
        if (claim.patient() == null || claim.patient().name() == null) {
            return "";
        }
        return ClaimText.nz(
                last ? claim.patient().name().last() : claim.patient().name().first());
    }
}
