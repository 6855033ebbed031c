package org.chart2claim.appeal;

import static org.chart2claim.appeal.AppealAction.APPEAL;
import static org.chart2claim.appeal.AppealAction.BILL_OTHER_PAYER;
import static org.chart2claim.appeal.AppealAction.BILL_PATIENT;
import static org.chart2claim.appeal.AppealAction.CORRECTED_CLAIM;
import static org.chart2claim.appeal.AppealAction.NEW_CLAIM;
import static org.chart2claim.appeal.AppealAction.NO_ACTION;
import static org.chart2claim.appeal.AppealAction.RETRO_AUTH;
import static org.chart2claim.appeal.AppealAction.WRITE_OFF;

import java.util.List;
import java.util.Set;

/**
 * THE action table: what an experienced biller does with each kind of denial, in one place (like
 * {@code GradingRubric}). A denial drill's own expectation (its file) comes first; otherwise the first row
 * whose group, CARC and condition match decides. Every row has a test.
 *
 * <table>
 * <caption>Rows, in order</caption>
 * <tr><th>#</th><th>group-CARC</th><th>when</th><th>right action(s)</th></tr>
 * <tr><td>1</td><td>front-end rejection</td><td>always</td><td>NEW_CLAIM</td></tr>
 * <tr><td>2</td><td>CO-45</td><td>always</td><td>NO_ACTION</td></tr>
 * <tr><td>3</td><td>PR-1, PR-2, PR-3</td><td>always</td><td>BILL_PATIENT</td></tr>
 * <tr><td>4</td><td>PR-any other (ABN/GA, GY)</td><td>always</td><td>BILL_PATIENT</td></tr>
 * <tr><td>5</td><td>CO-150</td><td>record supports a lower level</td><td>NO_ACTION or WRITE_OFF contractual</td></tr>
 * <tr><td>6</td><td>CO-150, 97, 4, 16, 11, 50, 151...</td><td>record supports the line as billed</td><td>APPEAL with the note</td></tr>
 * <tr><td>7</td><td>CO-97 bundling</td><td>record documents the service, coded differently (modifier 25/59/XS)</td><td>CORRECTED_CLAIM</td></tr>
 * <tr><td>8</td><td>CO-4, 6, 7, 9, 10, 11, 16, 50, 58, 146, 151, 181</td><td>record coded differently</td><td>CORRECTED_CLAIM</td></tr>
 * <tr><td>9</td><td>CO-97, 4, 11, 16, 50, 58, 150, 151...</td><td>record does not document it</td><td>WRITE_OFF administrative</td></tr>
 * <tr><td>10</td><td>CO-29</td><td>proof of timely filing</td><td>APPEAL with the proof</td></tr>
 * <tr><td>11</td><td>CO-29</td><td>no proof</td><td>WRITE_OFF timely filing</td></tr>
 * <tr><td>12</td><td>CO-197, CO-15</td><td>authorization obtained</td><td>CORRECTED_CLAIM (number in box 23)</td></tr>
 * <tr><td>13</td><td>CO-197, CO-15</td><td>no authorization</td><td>RETRO_AUTH</td></tr>
 * <tr><td>14</td><td>CO-18</td><td>always</td><td>NO_ACTION</td></tr>
 * <tr><td>15</td><td>CO-22, CO-109, CO-26, CO-27</td><td>always</td><td>BILL_OTHER_PAYER</td></tr>
 * <tr><td>16</td><td>CO-31</td><td>always</td><td>CORRECTED_CLAIM (the member id from the card)</td></tr>
 * <tr><td>17</td><td>CO-96, CO-204</td><td>always</td><td>WRITE_OFF administrative</td></tr>
 * <tr><td>18</td><td>anything else</td><td>always</td><td>APPEAL with the note</td></tr>
 * </table>
 */
public final class ActionTable {
    private ActionTable() {}

    /** When a row applies, besides group and CARC. */
    public enum When {
        ALWAYS,
        AS_BILLED,
        CODED_DIFFERENTLY,
        NOT_DOCUMENTED,
        TIMELY_FILING_PROOF,
        NO_TIMELY_FILING_PROOF,
        AUTHORIZATION_OBTAINED,
        NO_AUTHORIZATION;

