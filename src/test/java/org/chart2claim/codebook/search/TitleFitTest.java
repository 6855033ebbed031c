package org.chart2claim.codebook.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.chart2claim.codebook.CodeSystem;
import org.junit.jupiter.api.Test;

class TitleFitTest {

    private static TitleFit.Candidate candidate(String code, String title) {
        return TitleFit.decode(TitleFit.encode(TitleFit.family(CodeSystem.ICD10CM, code), title));
    }

    /** What a query says: each phrase is one query word with its expansions. */
    private static TitleFit.Said says(List<String> words, List<String> denied) {
        Set<String> said = new HashSet<>();
        List<Set<String>> slots = new java.util.ArrayList<>();
        for (String w : words) {
            Set<String> slot = new HashSet<>(TitleFit.analyze(w));
            said.addAll(slot);
            slots.add(slot);
        }
        Set<String> negated = new HashSet<>();
        denied.forEach(d -> negated.addAll(TitleFit.analyze(d)));
        return new TitleFit.Said(said, negated, slots);
    }

    @Test
    void negatedClausesAndNonessentialWordsAreNoQualifiers() {
        TitleFit.Candidate plain =
                candidate("G43009", "Migraine without aura, not intractable, without status migrainosus");
        assertThat(plain.qualifiers()).containsExactly("migrain");
        assertThat(plain.negated()).contains("aura", "intract", "statu");
        TitleFit.Candidate finger = candidate(
                "S61211A",
                "Laceration without foreign body of left index finger without damage to nail, initial encounter");
        assertThat(finger.qualifiers())
                .contains("lacer", "left", "index", "finger")
                .doesNotContain("nail", "initi");
        assertThat(finger.negated()).contains("foreign", "nail");
        assertThat(candidate("E6601", "Morbid (severe) obesity due to excess calories")
                        .qualifiers())
                .doesNotContain("sever");
    }

    @Test
    void aDrugWithAFindingIsAnAdverseEffectAndAPoisoningOfUnstatedIntentIsAccidental() {
        List<TitleFit.Candidate> column = List.of(
                candidate("T402X1A", "Poisoning by other opioids, accidental (unintentional), initial encounter"),
                candidate("T402X2A", "Poisoning by other opioids, intentional self-harm, initial encounter"),
                candidate("T402X5A", "Adverse effect of other opioids, initial encounter"));
        // "constipation from oxycodone": the drug properly taken (guidelines I.C.19.e.5.a)
        float[] taken = TitleFit.adjustments(column, says(List.of("constipation", "opioids"), List.of()));
        assertThat(taken[2]).isGreaterThan(taken[0]).isGreaterThan(taken[1]);
        // "oxycodone overdose": a poisoning, accidental when the note does not say otherwise (I.C.19.e.5.b)
        float[] overdose = TitleFit.adjustments(column, says(List.of("poisoning", "opioids"), List.of()));
        assertThat(overdose[0]).isGreaterThan(overdose[1]).isGreaterThan(overdose[2]);
    }

    @Test
    void theSiblingThatAddsNothingTheQuerySaysWins() {
        TitleFit.Said query = says(List.of("migraine"), List.of("aura"));
        List<TitleFit.Candidate> siblings = List.of(
                candidate("G43019", "Migraine without aura, intractable, without status migrainosus"),
                candidate("G43009", "Migraine without aura, not intractable, without status migrainosus"));
        float[] change = TitleFit.adjustments(siblings, query);
        assertThat(change[0]).isLessThan(change[1]);
        assertThat(change[1]).isZero();
    }

    @Test
    void aTitleThatNegatesWhatTheQuerySaysOrSaysTheOppositeIsAContradiction() {
        TitleFit.Said withLuts =
                says(List.of("benign prostatic hyperplasia", "lower urinary tract symptoms"), List.of());
        assertThat(TitleFit.contradictions(
                        candidate("N400", "Benign prostatic hyperplasia without lower urinary tract symptoms"),
                        withLuts))
                .isPositive();
        assertThat(TitleFit.contradictions(
                        candidate("N401", "Benign prostatic hyperplasia with lower urinary tract symptoms"), withLuts))
                .isZero();
        TitleFit.Said simple = says(List.of("simple", "repair"), List.of());
        assertThat(TitleFit.contradictions(candidate("13101", "Complex repair of a wound, trunk"), simple))
                .isEqualTo(1);
        assertThat(TitleFit.contradictions(candidate("12002", "Simple repair of a wound, trunk"), simple))
                .isZero();
    }

