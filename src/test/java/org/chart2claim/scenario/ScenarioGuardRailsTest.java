package org.chart2claim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.chart2claim.codebook.InMemoryCodeLookup;
import org.junit.jupiter.api.Test;

/**
 * The guard rails of issue 14: each check passes a consistent fixture and fails a deliberately broken one
 * (including the real errors the content review found in the shipped files before they were fixed).
 */
class ScenarioGuardRailsTest {

    /** A consistent obstetric fixture: DOB 1997-05-08, DOS 2026-08-03 (age 29), EDD 08/08/2026 = 39 weeks 2 days. */
    static final String DELIVERY = """
            ---
            id: t-010-delivery
            title: Delivery
            specialty: OB/GYN
            difficulty: 2
            codeSetYear: FY2026
            setting: Hospital
            placeOfService: "21"
            dateOfService: 2026-08-03
            patient: {name: Pat Test, dateOfBirth: 1997-05-08, sex: F, address: {line1: 1 Main St, city: Springfield, state: IL, zip: "62701"}, memberId: X1}
            payer: {id: medicaid-sim, plan: Medicaid}
            renderingProvider: {name: "Dr A", npi: "1502020203"}
            billingProvider: {name: Clinic, npi: "1401010107", taxId: "47-1234501"}
            key:
              diagnoses:
                - {code: O80, rationale: "uncomplicated"}
                - {code: Z3A.39, rationale: "weeks"}
              procedures:
                - {code: "59400", units: 1, pointers: [1, 2], rationale: "global"}
            ---
            **Patient:** 29-year-old G2P1. EDD 08/08/2026 by first-trimester ultrasound.
            Labor: spontaneous onset at **39 weeks 2 days**.
            """;

    /** A consistent pathology fixture: specimen collected 02/03, report signed out 02/04, DOS = collection. */
    static final String PATHOLOGY = """
            ---
            id: t-011-pathology
            title: Pathology
            specialty: Pathology & lab
            difficulty: 1
            codeSetYear: FY2026
            setting: Independent laboratory
            placeOfService: "81"
            dateOfService: 2026-02-03
            patient: {name: Pat Test, dateOfBirth: 1962-06-19, sex: M, address: {line1: 1 Main St, city: Springfield, state: IL, zip: "62701"}, memberId: X1}
            payer: {id: ppo-sim, plan: PPO}
            renderingProvider: {name: "Dr A", npi: "1502020203"}
            billingProvider: {name: Lab, npi: "1401010107", taxId: "47-1234501"}
            key:
              diagnoses:
                - {code: D12.2, rationale: "adenoma"}
              procedures:
                - {code: "88305", units: 1, pointers: [1], rationale: "level IV"}
            ---
            **Collected:** 02/03/2026  **Received:** 02/03/2026  **Signed out:** 02/04/2026
            **Clinical history:** 63-year-old man, screening colonoscopy.
            """;

    private static List<String> problems(String text) throws ScenarioFormatException {
        return ScenarioConsistencyChecks.problems(ScenarioParser.parse("t.md", text));
    }

    @Test
    void consistentFixturesHaveNoProblems() throws Exception {
        assertThat(problems(DELIVERY)).isEmpty();
        assertThat(problems(PATHOLOGY)).isEmpty();
        assertThat(problems(ScenarioLoaderTest.VALID)).isEmpty();
    }

    @Test
    void ageInTheNoteMustMatchTheDateOfBirth() throws Exception {
        // or-002 said 76 where the DOB gave 77
        assertThat(problems(DELIVERY.replace("29-year-old", "30-year-old")))
                .singleElement()
                .asString()
                .contains("30-year-old")
                .contains("gives 29 years");
        assertThat(problems(DELIVERY.replace("29-year-old G2P1", "29-year-old G2P1 with her 30-year-old partner")))
                .as("another person's age is not the patient's")
                .isEmpty();
    }

    @Test
    void ageInMonthsIsCheckedForInfants() throws Exception {
        String infant = ScenarioLoaderTest.VALID
                .replace("dateOfBirth: 1961-05-02", "dateOfBirth: 2025-03-10")
                .replace("**S:** note text", "**S:** healthy 12-month-old boy");
        assertThat(problems(infant)).isEmpty();
        assertThat(problems(infant.replace("12-month-old", "15-month-old")))
                .singleElement()
                .asString()
                .contains("12 months");
    }

    @Test
    void edDAndStatedGestationalAgeMustAgreeWithEachOtherAndWithZ3a() throws Exception {
        // ob-001 as shipped: EDD 07/31/2026 gives 40 weeks 3 days on 08/03, the note said 39 weeks 2 days
        List<String> shippedError = problems(DELIVERY.replace("EDD 08/08/2026", "EDD 07/31/2026"));
        assertThat(shippedError).anyMatch(p -> p.contains("EDD gives 40 weeks 3 days"));
        assertThat(shippedError).anyMatch(p -> p.contains("Z3A.39 says 39 weeks but the EDD gives 40 weeks 3 days"));

        assertThat(problems(DELIVERY.replace("Z3A.39", "Z3A.38")))
                .anyMatch(p -> p.contains("Z3A.38 says 38 weeks but the note states 39 weeks"));
    }

    @Test
    void z3aNeedsAGestationalAgeInTheNote() throws Exception {
        String noAge = DELIVERY.replace("EDD 08/08/2026 by first-trimester ultrasound.", "")
                .replace("at **39 weeks 2 days**", "at term");
        assertThat(problems(noAge)).singleElement().asString().contains("needs the gestational age");
    }

