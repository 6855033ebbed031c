package org.chart2claim.assessment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.ListItem;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chart2claim.account.Role;
import org.chart2claim.assessment.QuestionBank;
import org.chart2claim.assessment.QuestionDomain;
import org.chart2claim.assessment.TestQuestions;
import org.chart2claim.config.SafeZip;
import org.chart2claim.support.KaribuTest;
import org.chart2claim.ui.AccessDeniedView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bank files on the Question bank page: an instructor downloads one domain's file and every domain at once (a zip),
 * uploads a good file (a summary of what was created, versioned and unchanged), the zip back (all unchanged), a
 * file with a broken question (nothing imported, each message with the question's id and field), hostile YAML and
 * zips, and a file over the 1 MB limit, refused on the server. Students never reach the page.
 */
class QuestionFilesStoryTest extends KaribuTest {

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

    private QuestionFilesPanel open() {
        login("instructor", Role.INSTRUCTOR);
        UI.getCurrent().navigate("questions");
        return _get(QuestionBankView.class).files;
    }

    private static String question(String id, String stem, String optionA) {
        return TestQuestions.question(id, stem, optionA);
    }

    private static byte[] radiology(String... questions) {
        return TestQuestions.file(questions).getBytes(StandardCharsets.UTF_8);
    }

    private static void upload(QuestionFilesPanel files, String name, byte[] bytes) {
        UploadKt._upload(files.upload, name, name.endsWith(".zip") ? "application/zip" : "application/yaml", bytes);
        MockVaadin.clientRoundtrip(false); // the outcome is shown with ui.access
    }

    private static String summary(QuestionFilesPanel files) {
        return files.results
                .getChildren()
                .findFirst()
                .map(c -> c.getElement().getText())
                .orElse("");
    }

    private static List<String> problems(QuestionFilesPanel files) {
        return _find(files.results, ListItem.class).stream()
                .map(ListItem::getText)
                .toList();
    }

    @Test
    void anInstructorDownloadsOneDomainAndAllDomainsAndImportsTheZipBackUnchanged() throws Exception {
        QuestionFilesPanel files = open();
        files.exportDomain.setValue(QuestionDomain.ICD_10_CM);
        assertThat(files.downloadDomain.getText()).isEqualTo("Download icd-10-cm.yaml");
        String icd = new String(DownloadKt._download(files.downloadDomain), StandardCharsets.UTF_8);
        assertThat(icd).startsWith("domain: \"ICD_10_CM\"").contains("icd-t01", "icd-t02");

        byte[] zip = DownloadKt._download(files.downloadAll);
        Map<String, String> inZip =
                SafeZip.read(zip, new SafeZip.Limits(".yaml", java.util.Set.of(), 100, 1 << 22, 1 << 24, "file"));
        assertThat(inZip).containsKeys("icd-10-cm.yaml", "hcpcs.yaml", "compliance.yaml");
        assertThat(inZip.get("icd-10-cm.yaml")).isEqualTo(icd);

        upload(files, QuestionBank.EXPORT_ZIP_NAME, zip);
        assertThat(summary(files)).startsWith("Imported question-bank.zip: 0 created, 0 new versions,");
        assertThat(problems(files)).anyMatch(line -> line.startsWith("icd-10-cm.yaml: ") && line.endsWith("unchanged"));
        assertThat(bank.find("icd-t01").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void aGoodFileIsImportedWithASummaryAndAChangedQuestionBecomesItsNextVersion() {
        QuestionFilesPanel files = open();
        String one = id("fa");
        String two = id("fb");
        files.importNote.setValue("from the spring course");
        upload(
                files,
                "radiology.yaml",
                radiology(
                        question(one, "Which imaging was done?", "A chest X-ray, one view"),
                        question(two, "Which study was done?", "A chest X-ray, one view")));
        assertThat(summary(files)).isEqualTo("Imported radiology.yaml: 2 created, 0 new versions, 0 unchanged.");
        assertThat(problems(files))
                .containsExactly("radiology.yaml: 2 created (" + one + ", " + two + "), 0 unchanged");
        assertThat(bank.find(one)).isPresent();
        assertThat(bank.versions(one).getFirst().changeNote()).isEqualTo("from the spring course");
        // the list above shows the new questions at once
        assertThat(_get(QuestionBankView.class).grid.getGenericDataView().getItems())
                .anyMatch(l -> l.question().id().equals(two));

        upload(
                files,
                "radiology.yaml",
                radiology(
                        question(one, "Changed: which imaging was done?", "A chest X-ray, one view"),
                        question(two, "Which study was done?", "A chest X-ray, one view")));
        assertThat(summary(files)).isEqualTo("Imported radiology.yaml: 0 created, 1 new version, 1 unchanged.");
        assertThat(bank.find(one).orElseThrow().version()).isEqualTo(2);
        assertThat(bank.find(two).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void aFileWithABrokenQuestionImportsNothingAndNamesEachProblemByIdAndField() {
        QuestionFilesPanel files = open();
        String good = id("fg");
        String bad = id("fh");
        upload(
                files,
                "radiology.yaml",
                radiology(
                        question(good, "Which imaging was done?", "A chest X-ray, one view"),
                        question(bad, "Which?", "E11.99"),
                        question(good, "Twice", "A chest X-ray, one view")));
        assertThat(summary(files))
                .startsWith("Nothing was imported from radiology.yaml: ")
                .endsWith(" problems. Fix them and upload the file again.");
        assertThat(problems(files))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("question 2 (" + bad + "), options.A: ")
                        .contains("E11.99"))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("question 3 (" + good + "), id: ")
                        .contains("used twice"));
        assertThat(bank.find(good)).isEmpty();
        assertThat(bank.find(bad)).isEmpty();

        // all or nothing across a zip: a good file and a broken one, and neither is imported
        Map<String, String> zipped = new LinkedHashMap<>();
        zipped.put(
                "radiology.yaml",
                new String(
                        radiology(question(good, "Which imaging was done?", "A chest X-ray, one view")),
                        StandardCharsets.UTF_8));
        zipped.put("anatomy.yaml", "domain: ANATOMY\nquestions:\n  - id: at-" + tag + "\n    stem: no options\n");
        upload(files, "two.zip", SafeZip.write(zipped));
        assertThat(summary(files)).startsWith("Nothing was imported from two.zip");
        assertThat(problems(files)).allMatch(line -> line.startsWith("anatomy.yaml, question 1 (at-" + tag + ")"));
        assertThat(bank.find(good)).isEmpty();
    }

    @Test
    void hostileYamlZipsAndOversizedFilesAreRefusedOnTheServer() {
        QuestionFilesPanel files = open();
        upload(
                files,
                "radiology.yaml",
                "domain: !!java.io.File /etc/passwd\nquestions: []\n".getBytes(StandardCharsets.UTF_8));
        assertThat(summary(files)).startsWith("Nothing was imported from radiology.yaml: 1 problem.");
        assertThat(problems(files)).singleElement().asString().startsWith("file: not valid YAML");

        String bomb = "domain: RADIOLOGY\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nquestions: [*c, *c, *c, *c]\n";
        upload(files, "bomb.yaml", bomb.getBytes(StandardCharsets.UTF_8));
        assertThat(problems(files)).singleElement().asString().contains("not valid YAML", "aliases");

        upload(files, "evil.zip", SafeZip.write(Map.of("../radiology.yaml", "domain: RADIOLOGY\n")));
        assertThat(problems(files))
                .singleElement()
                .asString()
                .startsWith("file: ")
                .contains("unsafe path");

        upload(files, "fake.zip", "domain: RADIOLOGY\n".getBytes(StandardCharsets.UTF_8));
        assertThat(problems(files)).singleElement().asString().contains("not a zip file");

        upload(files, "latin1.yaml", new byte[] {'d', ':', ' ', (byte) 0xE9, '\n'});
        assertThat(problems(files)).singleElement().asString().contains("not UTF-8");

        // over 1 MB: refused after reading 1 MB + 1 byte, whatever the browser was told
        String id = id("big");
        upload(files, "radiology.yaml", radiology(question(id, "x".repeat(1_100_000), "A chest X-ray, one view")));
        assertThat(problems(files)).singleElement().asString().contains("larger than 1 MB");
        assertThat(bank.find(id)).isEmpty();
    }

    @Test
    void studentsNeverReachTheBankFiles() {
        login("student", Role.STUDENT);
        UI.getCurrent().navigate("questions");
        assertThat(_find(AccessDeniedView.class)).hasSize(1);
        assertThat(_find(QuestionFilesPanel.class)).isEmpty();
    }
}
