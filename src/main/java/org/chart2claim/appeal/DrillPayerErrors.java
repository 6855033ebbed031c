package org.chart2claim.appeal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.chart2claim.appeal.AppealStore.ItemRow;
import org.chart2claim.claim.Claim;
import org.chart2claim.claim.ServiceLine;
import org.chart2claim.payer.PayerError;
import org.chart2claim.payer.PayerService;
import org.chart2claim.payer.PersistentPayerErrors;
import org.chart2claim.payer.PriorClaim;
import org.springframework.stereotype.Component;

/**
 * A payer-side drill's error persists in its ledger until an appeal proves it: a corrected or new claim for the
 * drill's service (same member, code and date of service), sent from the work item or the claim builder, meets the
 * same denial on that line.
 * Claim-side drills (the practice's own error) have nothing to persist: the payer's edits answer the fix.
 */
@Component
public class DrillPayerErrors implements PersistentPayerErrors {
    private final AppealStore store;
    private final DrillLibrary drills;
    private final PayerService payer;

    public DrillPayerErrors(AppealStore store, DrillLibrary drills, PayerService payer) {
        this.store = store;
        this.drills = drills;
        this.payer = payer;
    }

    /** The service a drill's error hits: the member, the code and the date of service of the drill's line. */
    private record Hit(String memberId, String code, LocalDate from, Drill.DrillDenial denial) {
        boolean matches(Claim claim, ServiceLine line) {
            return claim.insured() != null
                    && memberId.equalsIgnoreCase(claim.insured().memberId())
                    && code.equals(line.code())
                    && from.equals(line.from());
        }
    }

    @Override
    public Function<Claim, List<PayerError>> forLedger(String username, String ledger) {
        List<Hit> hits = new ArrayList<>();
        for (ItemRow r : store.items(username, ledger)) {
            if (r.drillId() == null || r.status() == ItemStatus.OVERTURNED || r.line() < 1) {
                continue;
            }
            Optional<Drill> drill =
                    drills.find(r.drillId()).filter(d -> !d.kind().claimSide());
            Optional<PriorClaim> stored = payer.stored(r.payerClaimId(), username);
            if (drill.isPresent()
                    && stored.isPresent()
                    && stored.get().claim().insured() != null
                    && r.line() <= stored.get().claim().lines().size()) {
                ServiceLine line = stored.get().claim().lines().get(r.line() - 1);
                hits.add(new Hit(
                        stored.get().claim().insured().memberId(),
                        line.code(),
                        line.from(),
                        drill.get().denial()));
            }
        }
        if (hits.isEmpty()) {
            return claim -> List.of();
        }
        return claim -> {
            List<PayerError> errors = new ArrayList<>();
            for (int i = 0; i < claim.lines().size(); i++) {
                ServiceLine line = claim.lines().get(i);
                for (Hit h : hits) {
                    if (h.matches(claim, line)) {
                        Drill.DrillDenial d = h.denial();
                        errors.add(new PayerError(i + 1, d.group(), d.carc(), d.rarc(), d.edit(), d.explanation()));
                        break;
                    }
                }
            }
            return errors;
        };
    }
}