    @Test
    void pathologyDateOfServiceIsTheCollectionDateAndNotAfterTheReport() throws Exception {
        // pl-001 as shipped used the sign-out date
        assertThat(problems(PATHOLOGY.replace("dateOfService: 2026-02-03", "dateOfService: 2026-02-04")))
                .singleElement()
                .asString()
                .contains("not the specimen collection date 02/03/2026");
        assertThat(problems(PATHOLOGY.replace("dateOfService: 2026-02-03", "dateOfService: 2026-02-05")))
                .anyMatch(p -> p.contains("after the report date 02/04/2026"));
    }

    @Test
    void commonMistakeCodesAreRealOrFlaggedInvalid() {
        InMemoryCodeLookup books = new InMemoryCodeLookup()
                .icd("E11.40", "T2DM w neuropathy")
                .icd("E11.9", "T2DM without complications")
                .header("O24.01", "Pre-existing type 1 diabetes in pregnancy")
                .cpt("99214");
        ScenarioLoader loader = new ScenarioLoader(books);
        String typo = ScenarioLoaderTest.VALID.replace("{answer: E11.9,", "{answer: O24.014,");
        assertThat(loader.load(Map.of("t-001-sample.md", typo)).problems())
                .singleElement()
                .satisfies(
                        p -> assertThat(p.reasons()).singleElement().asString().contains("O24.014"));

        String flagged = ScenarioLoaderTest.VALID.replace("{answer: E11.9,", "{answer: O24.014, invalid: true,");
        assertThat(loader.load(Map.of("t-001-sample.md", flagged)).problems()).isEmpty();

        String header = ScenarioLoaderTest.VALID.replace("{answer: E11.9,", "{answer: O24.01,");
        assertThat(loader.load(Map.of("t-001-sample.md", header)).problems())
                .singleElement()
                .satisfies(
                        p -> assertThat(p.reasons()).singleElement().asString().contains("header"));

        String flaggedButReal = ScenarioLoaderTest.VALID.replace("{answer: E11.9,", "{answer: E11.9, invalid: true,");
        assertThat(loader.load(Map.of("t-001-sample.md", flaggedButReal)).problems())
                .singleElement()
                .satisfies(
                        p -> assertThat(p.reasons()).singleElement().asString().contains("flagged invalid"));

        String withModifierAndUnits = ScenarioLoaderTest.VALID.replace("{answer: E11.9,", "{answer: \"99214-25 x2\",");
        assertThat(loader.load(Map.of("t-001-sample.md", withModifierAndUnits)).problems())
                .isEmpty();
    }

    @Test
    void reviewIsOptionalWithoutAnAuthor() throws Exception {
        Scenario s = ScenarioParser.parse("t-001-sample.md", ScenarioLoaderTest.VALID);
        assertThat(s.author()).isNull();
        assertThat(s.review()).isNull();
    }

    @Test
    void authorAndReviewByAnotherPersonAreRead() throws Exception {
        Scenario s = ScenarioParser.parse("t-001-sample.md", withFrontMatter("""
                author: "Ana Writer, CPC"
                review: {by: "Ben Reader, CPC", on: 2026-12-01, checklist: REVIEW.md, notes: "MDM table checked"}
                """));
        assertThat(s.author()).isEqualTo("Ana Writer, CPC");
        assertThat(s.review())
                .isEqualTo(new Scenario.Review(
                        "Ben Reader, CPC", LocalDate.of(2026, 12, 1), "REVIEW.md", "MDM table checked"));
    }

    @Test
    void aScenarioWithAnAuthorNeedsAReview() {
        assertThatThrownBy(() -> ScenarioParser.parse("t-001-sample.md", withFrontMatter("author: Ana Writer\n")))
                .isInstanceOfSatisfying(
                        ScenarioFormatException.class,
                        e -> assertThat(e.reasons()).singleElement().asString().contains("needs a review"));
    }

    @Test
    void theReviewerMustNotBeTheAuthorAndMustUseTheChecklist() {
        String self = withFrontMatter("""
                author: Ana Writer
                review: {by: ana writer, on: 2026-12-01, checklist: REVIEW.md}
                """);
        assertThatThrownBy(() -> ScenarioParser.parse("t-001-sample.md", self))
                .isInstanceOfSatisfying(
                        ScenarioFormatException.class,
                        e -> assertThat(e.reasons())
                                .singleElement()
                                .asString()
                                .contains("someone other than the author"));
        String incomplete = withFrontMatter("""
                author: Ana Writer
                review: {by: Ben Reader, checklist: my-list.md}
                """);
        assertThatThrownBy(() -> ScenarioParser.parse("t-001-sample.md", incomplete))
                .isInstanceOfSatisfying(
                        ScenarioFormatException.class,
                        e -> assertThat(e.reasons())
                                .anyMatch(r -> r.contains("review.on"))
                                .anyMatch(r -> r.contains("review.checklist must be REVIEW.md")));
    }

    @Test
    void everyShippedScenarioCarriesAReviewAgainstTheChecklist() throws Exception {
        List<Scenario> shipped =
                new ScenarioLoader(null).loadFolder(Path.of("scenarios")).scenarios();
        assertThat(shipped).isNotEmpty();
        assertThat(shipped)
                .filteredOn(s -> s.review() == null)
                .extracting(Scenario::id)
                .as("scenarios without a review entry")
                .isEmpty();
        assertThat(Files.readString(Path.of("scenarios", "REVIEW.md")))
                .contains("MDM")
                .contains("Index");
    }

    private static String withFrontMatter(String extra) {
        return ScenarioLoaderTest.VALID.replace("key:\n", extra + "key:\n");
    }
}
