package org.chart2claim.authoring.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.chart2claim.account.AccountService;
import org.chart2claim.account.Role;
import org.chart2claim.account.UserAccountRepository;
import org.chart2claim.authoring.AuthoringFixtures;
import org.chart2claim.codebook.CodeLookup;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.scenario.ScenarioLoader;
import org.chart2claim.scenario.ScenarioVersionRepository;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/** The authoring REST API exactly as issue 12 lists it, the disputes API, and the export round trip. */
@IntegrationTest
class AuthoringApiTest {

    private static final String PW = IntegrationTest.DEMO_PASSWORD;
    private static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    ScenarioLibrary library;

    @Autowired
    ScenarioVersionRepository versions;

    @Autowired
    CodeLookup lookup;

    @Autowired
    AccountService accounts;

    @Autowired
    UserAccountRepository users;

    @TempDir
    Path folder;

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String user) {
        return request.with(httpBasic(user, PW));
    }

    private void create(String text) throws Exception {
        mvc.perform(as(post("/api/scenarios"), "instructor")
                        .contentType(MARKDOWN)
                        .content(text))
                .andExpect(status().isCreated());
    }

    @Test
    void studentsAreForbiddenEverywhere() throws Exception {
        String id = AuthoringFixtures.newId("api-student");
        mvc.perform(as(post("/api/scenarios"), "student").contentType(MARKDOWN).content(AuthoringFixtures.strep(id)))
                .andExpect(status().isForbidden());
        mvc.perform(as(put("/api/scenarios/" + AuthoringFixtures.BASE), "student")
                        .contentType(MARKDOWN)
                        .content(AuthoringFixtures.strep(AuthoringFixtures.BASE)))
                .andExpect(status().isForbidden());
        mvc.perform(as(get("/api/scenarios/" + AuthoringFixtures.BASE + "/export"), "student"))
                .andExpect(status().isForbidden());
        mvc.perform(as(delete("/api/scenarios/" + AuthoringFixtures.BASE), "student"))
                .andExpect(status().isForbidden());
        mvc.perform(as(post("/api/scenarios/import"), "student")
                        .contentType(MediaType.parseMediaType("application/zip"))
                        .content(new byte[] {1}))
                .andExpect(status().isForbidden());
        mvc.perform(as(get("/api/disputes").param("status", "OPEN"), "student")).andExpect(status().isForbidden());
        assertThat(library.find(id)).isEmpty();
    }

    @Test
    void createUpdateExportRetire() throws Exception {
        String id = AuthoringFixtures.newId("api");
        mvc.perform(as(post("/api/scenarios"), "instructor")
                        .contentType(MARKDOWN)
                        .content(AuthoringFixtures.strepWithWrongLevel(id)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.version").value(1));
        // Posting the same id again is refused: PUT makes versions.
        mvc.perform(as(post("/api/scenarios"), "instructor")
                        .contentType(MARKDOWN)
                        .content(AuthoringFixtures.strep(id)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"))
                .andExpect(jsonPath("$.errors[0].line").value(2));
        mvc.perform(as(put("/api/scenarios/" + id), "instructor")
                        .contentType(MARKDOWN)
                        .content(AuthoringFixtures.strep(id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));
        // Another instructor's scenario: not theirs to change.
        if (!users.existsByUsernameIgnoreCase("api-instructor-b")) {
            accounts.create("api-instructor-b", "Other Instructor", PW, EnumSet.of(Role.INSTRUCTOR));
        }
        mvc.perform(as(put("/api/scenarios/" + id), "api-instructor-b")
                        .contentType(MARKDOWN)
                        .content(AuthoringFixtures.strep(id)))
                .andExpect(status().isNotFound());
        mvc.perform(as(put("/api/scenarios/" + AuthoringFixtures.BASE), "instructor")
                        .contentType(MARKDOWN)
                        .content(AuthoringFixtures.strep(AuthoringFixtures.BASE)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("duplicate it")));

        String exported = mvc.perform(as(get("/api/scenarios/" + id + "/export"), "instructor"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(exported).isEqualTo(AuthoringFixtures.strep(id));
        String v1 = mvc.perform(as(get("/api/scenarios/" + id + "/export").param("version", "1"), "instructor"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(v1).contains("\"99214\"");

        mvc.perform(as(get("/api/scenarios"), "student"))
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].version").value(2));
        mvc.perform(as(delete("/api/scenarios/" + id), "instructor")).andExpect(status().isNoContent());
        mvc.perform(as(get("/api/scenarios"), "student"))
                .andExpect(jsonPath("$[?(@.id == '" + id + "')]").isEmpty());
    }

    @Test
    void aKeyThePayerDeniesIsRefusedUnlessAReasonIsGivenAndTheVersionRecordsIt() throws Exception {
        // pc-003 without modifier 25 on the problem visit: the payer bundles 99213 into the preventive visit.
        String id = AuthoringFixtures.newId("api-payer");
        String denied = Files.readString(Path.of("scenarios", "pc-003-preventive-with-problem.md"))
                .replace("id: pc-003-preventive-with-problem", "id: " + id)
                .replace("{code: \"99213\", modifiers: [\"25\"]", "{code: \"99213\", modifiers: []");
        mvc.perform(as(post("/api/scenarios"), "instructor")
                        .contentType(MARKDOWN)
                        .content(denied))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("key"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("CO-97")))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("payerOverride")));
        assertThat(library.find(id)).isEmpty();
        // An import is refused the same way, per file.
        mvc.perform(as(post("/api/scenarios/import").param("name", id + ".md"), "instructor")
                        .contentType(MARKDOWN)
                        .content(denied))
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.files[0].errors[0].field").value("key"));
        assertThat(library.find(id)).isEmpty();

        mvc.perform(as(post("/api/scenarios").param("payerOverride", "teaches the CO-97 bundling denial"), "instructor")
                        .contentType(MARKDOWN)
                        .content(denied))
                .andExpect(status().isCreated());
        var v1 = versions.findByScenarioIdOrderByVersionAsc(id).getFirst();
        assertThat(v1.getPayerCheck()).startsWith("Not paid cleanly").contains("99213 CO-97");
        assertThat(v1.getPayerOverride()).isEqualTo("teaches the CO-97 bundling denial");

        // The fixed key passes the gate with nothing to override, and says so.
        mvc.perform(as(put("/api/scenarios/" + id), "instructor")
                        .contentType(MARKDOWN)
                        .content(denied.replace(
                                "{code: \"99213\", modifiers: []", "{code: \"99213\", modifiers: [\"25\"]")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));
        var v2 = versions.findByScenarioIdOrderByVersionAsc(id).getLast();
        assertThat(v2.getPayerCheck()).startsWith("Paid without denial");
        assertThat(v2.getPayerOverride()).isNull();
    }

    @Test
    void anExportedFileLoadedFromTheScenariosFolderGivesTheSameScenario() throws Exception {
        String id = AuthoringFixtures.newId("round");
        create(AuthoringFixtures.strep(id));
        byte[] exported = mvc.perform(as(get("/api/scenarios/" + id + "/export"), "instructor"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        // What chart2claim.scenarios-dir does at start-up: the loader over that folder.
        Files.write(folder.resolve(id + ".md"), exported);
        ScenarioLoader.Result loaded = new ScenarioLoader(lookup).loadFolder(folder);
        assertThat(loaded.problems()).isEmpty();
        Scenario fromFile = loaded.scenarios().getFirst();
        Scenario published = library.find(id).orElseThrow();
        assertThat(fromFile.withVersion(published.version())).isEqualTo(published);
    }

    @Test
    void invalidFilesAnswer400WithLineFieldAndMessageAndChangeNothing() throws Exception {
        String id = AuthoringFixtures.newId("bad");
        String text = AuthoringFixtures.strep(id).replace("sex: M", "sex: Q").replace("difficulty: 1", "difficulty: 7");
        mvc.perform(as(post("/api/scenarios"), "instructor")
                        .contentType(MARKDOWN)
                        .content(text))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[?(@.field == 'difficulty')].line").value(5))
                .andExpect(
                        jsonPath("$.errors[?(@.field == 'patient.sex')].line").value(11))
                .andExpect(jsonPath("$.errors[?(@.field == 'patient.sex')].message")
                        .value(org.hamcrest.Matchers.hasItem(containsString("F, M or U"))));
        String hostile = AuthoringFixtures.strep(id) + "\n<img src=x onerror=alert(1)>\n";
        mvc.perform(as(post("/api/scenarios"), "instructor")
                        .contentType(MARKDOWN)
                        .content(hostile))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("raw HTML")));
        // A 5 MB note never reaches the parser: the body limit answers first.
        String huge = AuthoringFixtures.strep(id) + "x".repeat(5 * 1024 * 1024);
        mvc.perform(as(post("/api/scenarios"), "instructor")
                        .contentType(MARKDOWN)
                        .content(huge))
                .andExpect(status().isContentTooLarge());
        assertThat(library.find(id)).isEmpty();
        assertThat(versions.findByScenarioIdOrderByVersionAsc(id)).isEmpty();
    }

    @Test
    void importListsPerFileResultsAndRefusesHostileZipsWhole() throws Exception {
        String existing = AuthoringFixtures.newId("imp-old");
        create(AuthoringFixtures.strepWithWrongLevel(existing));
        String fresh = AuthoringFixtures.newId("imp-new");
        String broken = AuthoringFixtures.newId("imp-bad");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(fresh + ".md", AuthoringFixtures.strep(fresh).getBytes(StandardCharsets.UTF_8));
        files.put(existing + ".md", AuthoringFixtures.strep(existing).getBytes(StandardCharsets.UTF_8));
        files.put(
                broken + ".md",
                AuthoringFixtures.strep(broken).replace("units: 1", "units: 0").getBytes(StandardCharsets.UTF_8));
        mvc.perform(as(post("/api/scenarios/import"), "instructor")
                        .contentType(MediaType.parseMediaType("application/zip"))
                        .content(AuthoringFixtures.zip(files)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2))
                .andExpect(jsonPath("$.failed").value(1))
                .andExpect(jsonPath("$.files[0].version").value(1))
                .andExpect(jsonPath("$.files[1].version").value(2))
                .andExpect(jsonPath("$.files[2].file").value(broken + ".md"))
                .andExpect(jsonPath("$.files[2].errors[0].field").value("key.procedures[1].units"))
                .andExpect(jsonPath("$.files[2].errors[0].line").value(20));
        assertThat(library.find(fresh)).isPresent();
        assertThat(library.find(broken)).isEmpty();

        String notCreated = AuthoringFixtures.newId("imp-never");
        Map<String, byte[]> climbing = new LinkedHashMap<>();
        climbing.put(notCreated + ".md", AuthoringFixtures.strep(notCreated).getBytes(StandardCharsets.UTF_8));
        climbing.put("../../etc/cron.md", "x".getBytes(StandardCharsets.UTF_8));
        mvc.perform(as(post("/api/scenarios/import"), "instructor")
                        .contentType(MediaType.parseMediaType("application/zip"))
                        .content(AuthoringFixtures.zip(climbing)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("unsafe path")));
        Map<String, byte[]> duplicateIds = new LinkedHashMap<>();
        duplicateIds.put(notCreated + ".md", AuthoringFixtures.strep(notCreated).getBytes(StandardCharsets.UTF_8));
        duplicateIds.put(
                "copy/" + notCreated + ".md",
                AuthoringFixtures.strep(notCreated).getBytes(StandardCharsets.UTF_8));
        mvc.perform(as(post("/api/scenarios/import"), "instructor")
                        .contentType(MediaType.parseMediaType("application/zip"))
                        .content(AuthoringFixtures.zip(duplicateIds)))
                .andExpect(status().isBadRequest());
        assertThat(library.find(notCreated)).isEmpty();

        // One .md file imports too.
        String single = AuthoringFixtures.newId("imp-md");
        mvc.perform(as(post("/api/scenarios/import").param("name", single + ".md"), "instructor")
                        .contentType(MARKDOWN)
                        .content(AuthoringFixtures.strep(single)))
                .andExpect(jsonPath("$.imported").value(1));
        // A selection exports as a zip of <id>.md files.
        byte[] zip = mvc.perform(as(get("/api/scenarios/export").param("ids", fresh + "," + single), "instructor"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(org.chart2claim.authoring.ScenarioZip.read(zip)).containsOnlyKeys(fresh + ".md", single + ".md");
    }

    @Test
    void aStudentDisputesAnInstructorAcceptsWithTheCorrectedKeyAndRegrades() throws Exception {
        String id = AuthoringFixtures.newId("dispute-api");
        create(AuthoringFixtures.strepWithWrongLevel(id));
        String answer = JSON.writeValueAsString(CodingAnswer.fromKey(
                library.find(AuthoringFixtures.BASE).orElseThrow().key()));
        String graded = mvc.perform(as(post("/api/scenarios/" + id + "/attempts"), "student")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(answer))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.scenarioVersion").value(1))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long attemptId = JSON.readTree(graded).get("attemptId").asLong();
        int before = JSON.readTree(graded).get("score").asInt();
        assertThat(before).isLessThan(100);

        String dispute = "{\"element\":\"line:1:code\",\"argument\":\"Low MDM: one acute uncomplicated illness, "
                + "so 99213.\",\"citation\":\"CPT E/M MDM table\"}";
        if (!users.existsByUsernameIgnoreCase("api-student-b")) {
            accounts.create("api-student-b", "Other Student", PW, EnumSet.of(Role.STUDENT));
        }
        mvc.perform(as(post("/api/attempts/" + attemptId + "/disputes"), "api-student-b")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(dispute))
                .andExpect(status().isNotFound());
        mvc.perform(as(post("/api/attempts/" + attemptId + "/disputes"), "student")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"element\":\"line:9:code\",\"argument\":\"wrong element entirely\"}"))
                .andExpect(status().isBadRequest());
        String opened = mvc.perform(as(post("/api/attempts/" + attemptId + "/disputes"), "student")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(dispute))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.scenarioVersion").value(1))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long disputeId = JSON.readTree(opened).get("id").asLong();
        mvc.perform(as(get("/api/disputes").param("status", "OPEN"), "instructor"))
                .andExpect(jsonPath("$[?(@.id == " + disputeId + ")].element").value("line:1:code"));
        mvc.perform(as(get("/api/disputes").param("status", "OPEN"), "api-instructor-c-missing"))
                .andExpect(status().isUnauthorized());

        // Accepting without a corrected key is refused; with it, a new version and the regrade.
        mvc.perform(as(post("/api/disputes/" + disputeId + "/resolve"), "instructor")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"ACCEPT\",\"reply\":\"right\",\"regrade\":true}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("publish the corrected key")));
        // A corrected key the payer denies (here: the office visit billed in an emergency department, POS 23) is
        // refused like any publication; with a reason it is published, and the reason is recorded with the version.
        String inTheEd = AuthoringFixtures.strep(id).replace("placeOfService: \"11\"", "placeOfService: \"23\"");
        mvc.perform(as(post("/api/disputes/" + disputeId + "/resolve"), "instructor")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(
                                Map.of("decision", "ACCEPT", "reply", "right", "regrade", true, "scenario", inTheEd))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("key"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("99213 CO-")));
        assertThat(library.find(id).orElseThrow().version()).isEqualTo(1);
        String body = JSON.writeValueAsString(Map.of(
                "decision",
                "ACCEPT",
                "reply",
                "You are right: low MDM.",
                "regrade",
                true,
                "scenario",
                inTheEd,
                "payerOverride",
                "it teaches the place-of-service denial"));
        mvc.perform(as(post("/api/disputes/" + disputeId + "/resolve"), "instructor")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.newVersion").value(2))
                .andExpect(jsonPath("$.regraded").value(1));
        assertThat(versions.findByScenarioIdOrderByVersionAsc(id).getLast().getPayerOverride())
                .isEqualTo("it teaches the place-of-service denial");
        mvc.perform(as(get("/api/attempts/" + attemptId), "student"))
                .andExpect(jsonPath("$.score").value(100))
                .andExpect(jsonPath("$.scenarioVersion").value(2))
                .andExpect(jsonPath("$.regrades[0].oldScore").value(before))
                .andExpect(jsonPath("$.regrades[0].oldVersion").value(1));
        mvc.perform(as(get("/api/disputes/mine"), "student"))
                .andExpect(jsonPath("$[?(@.id == " + disputeId + ")].reply").value("You are right: low MDM."));
        mvc.perform(as(post("/api/disputes/" + disputeId + "/resolve"), "instructor")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"REJECT\",\"reply\":\"no\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("already accepted")));
    }
}