    @Test
    void anUnspecifiedCodeLosesToASiblingThatNamesMoreOfTheNote() {
        TitleFit.Said query = says(List.of("pain", "hip", "right"), List.of());
        List<TitleFit.Candidate> siblings =
                List.of(candidate("M25559", "Pain in unspecified hip"), candidate("M25551", "Pain in right hip"));
        float[] change = TitleFit.adjustments(siblings, query);
        assertThat(change[1]).isZero();
        assertThat(change[0]).isEqualTo(-SearchWeights.UNSAID_BY_TITLE - SearchWeights.UNSPECIFIED_WHEN_SAID);
        assertThat(candidate("A409", "Streptococcal sepsis, unspecified").unspecified())
                .isTrue();
        // the type unspecified, the side stated; the 7th character of a single fetus
        assertThat(candidate("H6692", "Otitis media, unspecified, left ear").unspecified())
                .isFalse();
        assertThat(candidate("H1033", "Unspecified acute conjunctivitis, bilateral")
                        .unspecified())
                .isFalse();
        assertThat(candidate("O321XX0", "Maternal care for breech presentation, not applicable or unspecified")
                        .unspecified())
                .isFalse();
    }

    @Test
    void aSupplysModePowerMaterialAndMakeTellItsSiblingsApart() {
        TitleFit.Candidate wood = candidate("E0112", "Crutches underarm, wood, adjustable or fixed, pair");
        TitleFit.Candidate otherThanWood =
                candidate("E0114", "Crutches underarm, other than wood, adjustable or fixed, pair");
        TitleFit.Said aluminum = says(List.of("crutches", "aluminum"), List.of());
        assertThat(TitleFit.contradictions(wood, aluminum)).isEqualTo(1);
        assertThat(TitleFit.contradictions(otherThanWood, aluminum)).isZero();
        // "other than wood" says what the item is not
        assertThat(TitleFit.contradictions(otherThanWood, says(List.of("crutches", "wood"), List.of())))
                .isEqualTo(1);
        TitleFit.Said stationary = says(List.of("oxygen concentrator", "stationary"), List.of());
        assertThat(TitleFit.contradictions(candidate("E1392", "Portable oxygen concentrator, rental"), stationary))
                .isEqualTo(1);
        assertThat(TitleFit.contradictions(
                        candidate("E0602", "Breast pump, manual, any type"),
                        says(List.of("breast pump", "electric"), List.of())))
                .isEqualTo(1);
    }

    @Test
    void theSiblingThatNamesTheSideTheNoteNamesWins() {
        TitleFit.Said query = says(List.of("sciatica", "left"), List.of());
        List<TitleFit.Candidate> siblings =
                List.of(candidate("M5430", "Sciatica, unspecified side"), candidate("M5432", "Sciatica, left side"));
        float[] change = TitleFit.adjustments(siblings, query);
        assertThat(change[0]).isLessThan(change[1]);
    }

    @Test
    void anExternalCauseOfUnstatedIntentIsAccidental() {
        // "cut finger slicing a bagel with a kitchen knife": the note states no intent (guidelines I.C.20.g)
        TitleFit.Said knife = says(List.of("cut", "finger", "knife"), List.of());
        List<TitleFit.Candidate> causes = List.of(
                candidate("X991XXA", "Assault by knife, initial encounter"),
                candidate("X781XXA", "Intentional self-harm by knife, initial encounter"),
                candidate("Y281XXA", "Contact with knife, undetermined intent, initial encounter"),
                candidate("W260XXA", "Contact with knife, initial encounter"));
        float[] change = TitleFit.adjustments(causes, knife);
        assertThat(change[3]).isGreaterThan(change[0]).isGreaterThan(change[1] - 0.01f);
        assertThat(change[3]).isGreaterThan(change[2]);
        assertThat(TitleFit.contradictions(causes.get(0), knife)).isEqualTo(1);
        // a stated intent is no contradiction
        assertThat(TitleFit.contradictions(causes.get(0), says(List.of("assault", "knife"), List.of())))
                .isZero();
    }