        boolean holds(Denial d) {
            return switch (this) {
                case ALWAYS -> true;
                case AS_BILLED -> d.support() == Support.AS_BILLED;
                case CODED_DIFFERENTLY -> d.support() == Support.CODED_DIFFERENTLY;
                case NOT_DOCUMENTED -> d.support() == Support.NOT_DOCUMENTED || d.support() == Support.NO_RECORD;
                case TIMELY_FILING_PROOF -> d.timelyFilingProof();
                case NO_TIMELY_FILING_PROOF -> !d.timelyFilingProof();
                case AUTHORIZATION_OBTAINED -> d.authorizationObtained();
                case NO_AUTHORIZATION -> !d.authorizationObtained();
            };
        }
    }

    /**
     * One row: the group ("*" any), the CARCs (empty = any), the condition, the right actions (the first is the
     * one the feedback recommends), the documentation that proves an appeal, the write-off reason, and why.
     */
    public record Row(
            int number,
            String group,
            Set<String> carcs,
            When when,
            List<AppealAction> actions,
            List<RecordDocument> documentation,
            WriteOffReason writeOffReason,
            String because) {
        boolean matches(Denial d) {
            return ("*".equals(group) || group.equals(d.group()))
                    && (carcs.isEmpty() || carcs.contains(d.carc()))
                    && when.holds(d);
        }

        public Denial.Expectation expectation() {
            return new Denial.Expectation(
                    actions, documentation, writeOffReason, because, "Action table row " + number);
        }
    }

    /** Coding and billing errors a corrected claim fixes. */
    static final Set<String> CODING_ERRORS =
            Set.of("4", "6", "7", "9", "10", "11", "16", "50", "58", "97", "146", "150", "151", "181");

