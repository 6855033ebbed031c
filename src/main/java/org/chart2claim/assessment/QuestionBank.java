package org.chart2claim.assessment;

import jakarta.annotation.PostConstruct;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chart2claim.codebook.CodeBookService;
import org.chart2claim.codebook.CodeBooks;
import org.chart2claim.codebook.CodeBooksChangedEvent;
import org.chart2claim.codebook.CodeSet;
import org.chart2claim.codebook.Modifier;
import org.chart2claim.config.ContentLocations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The question bank of the running app: {@code <scenarios>/questions/*.yaml} loaded and validated at start-up and
 * whenever another code set becomes active; the valid questions are kept in memory, the problems are logged and
 * kept for the instructors' question page.
 */
@Service
public class QuestionBank {

    private static final Logger log = LoggerFactory.getLogger(QuestionBank.class);

    private final ContentLocations locations;
    private final CodeBookService books;

    private volatile Map<String, Question> questions = Map.of();
    private volatile List<QuestionProblem> problems = List.of();

    private final String questionsDir;

    /** @param questionsDir another bank folder (tests, a school's own bank); blank: {@code <scenarios>/questions} */
    public QuestionBank(
            ContentLocations locations,
            CodeBookService books,
            @Value("${chart2claim.questions-dir:}") String questionsDir) {
        this.locations = locations;
        this.books = books;
        this.questionsDir = questionsDir;
    }

    @PostConstruct
    void start() {
        reload();
    }

    @EventListener
    void onCodeBooksChanged(CodeBooksChangedEvent event) {
        reload();
    }

    /** The folder of the bank files. */
    public Path folder() {
        return questionsDir == null || questionsDir.isBlank()
                ? locations.scenariosDir().resolve("questions")
                : Path.of(questionsDir).toAbsolutePath();
    }

    public synchronized void reload() {
        QuestionLoader.Result result = loader(books.books()).loadFolder(folder());
        result.problems().forEach(p -> log.warn("Question skipped: {}", p));
        Map<String, Question> byId = new LinkedHashMap<>();
        result.questions().forEach(q -> byId.put(q.id(), q));
        questions = java.util.Collections.unmodifiableMap(byId);
        problems = result.problems();
        log.info("Question bank: {} questions loaded, {} problems", byId.size(), problems.size());
    }

    /** The loader checking codes against {@code books} (the code books and their modifiers). */
    public static QuestionLoader loader(CodeBooks books) {
        Set<String> modifiers = new HashSet<>();
        for (CodeSet set : books.sets()) {
            set.modifiers().stream().map(Modifier::code).forEach(modifiers::add);
        }
        return new QuestionLoader(new QuestionCodeChecker(books, modifiers::contains));
    }

    /** Every valid question, sorted by id. */
    public List<Question> all() {
        return List.copyOf(questions.values());
    }

    public List<Question> inDomain(QuestionDomain domain) {
        return questions.values().stream().filter(q -> q.domain() == domain).toList();
    }

    public Optional<Question> find(String id) {
        return Optional.ofNullable(id == null ? null : questions.get(id));
    }

    public List<QuestionProblem> problems() {
        return problems;
    }
}
