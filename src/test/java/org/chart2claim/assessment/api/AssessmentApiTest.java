package org.chart2claim.assessment.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.chart2claim.account.AccountService;
import org.chart2claim.account.CohortService;
import org.chart2claim.assessment.AssessmentService;
import org.chart2claim.assessment.AssessmentSpec;
import org.chart2claim.assessment.ExamFixtures;
import org.chart2claim.assessment.ExamSessionService;
import org.chart2claim.assessment.ExamSessionService.AnswerInput;
import org.chart2claim.assessment.Question;
import org.chart2claim.assessment.QuestionBank;
import org.chart2claim.assessment.ReleaseMode;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST API of issue 13 end to end: compose, start, autosave, deadline, submit, results, accommodations. */
@IntegrationTest
class AssessmentApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    CohortService cohorts;

    @Autowired
    AssessmentService assessments;

    @Autowired
    ExamSessionService sessions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    QuestionBank bank;

    ExamFixtures fx;

    @BeforeEach
    void cohort() {
        fx = new ExamFixtures(accounts, cohorts, assessments, jdbc, 3);
    }

    private ResultActions as(String user, org.springframework.test.web.servlet.RequestBuilder request)
            throws Exception {
        return mvc.perform(request);
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder student(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder b, int n) {
        return b.with(httpBasic(fx.students.get(n), ExamFixtures.PASSWORD));
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder instructor(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder b) {
        return b.with(httpBasic("instructor", IntegrationTest.DEMO_PASSWORD));
    }

    private long createViaApi(String body) throws Exception {
        String response = mvc.perform(instructor(post("/api/assessments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JSON.readTree(response).get("id").asLong();
    }

    private String examBody(String extra) {
        Instant now = Instant.now();
        return "{\"title\":\"API exam\",\"cohortId\":" + fx.cohortId + ",\"timeLimitMinutes\":60,\"opensAt\":\""
                + now.minus(Duration.ofHours(1)) + "\",\"closesAt\":\"" + now.plus(Duration.ofHours(5))
                + "\",\"attemptsAllowed\":1,\"openBook\":false,\"shuffle\":true,\"release\":\"ON_SUBMIT\"," + extra
                + "}";
    }

    @Test
    void anInstructorComposesAStudentTakesItWithoutEverSeeingAKeyUntilRelease() throws Exception {
        long id = createViaApi(
                examBody(
                        "\"blueprint\":[{\"domain\":\"ICD_10_CM\",\"count\":2},{\"domain\":\"EVALUATION_MANAGEMENT\",\"count\":2}]"));

        mvc.perform(student(get("/api/assessments"), 0))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")].open").value(true));

        String started = mvc.perform(student(post("/api/assessments/" + id + "/sessions"), 0))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.items.length()").value(4))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(started)
                .doesNotContain("\"key\"")
                .doesNotContain("rationale")
                .doesNotContain("answerKey");
        JsonNode session = JSON.readTree(started);
        String sid = session.get("sessionId").asString();
        Instant deadline = Instant.parse(session.get("deadline").asString());
        assertThat(Duration.between(Instant.now(), deadline).toMinutes()).isBetween(58L, 60L);

        // Starting again resumes the same session (200), with the same items and deadline.
        mvc.perform(student(post("/api/assessments/" + id + "/sessions"), 0))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sessionId").value(sid))
                .andExpect(jsonPath("$.deadline").value(session.get("deadline").asString()));

        mvc.perform(student(
                        put("/api/assessment-sessions/" + sid + "/answers/1")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"choice\":\"B\"}"),
                        0))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.choice").value("B"))
                .andExpect(jsonPath("$.answered").value(true));
        mvc.perform(student(
                        put("/api/assessment-sessions/" + sid + "/answers/2")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"flagged\":true}"),
                        0))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.flagged").value(true))
                .andExpect(jsonPath("$.answered").value(false));
        mvc.perform(student(get("/api/assessment-sessions/" + sid), 0))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.remainingSeconds").value(org.hamcrest.Matchers.greaterThan(3400)))
                .andExpect(jsonPath("$.answers[0].choice").value("B"))
                .andExpect(jsonPath("$.answers[1].flagged").value(true))
                .andExpect(jsonPath("$.score").doesNotExist());
        // results before submit: refused
        mvc.perform(student(get("/api/assessment-sessions/" + sid + "/results"), 0))
                .andExpect(status().isConflict());

        String submitted = mvc.perform(student(post("/api/assessment-sessions/" + sid + "/submit"), 0))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.released").value(true))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(submitted).doesNotContain("rationale");
        mvc.perform(student(get("/api/assessment-sessions/" + sid + "/results"), 0))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(4))
                .andExpect(jsonPath("$.items[0].key").exists())
                .andExpect(jsonPath("$.items[0].rationale").exists());
        // a second session beyond the one attempt allowed
        mvc.perform(student(post("/api/assessments/" + id + "/sessions"), 0))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("You have used all 1 attempt of this exam."));
        // answering after submission
        mvc.perform(student(
                        put("/api/assessment-sessions/" + sid + "/answers/1")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"choice\":\"A\"}"),
                        0))
                .andExpect(status().isConflict());
    }

    @Test
    void anotherStudentsSessionIsNotFoundAndBadAnswersChangeNothing() throws Exception {
        long id = fx.exam(fx.spec("Privacy", ExamFixtures.sixQuestions(), ReleaseMode.MANUAL, false));
        String sid = sessions.start(id, fx.students.get(0)).session().sessionId();

        mvc.perform(student(get("/api/assessment-sessions/" + sid), 1)).andExpect(status().isNotFound());
        mvc.perform(student(
                        put("/api/assessment-sessions/" + sid + "/answers/1")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"choice\":\"A\"}"),
                        1))
                .andExpect(status().isNotFound());
        mvc.perform(student(post("/api/assessment-sessions/" + sid + "/submit"), 1))
                .andExpect(status().isNotFound());
        mvc.perform(student(
                        put("/api/assessment-sessions/" + sid + "/answers/99")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"choice\":\"A\"}"),
                        0))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("This exam has no item 99."));
        mvc.perform(student(
                        put("/api/assessment-sessions/" + sid + "/answers/1")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"choice\":\"E\"}"),
                        0))
                .andExpect(status().isBadRequest());
        mvc.perform(student(
                        put("/api/assessment-sessions/" + sid + "/answers/1")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"diagnoses\":[\"E11.9\"]}"),
                        0))
                .andExpect(status().isBadRequest());
        mvc.perform(student(
                        put("/api/assessment-sessions/" + sid + "/answers/1")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"choice\":"),
                        0))
                .andExpect(status().isBadRequest());
        assertThat(sessions.session(sid, fx.students.get(0)).answers()).noneMatch(a -> a.answered() || a.flagged());
        // an instructor is no student: the student endpoints are closed to them
        mvc.perform(instructor(get("/api/assessment-sessions/" + sid))).andExpect(status().isForbidden());
        // a student outside the cohort does not see the exam at all
        mvc.perform(get("/api/assessments/" + id + "/sessions")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .with(r -> {
                            r.setMethod("POST");
                            return r;
                        }))
                .andExpect(status().isNotFound());
        // manual release: submitted, yet no results until the instructor releases them
        sessions.submit(sid, fx.students.get(0));
        mvc.perform(student(get("/api/assessment-sessions/" + sid + "/results"), 0))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("The results of this exam are not released yet."));
        mvc.perform(instructor(post("/api/assessments/" + id + "/release"))).andExpect(status().isOk());
        mvc.perform(student(get("/api/assessment-sessions/" + sid + "/results"), 0))
                .andExpect(status().isOk());
    }

    @Test
    void badExamsAreRefusedWithReasonsAndNothingIsStored() throws Exception {
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM assessment", Integer.class);
        mvc.perform(instructor(post("/api/assessments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(examBody("\"blueprint\":[{\"domain\":\"ICD_10_CM\",\"count\":50}]"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("domain ICD_10_CM has 2 questions in the bank; 50 asked."));
        mvc.perform(
                        instructor(
                                post("/api/assessments")
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content(
                                                examBody(
                                                        "\"items\":[{\"type\":\"QUESTION\",\"id\":\"nope\"}],\"blueprint\":[{\"domain\":\"ANATOMY\",\"count\":1}]"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not both")));
        mvc.perform(instructor(post("/api/assessments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(examBody(
                                        "\"items\":[{\"type\":\"QUESTION\",\"id\":\"nope\"},{\"type\":\"SCENARIO\",\"id\":\"pc-004-strep-pharyngitis\"}]")
                                .replace("\"timeLimitMinutes\":60", "\"timeLimitMinutes\":0"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("timeLimitMinutes must be 1–600. There is no question nope."));
        mvc.perform(instructor(post("/api/assessments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"x\"}")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/assessments")
                        .with(httpBasic("student", IntegrationTest.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(examBody("\"items\":[]")))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM assessment", Integer.class))
                .isEqualTo(before);
    }

    @Test
    void startingOutsideTheWindowIsRefusedAnAccommodatedWindowAndExtraTimeApply() throws Exception {
        Instant now = Instant.now();
        long id = fx.exam(new AssessmentSpec(
                "Later",
                fx.cohortId,
                60,
                now.plus(Duration.ofHours(2)),
                now.plus(Duration.ofHours(6)),
                1,
                false,
                false,
                ReleaseMode.ON_CLOSE,
                1,
                0,
                ExamFixtures.sixQuestions()));
        mvc.perform(student(post("/api/assessments/" + id + "/sessions"), 0))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("This exam opens at ")));
        mvc.perform(instructor(post("/api/assessments/" + id + "/accommodations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + fx.students.get(1) + "\",\"extraTimePercent\":50,\"opensAt\":\""
                                + now.minus(Duration.ofMinutes(5)) + "\"}")))
                .andExpect(status().isOk());
        mvc.perform(instructor(post("/api/assessments/" + id + "/accommodations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"nobody-here\",\"extraTimePercent\":50}")))
                .andExpect(status().isBadRequest());
        String body = mvc.perform(student(post("/api/assessments/" + id + "/sessions"), 1))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Instant deadline = Instant.parse(JSON.readTree(body).get("deadline").asString());
        assertThat(Duration.between(Instant.now(), deadline).toMinutes()).isBetween(88L, 90L);
    }

    @Test
    void aLateAnswerIsRefusedAndTheAutoSubmitRunsExactlyOnce() throws Exception {
        long id = fx.exam(fx.spec("Deadline", ExamFixtures.sixQuestions(), ReleaseMode.ON_SUBMIT, false));
        String sid = sessions.start(id, fx.students.get(2)).session().sessionId();
        sessions.answer(sid, fx.students.get(2), 2, ExamSessionService.AnswerInput.choice("A")); // icd-t02 key A
        fx.expire(sid);
        // Four pollers race (as four servers would) while the student's late answer arrives.
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> racers = List.of(
                    () -> sessions.advanceDue(Instant.now(), tx),
                    () -> sessions.advanceDue(Instant.now(), tx),
                    () -> sessions.advanceDue(Instant.now(), tx),
                    () -> sessions.advanceDue(Instant.now(), tx));
            pool.invokeAll(racers);
        } finally {
            pool.shutdown();
        }
        mvc.perform(student(
                        put("/api/assessment-sessions/" + sid + "/answers/1")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"choice\":\"B\"}"),
                        2))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("The time is up")));
        assertThat(fx.events(sid, "AUTO_SUBMITTED")).isEqualTo(1);
        assertThat(fx.events(sid, "SUBMITTED")).isZero();
        mvc.perform(student(get("/api/assessment-sessions/" + sid), 2))
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.score").value(17)) // 1 of 6
                .andExpect(jsonPath("$.remainingSeconds").value(0));
        // the answer saved before the deadline counted; the late one did not
        assertThat(sessions.results(sid, fx.students.get(2)).items().get(0).yourChoice())
                .isNull();
    }

    @Test
    void gradebookCsvAndItemAnalysisForTheInstructorOnly() throws Exception {
        long id = fx.exam(fx.spec("Stats", ExamFixtures.sixQuestions(), ReleaseMode.ON_SUBMIT, false));
        for (int s = 0; s < 3; s++) {
            String sid = sessions.start(id, fx.students.get(s)).session().sessionId();
            sessions.answer(sid, fx.students.get(s), 1, ExamSessionService.AnswerInput.choice(s == 0 ? "B" : "A"));
            sessions.submit(sid, fx.students.get(s));
        }
        String csv = mvc.perform(instructor(get("/api/assessments/" + id + "/gradebook.csv")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv.lines().toList()).hasSize(4);
        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo("student,\"Stats best\",\"Stats last\",\"Stats minutes used\",\"Stats marks\"");
        assertThat(csv).contains("\"" + fx.students.get(0) + "\",17,17,0,\"\"");
        mvc.perform(instructor(get("/api/assessments/" + id + "/item-analysis")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sessions").value(3))
                .andExpect(jsonPath("$.questions[?(@.questionId == 'icd-t01')].difficulty")
                        .value(org.hamcrest.Matchers.contains(org.hamcrest.Matchers.closeTo(1 / 3.0, 1e-9))))
                .andExpect(jsonPath("$.questions[?(@.questionId == 'icd-t01')].choices.A")
                        .value(2));
        mvc.perform(student(get("/api/assessments/" + id + "/item-analysis"), 0))
                .andExpect(status().isForbidden());
        mvc.perform(student(get("/api/assessments/" + id + "/gradebook.csv"), 0))
                .andExpect(status().isForbidden());
    }

    @Test
    void resultsOfAShuffledExamListTheOptionsInTheBanksOrderTheRationaleUses() {
        long id = fx.exam(fx.spec("Shuffled", ExamFixtures.sixQuestions(), ReleaseMode.ON_SUBMIT, true));
        String student = fx.students.get(0);
        var session = sessions.start(id, student).session();
        Map<Integer, Map<String, String>> shown = new java.util.HashMap<>();
        for (var item : session.items()) {
            shown.put(item.position(), item.options());
            sessions.answer(session.sessionId(), student, item.position(), AnswerInput.choice("A"));
        }
        sessions.submit(session.sessionId(), student);
        boolean anyShuffled = false;
        for (var r : sessions.results(session.sessionId(), student).items()) {
            Question q = bank.find(r.ref()).orElseThrow();
            assertThat(r.options()).isEqualTo(q.options());
            assertThat(r.key()).isEqualTo(q.key());
            // the answer is the option the student saw as A, named by its letter in the bank
            assertThat(q.options().get(r.yourChoice()))
                    .isEqualTo(shown.get(r.position()).get("A"));
            anyShuffled |= !shown.get(r.position()).equals(q.options());
        }
        assertThat(anyShuffled).as("some item's options were shown shuffled").isTrue();
    }
}