    public static final List<Row> ROWS = List.of(
            new Row(
                    1,
                    Denial.REJECTED,
                    Set.of(),
                    When.ALWAYS,
                    List.of(NEW_CLAIM),
                    List.of(),
                    null,
                    "A front-end rejection (277CA) never entered adjudication: there is no determination to appeal and"
                            + " nothing to replace. Fix the field the clearinghouse named and send a new original claim."),
            new Row(
                    2,
                    "CO",
                    Set.of("45"),
                    When.ALWAYS,
                    List.of(NO_ACTION),
                    List.of(),
                    null,
                    "CO-45 is the contractual difference between the charge and the fee schedule: the contract binds"
                            + " the practice to it. Post the payment and let the adjustment stand; never bill the patient for it."),
            new Row(
                    3,
                    "PR",
                    Set.of("1", "2", "3"),
                    When.ALWAYS,
                    List.of(BILL_PATIENT),
                    List.of(),
                    null,
                    "PR-1/2/3 are the member's deductible, coinsurance and copay: the payer says the patient owes it."
                            + " Move the balance to the patient's statement."),
            new Row(
                    4,
                    "PR",
                    Set.of(),
                    When.ALWAYS,
                    List.of(BILL_PATIENT),
                    List.of(),
                    null,
                    "A PR denial of a non-covered service (modifier GA with a signed ABN, or GY) makes the patient"
                            + " liable: bill the patient."),
            new Row(
                    5,
                    "CO",
                    Set.of("150"),
                    When.CODED_DIFFERENTLY,
                    List.of(NO_ACTION, WRITE_OFF),
                    List.of(),
                    WriteOffReason.CONTRACTUAL,
                    "The record supports a lower E/M level than billed: the payer paid the supported level. Accept the"
                            + " downcode (post it; the reduction is contractual). An appeal would be upheld, and billing"
                            + " above the documented level again is what audits find."),
            new Row(
                    6,
                    "CO",
                    CODING_ERRORS,
                    When.AS_BILLED,
                    List.of(APPEAL),
                    List.of(RecordDocument.NOTE),
                    null,
                    "The record supports the line exactly as billed, so the denial is the payer's error: appeal and"
                            + " send the note that documents the service."),
            new Row(
                    7,
                    "CO",
                    Set.of("97"),
                    When.CODED_DIFFERENTLY,
                    List.of(CORRECTED_CLAIM),
                    List.of(),
                    null,
                    "The bundled service is documented as separate (a significant, separately identifiable E/M or a"
                            + " separate site or session): the claim lacked the modifier (25, 59/XS) that says so. Send a"
                            + " corrected claim with it; appealing a clerical omission is dismissed at Medicare."),
            new Row(
                    8,
                    "CO",
                    CODING_ERRORS,
                    When.CODED_DIFFERENTLY,
                    List.of(CORRECTED_CLAIM),
                    List.of(),
                    null,
                    "The record documents the service, but the claim coded it differently (modifier, units,"
                            + " diagnosis, pointer). Fix the coding and send a corrected claim (frequency 7 with the payer"
                            + " claim number): it is the fix for a clerical error, not an appeal."),
            new Row(
                    9,
                    "CO",
                    CODING_ERRORS,
                    When.NOT_DOCUMENTED,
                    List.of(WRITE_OFF),
                    List.of(),
                    WriteOffReason.ADMINISTRATIVE,
                    "The record does not document the service as billed: it should not have been billed. Write the"
                            + " line off (administrative); the patient is not liable and an appeal would be upheld."),
            new Row(
                    10,
                    "CO",
                    Set.of("29"),
                    When.TIMELY_FILING_PROOF,
                    List.of(APPEAL),
                    List.of(RecordDocument.TIMELY_FILING_PROOF),
                    null,
                    "The claim was first filed in time: appeal with the proof of timely filing (the payer's"
                            + " acceptance report of the first submission)."),
            new Row(
                    11,
                    "CO",
                    Set.of("29"),
                    When.NO_TIMELY_FILING_PROOF,
                    List.of(WRITE_OFF),
                    List.of(),
                    WriteOffReason.TIMELY_FILING,
                    "Filed after the payer's limit and no proof of an earlier timely submission: the practice writes it"
                            + " off (timely filing). The patient may not be billed, and an appeal without proof is upheld."),
            new Row(
                    12,
                    "CO",
                    Set.of("197", "15"),
                    When.AUTHORIZATION_OBTAINED,
                    List.of(CORRECTED_CLAIM),
                    List.of(),
                    null,
                    "The authorization was obtained: put its number in box 23 (REF*G1) and send a corrected claim."),
            new Row(
                    13,
                    "CO",
                    Set.of("197", "15"),
                    When.NO_AUTHORIZATION,
                    List.of(RETRO_AUTH),
                    List.of(),
                    null,
                    "No authorization was obtained: ask the payer for a retro-authorization with the clinical reason;"
                            + " the patient cannot be billed for the practice's missed authorization."),
            new Row(
                    14,
                    "CO",
                    Set.of("18"),
                    When.ALWAYS,
                    List.of(NO_ACTION),
                    List.of(),
                    null,
                    "A duplicate: the first claim for this service is the one that pays. Do not resubmit; post the"
                            + " denial against the duplicate and follow the original."),
            new Row(
                    15,
                    "CO",
                    Set.of("22", "109", "26", "27"),
                    When.ALWAYS,
                    List.of(BILL_OTHER_PAYER),
                    List.of(),
                    null,
                    "Another payer is responsible (coordination of benefits, the drug plan, or coverage that had not"
                            + " started or had ended): bill the responsible payer."),
            new Row(
                    16,
                    "CO",
                    Set.of("31"),
                    When.ALWAYS,
                    List.of(CORRECTED_CLAIM),
                    List.of(),
                    null,
                    "The payer could not identify the member: check the card and the eligibility response and send a"
                            + " corrected claim with the member id exactly as the payer has it."),
            new Row(
                    17,
                    "CO",
                    Set.of("96", "204"),
                    When.ALWAYS,
                    List.of(WRITE_OFF),
                    List.of(),
                    WriteOffReason.ADMINISTRATIVE,
                    "Not covered and no signed ABN (no GA modifier): the provider is liable. Write it off; billing the"
                            + " patient needs a waiver signed before the service."),
            new Row(
                    18,
                    "*",
                    Set.of(),
                    When.ALWAYS,
                    List.of(APPEAL),
                    List.of(RecordDocument.NOTE),
                    null,
                    "An unusual denial: read the remark codes, call the payer, and appeal with the record if the"
                            + " claim was right."));

    /** The row for a denial (the last row catches everything). */
    public static Row rowFor(Denial denial) {
        return ROWS.stream().filter(r -> r.matches(denial)).findFirst().orElseThrow();
    }

    /** What the biller should do: the drill's expectation when there is one, else the table's row. */
    public static Denial.Expectation expectationFor(Denial denial) {
        return denial.drill() != null ? denial.drill() : rowFor(denial).expectation();
    }
}
