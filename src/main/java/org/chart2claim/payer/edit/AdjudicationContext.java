package org.chart2claim.payer.edit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ServiceLine;
import org.chart2claim.codebook.CodeFormat;
import org.chart2claim.codebook.CodeInfo;
import org.chart2claim.codebook.CodeLookup;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.payer.AdjudicationRequest;
import org.chart2claim.payer.Adjustment;
import org.chart2claim.payer.GroupCode;
import org.chart2claim.payer.data.Member;
import org.chart2claim.payer.data.Payer;
import org.chart2claim.payer.data.PayerRules;

/**
 * The claim under adjudication, the payer and member it concerns, the rules and code books, and the state
 * of every line. Edits read it and record decisions through {@link #denyLine} and friends, so every
 * change of payment is an explained {@link Adjustment}.
 */
public final class AdjudicationContext {
    private final AdjudicationRequest request;
    private final Payer payer;
    private final Member member;
    private final PayerRules rules;
    private final CodeLookup codes;
    private final List<LineState> lines = new ArrayList<>();

    public AdjudicationContext(
            AdjudicationRequest request, Payer payer, Member member, PayerRules rules, CodeLookup codes) {
        this.request = request;
        this.payer = payer;
        this.member = member;
        this.rules = rules;
        this.codes = codes;
        List<ServiceLine> claimLines = request.claim().lines();
        for (int i = 0; i < claimLines.size(); i++) {
            lines.add(new LineState(i + 1, claimLines.get(i)));
        }
    }

    public Claim claim() {
        return request.claim();
    }

    public AdjudicationRequest request() {
        return request;
    }

    public Payer payer() {
        return payer;
    }

    /** The enrolled member, empty when the member id is unknown to the payer. */
    public Optional<Member> member() {
        return Optional.ofNullable(member);
    }

    public PayerRules rules() {
        return rules;
    }

    public List<LineState> lines() {
        return lines;
    }

    /** Lines no edit has denied yet: later edits only look at these. */
    public List<LineState> openLines() {
        return lines.stream().filter(l -> !l.denied).toList();
    }

    /** Patient age in whole years on a date (null birth date → -1, which no age rule matches by accident). */
    public int patientAgeOn(LocalDate date) {
        LocalDate birth = claim().patient() == null ? null : claim().patient().birthDate();
        if (birth == null || date == null) {
            return -1;
        }
        return Period.between(birth, date).getYears();
    }

    /**
     * Every diagnosis on the claim (box 21, the 837P HI segment), the ones the line points to first. Payers
     * run clinical consistency edits (age, sex) over all of them, not only the pointed ones.
     */
    public List<String> diagnosesPointedFirst(LineState line) {
        LinkedHashSet<String> ordered = new LinkedHashSet<>(claim().diagnosesFor(line.line()));
        ordered.addAll(claim().diagnoses());
        return List.copyOf(ordered);
    }

    /** ICD-10-CM lookup tolerant of dotted and undotted forms. */
    public Optional<CodeInfo> diagnosis(String code) {
        String dotted = CodeFormat.dotted(code);
        Optional<CodeInfo> found = codes.find(CodeSystem.ICD10CM, dotted);
        return found.isPresent() ? found : codes.find(CodeSystem.ICD10CM, CodeFormat.undotted(code));
    }

    /** CPT or HCPCS lookup: codes starting with a letter are HCPCS Level II. */
    public Optional<CodeInfo> procedure(String code) {
        if (code == null || code.isEmpty()) {
            return Optional.empty();
        }
        CodeSystem system = Character.isLetter(code.charAt(0)) ? CodeSystem.HCPCS : CodeSystem.CPT;
        return codes.find(system, code);
    }

    public CodeLookup codeLookup() {
        return codes;
    }

    /** Denies the whole line: the open billed amount becomes one adjustment. */
    public void denyLine(
            LineState line,
            GroupCode group,
            String carc,
            List<String> rarc,
            String edit,
            String explanation,
            String hint) {
        if (line.denied) {
            return;
        }
        BigDecimal open = line.line.charge().subtract(adjusted(line));
        line.adjustments.add(new Adjustment(group, carc, rarc, open, edit, explanation, hint));
        line.denied = true;
        line.allowed = BigDecimal.ZERO;
    }

    /** Denies every open line for a claim-level reason (eligibility, timely filing). */
    public void denyClaim(
            GroupCode group, String carc, List<String> rarc, String edit, String explanation, String hint) {
        for (LineState l : openLines()) {
            denyLine(l, group, carc, rarc, edit, explanation, hint);
        }
    }

    /** Adds a partial adjustment (contractual, cost sharing, downcode) to an open line. */
    public void adjust(
            LineState line,
            GroupCode group,
            String carc,
            List<String> rarc,
            BigDecimal amount,
            String edit,
            String explanation,
            String hint) {
        if (amount.signum() <= 0) {
            return;
        }
        line.adjustments.add(new Adjustment(group, carc, rarc, amount, edit, explanation, hint));
    }

    public void setAllowed(LineState line, BigDecimal allowed) {
        line.allowed = allowed;
    }

    public void reduce(LineState line, LineState.Reduction reduction) {
        line.reduction = reduction;
    }

    private static BigDecimal adjusted(LineState line) {
        return line.adjustments.stream().map(Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** "line 2 (99213)" for explanations. */
    public static String describe(LineState line) {
        return "line " + line.number + " (" + line.line.code()
                + (line.line.modifiers().isEmpty() ? "" : "-" + String.join("-", line.line.modifiers())) + ")";
    }
}