    @Test
    void aHistoryOrInSituTheNoteDoesNotStateContradictsIt() {
        // "adenocarcinoma sigmoid colon": the cancer itself, not a personal or family history of it (guidelines
        // I.C.21.c.4), and "melanoma L upper arm" is malignant, not in situ, unless the note says so
        TitleFit.Said cancer = says(List.of("malignant neoplasm", "sigmoid", "colon"), List.of());
        List<TitleFit.Candidate> hits = List.of(
                candidate("Z85038", "Personal history of other malignant neoplasm of large intestine"),
                candidate("Z800", "Family history of malignant neoplasm of digestive organs"),
                candidate("C187", "Malignant neoplasm of sigmoid colon"));
        assertThat(TitleFit.contradictions(hits.get(0), cancer)).isEqualTo(1);
        assertThat(TitleFit.contradictions(hits.get(1), cancer)).isEqualTo(2);
        assertThat(TitleFit.contradictions(hits.get(2), cancer)).isZero();
        assertThat(TitleFit.contradictions(
                        candidate("C785", "Secondary malignant neoplasm of large intestine and rectum"), cancer))
                .isEqualTo(1);
        assertThat(TitleFit.contradictions(
                        candidate("D0362", "Melanoma in situ of left upper limb, including shoulder"),
                        says(List.of("melanoma", "left", "upper arm"), List.of())))
                .isEqualTo(1);
        // a family history the note states is not the patient's own
        assertThat(TitleFit.contradictions(
                        hits.get(0), says(List.of("family history", "malignant neoplasm", "colon"), List.of())))
                .isEqualTo(1);
        // said, no contradiction: "h/o colon cancer" is the personal history
        assertThat(TitleFit.contradictions(
                        hits.get(0), says(List.of("history", "malignant neoplasm", "colon"), List.of())))
                .isZero();
    }

    @Test
    void aVisitWithoutAPlaceIsNotTheHomeVisit() {
        // "est pt, low MDM" names no place: the office visit, not the home visit whose shorter title scores higher
        TitleFit.Said visit = says(List.of("established", "patient", "low", "decision making"), List.of());
        TitleFit.Candidate home = cptCandidate("99348", "Home visit, established patient, low complexity");
        TitleFit.Candidate office = cptCandidate(
                "99213", "Clinic/office visit, established patient, low-complexity decision making or 20+ minutes");
        assertThat(TitleFit.unstatedPlace(home, visit)).isTrue();
        assertThat(TitleFit.unstatedPlace(office, visit)).isFalse();
        float[] change = TitleFit.adjustments(List.of(home, office), visit);
        assertThat(change[0]).isLessThanOrEqualTo(change[1] - SearchWeights.UNSTATED_PLACE);
        // a note that says home keeps the home visit; "home" later in a title is no place of service
        assertThat(TitleFit.unstatedPlace(home, says(List.of("home", "established", "patient"), List.of())))
                .isFalse();
        assertThat(TitleFit.unstatedPlace(
                        cptCandidate("82962", "Glucose by a home-type monitoring device (fingerstick meter)"),
                        says(List.of("fingerstick", "glucose"), List.of())))
                .isFalse();
    }

    private static TitleFit.Candidate cptCandidate(String code, String title) {
        return TitleFit.decode(TitleFit.encode(TitleFit.family(CodeSystem.CPT, code), title));
    }

