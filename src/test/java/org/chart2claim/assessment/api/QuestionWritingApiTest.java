package org.chart2claim.assessment.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chart2claim.assessment.QuestionBank;
import org.chart2claim.assessment.TestQuestions;
import org.chart2claim.support.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Writing questions through the REST API with the Question bank page's rules (messages by field path, nothing
 * stored on a refusal), versions and retirement, and bank files out and in: an export imports back unchanged, an
 * import is all or nothing, hostile or oversized files are refused with a clear message. Students get 403.
 */
@IntegrationTest
class QuestionWritingApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    QuestionBank bank;

    private final TestQuestions questions = new TestQuestions();
    private final String tag = questions.tag;

    @AfterEach
    void retireWhatTheTestWrote() {
        questions.retireAll(bank);
    }

    private String id(String name) {
        return questions.id(name);
    }

    private static MockHttpServletRequestBuilder instructor(MockHttpServletRequestBuilder b) {
        return b.with(httpBasic("instructor", IntegrationTest.DEMO_PASSWORD));
    }

    private static MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder b) {
        return b.with(httpBasic("admin", IntegrationTest.DEMO_PASSWORD));
    }

    private static MockHttpServletRequestBuilder student(MockHttpServletRequestBuilder b) {
        return b.with(httpBasic("student", IntegrationTest.DEMO_PASSWORD));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
        return b.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder yaml(MockHttpServletRequestBuilder b, String body) {
        return b.contentType("application/yaml").content(body);
    }

    private static String question(String id, String stem, String key, String optionD) {
        return """
                {"id":"%s","domain":"RADIOLOGY","difficulty":2,"tags":["contrast","api-story"],
                 "stem":"%s","options":{"A":"Without contrast","B":"With contrast",
                 "C":"Without contrast, then with contrast","D":"%s"},"key":"%s",
                 "rationale":"Contrast was given once, before any images: with contrast.",
                 "author":"instructor","review":{"by":"Question writer B","on":"2026-12-02"}}""".formatted(id, stem, optionD, key);
    }

    @Test
    void instructorsWriteQuestionsAndNewVersionsAndRetireThem() throws Exception {
        String id = id("w");
        mvc.perform(instructor(
                        json(post("/api/questions"), question(id, "A CT with contrast. Which?", "B", "Not reported"))))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/questions/" + id))
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.created").value(true));
        assertThat(bank.find(id).orElseThrow().key()).isEqualTo("B");
        assertThat(bank.find(id).orElseThrow().review()).isEqualTo("Question writer B, 2026-12-02");

        // a new version through PUT (the id may be left out); an identical one writes nothing
        String v2 = question(id, "Version two: a CT with contrast. Which?", "B", "Not reported")
                .replace("\"id\":\"" + id + "\",", "");
        mvc.perform(admin(json(put("/api/questions/" + id), v2)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.created").value(true));
        mvc.perform(instructor(json(put("/api/questions/" + id), v2)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.created").value(false));
        mvc.perform(instructor(get("/api/questions/" + id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.question.stem").value(Matchers.startsWith("Version two")))
                .andExpect(jsonPath("$.question.version").value(2))
                .andExpect(jsonPath("$.retired").value(false))
                .andExpect(jsonPath("$.versions.length()").value(2));

        // the id cannot change in an edit; an unknown id is not found
        mvc.perform(instructor(json(put("/api/questions/" + id), question(id("other"), "x", "B", "Not reported"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.id[0]").value(Matchers.containsString("cannot change in an edit")));
        mvc.perform(instructor(json(put("/api/questions/ra-nothing-" + tag), v2)))
                .andExpect(status().isNotFound());

        // retired: gone from the list new exams use, back on restore
        mvc.perform(instructor(post("/api/questions/" + id + "/retire")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.retired").value(true));
        assertThat(bank.isActive(id)).isFalse();
        mvc.perform(instructor(get("/api/questions?q=" + tag)))
                .andExpect(jsonPath("$.count").value(0));
        mvc.perform(instructor(get("/api/questions?status=RETIRED&q=" + tag)))
                .andExpect(jsonPath("$.questions[0].id").value(id));
        mvc.perform(instructor(post("/api/questions/" + id + "/restore"))).andExpect(status().isOk());
        assertThat(bank.isActive(id)).isTrue();
        mvc.perform(instructor(post("/api/questions/ra-nothing-" + tag + "/retire")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aBadQuestionIsRefusedWithEveryMessageAtItsFieldPathAndNothingIsStored() throws Exception {
        String id = id("bad");
        String body = question(id, "A CT. Which?", "E", "E11.99")
                .replace("\"difficulty\":2", "\"difficulty\":\"hard\"")
                .replace("\"on\":\"2026-12-02\"", "\"on\":\"yesterday\"")
                .replace("\"rationale\":\"Contrast was given once, before any images: with contrast.\",", "")
                .replace("{\"id\"", "{\"points\":3,\"id\"");
        mvc.perform(instructor(json(post("/api/questions"), body)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['options.D'][0]")
                        .value(Matchers.containsString("E11.99 is not in the ICD-10-CM book")))
                .andExpect(jsonPath("$.errors.key[0]").value(Matchers.containsString("key must be one of A, B, C, D")))
                .andExpect(jsonPath("$.errors.rationale[0]").value("missing required field rationale"))
                .andExpect(jsonPath("$.errors.difficulty[0]").value("difficulty must be the number 1, 2 or 3"))
                .andExpect(jsonPath("$.errors['review.on'][0]").value(Matchers.containsString("must be a date")))
                .andExpect(jsonPath("$.errors.points[0]").value(Matchers.startsWith("unknown field 'points'")))
                .andExpect(jsonPath("$.errors.stem").doesNotExist());
        assertThat(bank.find(id)).isEmpty();
        assertThat(bank.versions(id)).isEmpty();

        // an id another question uses; not a JSON object at all
        mvc.perform(instructor(json(post("/api/questions"), question("icd-t01", "x", "B", "Not reported"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.id")
                        .value(Matchers.hasItem(Matchers.containsString("must start with ra-"))));
        mvc.perform(instructor(json(post("/api/questions"), "[1, 2]")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.question[0]").value(Matchers.containsString("JSON object")));
    }

    @Test
    void studentsCannotWriteReadExportOrImport() throws Exception {
        String id = id("s");
        mvc.perform(student(json(post("/api/questions"), question(id, "x", "B", "Not reported"))))
                .andExpect(status().isForbidden());
        mvc.perform(student(json(put("/api/questions/icd-t01"), question("icd-t01", "x", "B", "Not reported"))))
                .andExpect(status().isForbidden());
        mvc.perform(student(post("/api/questions/icd-t01/retire"))).andExpect(status().isForbidden());
        mvc.perform(student(get("/api/questions/icd-t01"))).andExpect(status().isForbidden());
        mvc.perform(student(get("/api/questions/export?domain=ICD_10_CM"))).andExpect(status().isForbidden());
        mvc.perform(student(get("/api/questions/export"))).andExpect(status().isForbidden());
        mvc.perform(student(post("/api/questions/import")
                        .contentType("application/zip")
                        .content(new byte[] {1})))
                .andExpect(status().isForbidden());
        mvc.perform(student(yaml(post("/api/questions/import"), "domain: RADIOLOGY\nquestions: []\n")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/questions/icd-t01/retire")).andExpect(status().isUnauthorized());
        assertThat(bank.find(id)).isEmpty();
        assertThat(bank.isActive("icd-t01")).isTrue();
    }

    private String exported(String query) throws Exception {
        return mvc.perform(instructor(get("/api/questions/export?" + query)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static String file(String... questions) {
        return TestQuestions.file(questions);
    }

    private static String yamlQuestion(String id, String stem, String optionA) {
        return TestQuestions.question(id, stem, optionA);
    }

    @Test
    void anExportImportsBackUnchangedAndAnImportIsAllOrNothing() throws Exception {
        // the shipped format out: ICD-10-CM of the test bank, every version unchanged when it comes back in
        String icd = exported("domain=ICD_10_CM");
        assertThat(icd).startsWith("domain: \"ICD_10_CM\"").contains("icd-t01", "icd-t02");
        mvc.perform(instructor(yaml(post("/api/questions/import"), icd)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.domain").value("ICD_10_CM"))
                .andExpect(jsonPath("$.created").isEmpty())
                .andExpect(jsonPath("$.updated").isEmpty())
                .andExpect(jsonPath("$.unchanged").value(Matchers.hasItems("icd-t01", "icd-t02")));
        assertThat(bank.find("icd-t01").orElseThrow().version()).isEqualTo(1);

        // two new questions in a hand-written file (review in the scenarios' form)
        String one = id("imp");
        String two = id("imq");
        mvc.perform(instructor(yaml(
                        post("/api/questions/import"),
                        file(
                                yamlQuestion(one, "Which imaging was done?", "A chest X-ray, one view"),
                                yamlQuestion(two, "Which study was done?", "A chest X-ray, one view")))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(Matchers.contains(one, two)));
        // exported with the bank's other radiology questions (retired ones too) and imported again: nothing changes
        String radiology = exported("domain=RADIOLOGY&status=ALL");
        assertThat(radiology).contains(one, two);
        mvc.perform(instructor(yaml(post("/api/questions/import"), radiology)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").isEmpty())
                .andExpect(jsonPath("$.updated").isEmpty())
                .andExpect(jsonPath("$.unchanged").value(Matchers.hasItems(one, two)));
        assertThat(bank.versions(one)).hasSize(1);

        // a changed question and a broken one: refused as a whole, the change is not written
        String three = id("imr");
        String bad = file(
                yamlQuestion(one, "Changed: which imaging was done?", "A chest X-ray, one view"),
                yamlQuestion(three, "Which?", "E11.99"),
                yamlQuestion(two, "Which study was done?", "A chest X-ray, one view")
                        .replace("key: B", "key: [A, B]"),
                yamlQuestion(one, "Twice", "A chest X-ray, one view"));
        mvc.perform(instructor(yaml(post("/api/questions/import"), bad)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['questions[1].options.A'][0]").value(Matchers.containsString("E11.99")))
                .andExpect(jsonPath("$.errors['questions[2].key'][0]").value(Matchers.containsString("not a list")))
                .andExpect(jsonPath("$.errors['questions[3].id'][0]").value(Matchers.containsString("used twice")));
        assertThat(bank.find(one).orElseThrow().stem()).startsWith("Which imaging");
        assertThat(bank.versions(one)).hasSize(1);
        assertThat(bank.find(three)).isEmpty();

        // the change alone: the next version
        mvc.perform(instructor(yaml(
                        post("/api/questions/import?changeNote=reworded"),
                        file(yamlQuestion(one, "Changed: which imaging was done?", "A chest X-ray, one view")))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.updated").value(Matchers.contains(one)));
        assertThat(bank.find(one).orElseThrow().version()).isEqualTo(2);
        assertThat(bank.versions(one).getLast().changeNote()).isEqualTo("reworded");
    }

    @Test
    void hostileOrOversizedFilesAreRefusedWithAClearMessage() throws Exception {
        String bomb = "domain: RADIOLOGY\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nquestions: [*c, *c, *c, *c]\n";
        mvc.perform(instructor(yaml(post("/api/questions/import"), bomb)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file[0]").value(Matchers.containsString("not valid YAML")));
        mvc.perform(instructor(
                        yaml(post("/api/questions/import"), "domain: !!java.io.File /etc/passwd\nquestions: []\n")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file[0]").value(Matchers.containsString("not valid YAML")));
        mvc.perform(instructor(yaml(post("/api/questions/import"), "domain: RADIOLOGY\ndomain: ANATOMY\n")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file[0]").value(Matchers.containsString("not valid YAML")));
        mvc.perform(instructor(yaml(post("/api/questions/import"), "just words")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file[0]").value(Matchers.containsString("YAML mapping")));
        mvc.perform(instructor(yaml(post("/api/questions/import"), "")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file[0]").value("the file is empty"));
        mvc.perform(instructor(yaml(post("/api/questions/import"), "domain: CARDIOLOGY\nquestions: []\n")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.domain[0]").value(Matchers.containsString("domain must be one of")));
        String huge = file(yamlQuestion(id("big"), "x".repeat(1_100_000), "A chest X-ray, one view"));
        mvc.perform(instructor(yaml(post("/api/questions/import"), huge)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("larger than")));
        mvc.perform(instructor(get("/api/questions/export?domain=CARDIOLOGY"))).andExpect(status().isBadRequest());
    }

    @Test
    void everyDomainExportsAsOneZipThatImportsBackUnchangedAllOrNothing() throws Exception {
        var response = mvc.perform(instructor(get("/api/questions/export")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andExpect(header().string("Content-Disposition", Matchers.containsString("question-bank.zip")))
                .andReturn()
                .getResponse();
        byte[] zip = response.getContentAsByteArray();
        java.util.Map<String, String> files = org.chart2claim.config.SafeZip.read(
                zip,
                new org.chart2claim.config.SafeZip.Limits(".yaml", java.util.Set.of(), 100, 1 << 22, 1 << 24, "f"));
        assertThat(files).containsKeys("icd-10-cm.yaml", "hcpcs.yaml", "compliance.yaml");
        assertThat(files.get("icd-10-cm.yaml")).isEqualTo(exported("domain=ICD_10_CM"));

        mvc.perform(instructor(post("/api/questions/import")
                        .contentType("application/zip")
                        .content(zip)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.files[*].domain").value(Matchers.hasItem("ICD_10_CM")))
                .andExpect(jsonPath("$.files[*].created[*]").isEmpty())
                .andExpect(jsonPath("$.files[*].updated[*]").isEmpty());
        assertThat(bank.find("icd-t01").orElseThrow().version()).isEqualTo(1);

        // a new question beside a broken file: refused as a whole, messages under <file>:<path> with the ids
        String fresh = id("zip");
        java.util.Map<String, String> two = new java.util.LinkedHashMap<>();
        two.put("radiology.yaml", file(yamlQuestion(fresh, "Which imaging was done?", "A chest X-ray, one view")));
        two.put("more/radiology-2.yaml", file(yamlQuestion("ra-zz" + tag, "Which?", "E11.99")));
        mvc.perform(instructor(post("/api/questions/import")
                        .contentType("application/zip")
                        .content(org.chart2claim.config.SafeZip.write(two))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['radiology-2.yaml:questions[0].options.A'][0]")
                        .value(Matchers.containsString("E11.99")))
                .andExpect(jsonPath("$.questionIds['radiology-2.yaml:questions[0]']")
                        .value("ra-zz" + tag));
        assertThat(bank.find(fresh)).isEmpty();
        mvc.perform(instructor(post("/api/questions/import")
                        .contentType("application/zip")
                        .content("not a zip")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file[0]").value(Matchers.containsString("not a zip file")));
    }
}