    @Test
    void aSymptomThatANamedDiseaseExplainsRanksBelowIt() {
        // "pulmonary TB, AFB smear positive sputum": the abnormal sputum finding is part of the tuberculosis
        TitleFit.Said tb = says(List.of("pulmonary lung", "tuberculosis", "smear", "positive", "sputum"), List.of());
        List<TitleFit.Candidate> hits = List.of(
                candidate("R87810", "Cervical high risk human papillomavirus (HPV) DNA test positive"),
                candidate("R0987", "Abnormal sputum"),
                candidate("A150", "Tuberculosis of lung"));
        float[] change = TitleFit.adjustments(hits, tb);
        assertThat(change[1]).isEqualTo(-SearchWeights.SYMPTOM_OF_NAMED_DISEASE);
        // a disease that holds only one incidental word of the note does not explain the symptom ("passive SI")
        TitleFit.Said passive = says(List.of("passive", "suicidal ideation"), List.of());
        float[] incidental = TitleFit.adjustments(
                List.of(
                        candidate("R45851", "Suicidal ideations"),
                        candidate("K761", "Chronic passive congestion of liver")),
                passive);
        assertThat(incidental[0]).isZero();
    }

    @Test
    void anOccupationalExposureTheNoteDoesNotStateContradictsIt() {
        // "secondhand smoke at home": the household exposure (Z77.22), not the occupational one (Z57.31), unless the
        // note says work
        TitleFit.Candidate occupational = candidate("Z5731", "Occupational exposure to environmental tobacco smoke");
        TitleFit.Candidate household = candidate(
                "Z7722", "Contact with and (suspected) exposure to environmental tobacco smoke (acute) (chronic)");
        TitleFit.Said home = says(List.of("environmental tobacco smoke", "home"), List.of());
        assertThat(TitleFit.contradictions(occupational, home)).isEqualTo(1);
        assertThat(TitleFit.contradictions(household, home)).isZero();
        assertThat(TitleFit.contradictions(
                        occupational, says(List.of("environmental tobacco smoke", "work occupational"), List.of())))
                .isZero();
        // a CPT service title is no circumstance: "OT eval" is occupational therapy
        assertThat(TitleFit.contradictions(
                        TitleFit.decode(TitleFit.encode(
                                TitleFit.family(CodeSystem.CPT, "97165"), "Occupational therapy evaluation, low")),
                        says(List.of("OT", "evaluation"), List.of())))
                .isZero();
    }

    @Test
    void aScreeningWithoutAFindingIsNoDisease() {
        // "lipid screening": the reason for the visit is the screening, first-listed; a lipid disorder is coded only
        // once the screening finds it (guidelines I.C.21.c.5)
        TitleFit.Said screening = says(List.of("lipid", "screening"), List.of());
        List<TitleFit.Candidate> hits = List.of(
                candidate("E756", "Lipid storage disorder, unspecified"),
                candidate("Z13220", "Encounter for screening for lipoid disorders"),
                candidate("R7989", "Other specified abnormal findings of blood chemistry"));
        float[] change = TitleFit.adjustments(hits, screening);
        assertThat(change[0]).isEqualTo(-SearchWeights.SCREENED_NOT_FOUND);
        assertThat(change[1]).isZero();
        // nor an abnormal finding the note does not state
        assertThat(TitleFit.adjustments(hits.subList(1, 3), screening)[1]).isEqualTo(-SearchWeights.SCREENED_NOT_FOUND);
        // a screening that found something codes the finding: "chlamydia screen positive"
        TitleFit.Said positive = says(List.of("chlamydia", "screening", "positive"), List.of());
        assertThat(TitleFit.screensWithoutAFinding(
                        List.of(
                                candidate("A5600", "Chlamydial infection of lower genitourinary tract, unspecified"),
                                candidate("Z118", "Encounter for screening for other infectious diseases")),
                        positive))
                .isFalse();
        // without an encounter for screening among the hits, nothing changes
        assertThat(TitleFit.screensWithoutAFinding(hits.subList(0, 1), screening))
                .isFalse();
    }

    @Test
    void familiesAreCategoriesAndCodeRanges() {
        assertThat(TitleFit.family(CodeSystem.ICD10CM, "S61211A")).isEqualTo("ICD10CM:S61");
        assertThat(TitleFit.family(CodeSystem.CPT, "10060")).isEqualTo("CPT:1006");
    }
}
