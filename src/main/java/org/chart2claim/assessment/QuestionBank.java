package org.chart2claim.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chart2claim.assessment.QuestionVersionStore.Entry;
import org.chart2claim.assessment.QuestionVersionStore.Source;
import org.chart2claim.assessment.QuestionVersionStore.VersionRow;
import org.chart2claim.codebook.CodeBookService;
import org.chart2claim.codebook.CodeBooks;
import org.chart2claim.codebook.CodeBooksChangedEvent;
import org.chart2claim.codebook.CodeSet;
import org.chart2claim.codebook.Modifier;
import org.chart2claim.config.BackgroundStart;
import org.chart2claim.config.ContentLocations;
import org.chart2claim.config.OnDemand;
import org.chart2claim.config.SafeZip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The question bank of the running app. Every question has immutable numbered versions stored as the text of a
 * one-question bank file ({@code question_version}), in the shape of the scenario library's versions: a shipped
 * question ({@code <scenarios>/questions/*.yaml}) is version 1, a changed shipped question becomes the next version at
 * start-up, and each edit in the question bank view is the next version too. The current version of each id is the
 * highest one; it is validated (the same parser and code check as the files) and kept in memory. Retired questions
 * are not offered to new exams but stay readable, like every old version: a session keeps the version it drew.
 * Reloaded at start-up and whenever another code set becomes active.
 */
@Service
@Order(QuestionBank.START_ORDER)
public class QuestionBank implements BackgroundStart {

    /** A background start step after the code books and the scenario library. */
    public static final int START_ORDER = 400;

    private static final Logger log = LoggerFactory.getLogger(QuestionBank.class);
    private static final Pattern DOMAIN_LINE = Pattern.compile("(?m)^domain:\\s*\"?([A-Z0-9_]+)\"?\\s*$");

    /**
     * The largest upload the Question bank page and {@code POST /api/questions/import} take: one bank file, or a zip
     * of them (the API's body limit, {@code chart2claim.limits.api-body-bytes}, is 1 MB too).
     */
    public static final int MAX_IMPORT_BYTES = 1024 * 1024;

    /** A zip of bank files: a few files per domain at most, each no larger than the parser takes. */
    static final SafeZip.Limits ZIP_LIMITS = new SafeZip.Limits(
            ".yaml",
            Set.of(),
            4 * QuestionDomain.values().length,
            QuestionParser.MAX_FILE_CHARS * 2L,
            16L * 1024 * 1024,
            "question-bank file");

    /** The file name of the zip {@link #exportAll} gives. */
    public static final String EXPORT_ZIP_NAME = "question-bank.zip";

    private final ContentLocations locations;
    private final CodeBookService books;
    private final QuestionVersionStore store;
    private final TransactionTemplate tx;

    /** The current version of every question that loaded, retired ones included. */
    private volatile Map<String, Question> questions = Map.of();

    private volatile Set<String> retired = Set.of();
    private volatile Map<String, String> owners = Map.of();
    private volatile List<QuestionProblem> problems = List.of();

    /** Parsed old versions: immutable, so they can be cached for good. */
    private final Map<String, Question> oldVersions = new ConcurrentHashMap<>();
    /** The bank loads after the server answers; every reader waits for it. */
    private final OnDemand loading = new OnDemand(this, "question bank", this::reload);

    private final String questionsDir;

    /** What a publication did: the id, its version now, and whether a new version was written. */
    public record Published(String id, int version, boolean created) {}

    /** One version as the version list shows it. */
    public record VersionInfo(int version, Source source, String publishedBy, Instant publishedAt, String changeNote) {}

    /** A question of the bank view: its current version, whether it is retired, who first wrote it here. */
    public record Listed(Question question, boolean retired, String owner) {}

    /** The outcome of checking a form: the question when valid, else the messages per field. */
    public record Checked(Question question, Map<String, List<String>> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** @param questionsDir another bank folder (tests, a school's own bank); blank: {@code <scenarios>/questions} */
    public QuestionBank(
            ContentLocations locations,
            CodeBookService books,
            QuestionVersionStore store,
            PlatformTransactionManager transactions,
            @Value("${chart2claim.questions-dir:}") String questionsDir) {
        this.locations = locations;
        this.books = books;
        this.store = store;
        this.tx = new TransactionTemplate(transactions);
        this.questionsDir = questionsDir;
    }

    @Override
    public OnDemand startWork() {
        return loading;
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
        Map<String, Question> files = new LinkedHashMap<>();
        result.questions().forEach(q -> files.put(q.id(), q));
        List<QuestionProblem> allProblems = new ArrayList<>(result.problems());
        Map<String, Question> byId = new TreeMap<>();
        try {
            tx.executeWithoutResult(status -> synchronise(files, byId, allProblems));
        } catch (DataIntegrityViolationException e) {
            // Another server wrote the same new versions at the same moment: read them as they are now.
            log.info("Question versions were written by another server meanwhile; synchronising again");
            byId.clear();
            allProblems.retainAll(result.problems());
            tx.executeWithoutResult(status -> synchronise(files, byId, allProblems));
        }
        allProblems.forEach(p -> log.warn("Question skipped: {}", p));
        questions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byId));
        readCatalogue();
        problems = List.copyOf(allProblems);
        loading.markDone();
        log.info("Question bank: {} questions loaded, {} problems", byId.size(), allProblems.size());
    }

    /**
     * Shipped questions that are new or changed become new versions; the current version of each id (a file's or an
     * authored one) is validated and becomes the bank's question of that id.
     */
    private void synchronise(Map<String, Question> files, Map<String, Question> byId, List<QuestionProblem> problems) {
        Map<String, VersionRow> latest = new HashMap<>();
        Map<String, VersionRow> latestFile = new HashMap<>();
        for (VersionRow v : store.allVersions()) {
            latest.merge(v.questionId(), v, (a, b) -> a.version() >= b.version() ? a : b);
            if (v.source() == Source.FILE) {
                latestFile.merge(v.questionId(), v, (a, b) -> a.version() >= b.version() ? a : b);
            }
        }
        Map<String, String> fileHashes = new HashMap<>();
        for (Question file : files.values()) {
            String text = QuestionText.write(file);
            String hash = QuestionText.hash(text);
            fileHashes.put(file.id(), hash);
            VersionRow shipped = latestFile.get(file.id());
            if (shipped == null || !shipped.contentHash().equals(hash)) {
                int next = latest.containsKey(file.id()) ? latest.get(file.id()).version() + 1 : 1;
                VersionRow row = new VersionRow(file.id(), next, Source.FILE, text, hash, null, null, Instant.now());
                store.insert(row);
                latest.put(file.id(), row);
            }
        }
        QuestionCodeChecker codes = codeChecker(books.books());
        for (VersionRow current : latest.values()) {
            if (current.source() == Source.FILE) {
                Question file = files.get(current.questionId());
                if (file != null && current.contentHash().equals(fileHashes.get(file.id()))) {
                    byId.put(file.id(), file.withVersion(current.version()));
                }
                continue; // otherwise the file was removed (or is broken, reported above): not in the bank
            }
            List<String> reasons = new ArrayList<>();
            Question q = parseOne(current.fileText(), reasons);
            if (q != null) {
                reasons.addAll(codes.problems(q));
            }
            if (!reasons.isEmpty() || q == null) {
                problems.add(new QuestionProblem(
                        "question " + current.questionId() + " version " + current.version(),
                        current.questionId(),
                        reasons));
                continue;
            }
            byId.put(q.id(), q.withVersion(current.version()));
        }
        Map<String, Entry> entries = new HashMap<>();
        store.entries().forEach(e -> entries.put(e.questionId(), e));
        for (Question q : byId.values()) {
            Entry e = entries.get(q.id());
            if (e == null
                    || e.currentVersion() != q.version()
                    || !e.domain().equals(q.domain().name())) {
                store.saveEntry(new Entry(
                        q.id(),
                        q.domain().name(),
                        q.version(),
                        e == null ? null : e.owner(),
                        e != null && e.retired()));
            }
        }
    }

    private void readCatalogue() {
        Set<String> retiredIds = new HashSet<>();
        Map<String, String> ownerById = new HashMap<>();
        for (Entry e : store.entries()) {
            if (e.retired()) {
                retiredIds.add(e.questionId());
            }
            if (e.owner() != null) {
                ownerById.put(e.questionId(), e.owner());
            }
        }
        retired = Set.copyOf(retiredIds);
        owners = Map.copyOf(ownerById);
    }

    /** Parses a stored one-question text (no code check); null with the reasons when it does not parse. */
    static Question parseOne(String text, List<String> reasons) {
        Matcher m = DOMAIN_LINE.matcher(text);
        String fileName = m.find()
                ? QuestionDomain.byId(m.group(1)).map(QuestionDomain::fileName).orElse("question.yaml")
                : "question.yaml";
        QuestionParser.Parsed parsed = QuestionParser.parse(fileName, text);
        parsed.problems().forEach(p -> reasons.addAll(p.reasons()));
        if (!parsed.problems().isEmpty() || parsed.questions().size() != 1) {
            if (reasons.isEmpty()) {
                reasons.add("the text must hold exactly one question");
            }
            return null;
        }
        return parsed.questions().getFirst();
    }

    /** The loader checking codes against {@code books} (the code books and their modifiers). */
    public static QuestionLoader loader(CodeBooks books) {
        return new QuestionLoader(codeChecker(books));
    }

    private static QuestionCodeChecker codeChecker(CodeBooks books) {
        Set<String> modifiers = new HashSet<>();
        for (CodeSet set : books.sets()) {
            set.modifiers().stream().map(Modifier::code).forEach(modifiers::add);
        }
        return new QuestionCodeChecker(books, modifiers::contains);
    }

    // ---- authoring

    /**
     * Checks a form with the bank file rules (the parser, the code check) and the bank: a new question needs an id no
     * question has ever used; an edit keeps its id. {@code editing} is the id being edited, null for a new question.
     */
    public Checked check(QuestionForm form, String editing) {
        ensureStarted();
        List<String> messages = new ArrayList<>();
        String fileName =
                form.domain() == null ? "question.yaml" : form.domain().fileName();
        QuestionParser.Parsed parsed = QuestionParser.parse(fileName, form.text());
        parsed.problems().forEach(p -> messages.addAll(p.reasons()));
        Question q = parsed.questions().size() == 1 ? parsed.questions().getFirst() : null;
        // The codes are checked even when another field is wrong, so every message shows at once.
        Question codes = q != null
                ? q
                : new Question(
                        form.id(),
                        form.domain(),
                        null,
                        null,
                        0,
                        List.of(),
                        form.stem(),
                        form.options(),
                        form.key(),
                        form.rationale(),
                        fileName);
        messages.addAll(codeChecker(books.books()).problems(codes));
        String id = form.id() == null ? "" : form.id().strip();
        if (editing == null) {
            if (!id.isEmpty() && (questions.containsKey(id) || store.latest(id).isPresent())) {
                messages.add("id " + id + " is already used by another question; choose a new id");
            }
        } else if (!editing.equals(id)) {
            messages.add("id cannot change in an edit (it stays " + editing + "); write a new question instead");
        } else if (q != null && questions.containsKey(id) && questions.get(id).domain() != q.domain()) {
            messages.add("domain cannot change in an edit (it stays "
                    + questions.get(id).domain() + ")");
        }
        return new Checked(messages.isEmpty() ? q : null, QuestionForm.byField(messages));
    }

    /**
     * Checks the form and publishes it as the next version of its id (version 1 of a new id, owned by {@code by}).
     * A form identical to the current version writes nothing. Invalid input changes nothing and throws
     * {@link InvalidQuestionException} with the messages per field. Publishing a retired question restores it.
     */
    public synchronized Published publish(QuestionForm form, String editing, String by, String changeNote) {
        ensureStarted();
        Checked checked = check(form, editing);
        if (!checked.valid()) {
            throw new InvalidQuestionException(checked.errors());
        }
        Question q = checked.question();
        Published published = tx.execute(status -> write(q, by, changeNote, true));
        remember(List.of(q), List.of(published));
        return published;
    }

    /**
     * The REST API's publication ({@code POST /api/questions}, {@code PUT /api/questions/{id}}): the JSON is read into
     * the page's form ({@link QuestionJson}) and judged by {@link #check}; every message is filed under its field
     * path ({@code options.B}, {@code review.on}) in the thrown {@link InvalidQuestionException}, and nothing is
     * stored. {@code editing} is the id of the question to version (it must exist), null for a new question.
     */
    public Published publish(tools.jackson.databind.JsonNode body, String editing, String by) {
        ensureStarted();
        if (editing != null && !questions.containsKey(editing)) {
            throw AssessmentException.notFound("No question " + editing + ".");
        }
        QuestionJson.Read read = QuestionJson.read(body);
        QuestionForm form = read.form();
        if (editing != null && (form.id() == null || form.id().isBlank())) {
            form = new QuestionForm(
                    editing,
                    form.domain(),
                    form.difficulty(),
                    form.tags(),
                    form.stem(),
                    form.options(),
                    form.key(),
                    form.rationale(),
                    form.author(),
                    form.reviewBy(),
                    form.reviewOn());
        }
        Map<String, List<String>> errors = new LinkedHashMap<>(read.errors());
        // a value of the wrong type is named once, at its path; the bank's rules add every other message
        QuestionFile.byPath(check(form, editing).errors()).forEach(errors::putIfAbsent);
        if (!errors.isEmpty()) {
            throw new InvalidQuestionException(errors);
        }
        return publish(form, editing, by, read.changeNote());
    }

    /** What an import did, by question id. */
    public record Imported(QuestionDomain domain, List<String> created, List<String> updated, List<String> unchanged) {}

    /**
     * Imports one bank file in the shipped format (a domain and its questions, {@code scenarios/questions/README.md}).
     * Everything is checked first, with the same rules as the shipped files and the page (the parser with its limits
     * on size, aliases, types, duplicate keys and depth; the codes; an id used twice in the file; an existing id of
     * another domain); any message refuses the whole file and nothing is written: {@link InvalidQuestionException}
     * with the messages by field path ({@code questions[2].options.B}). Otherwise, in one transaction, each new id
     * becomes version 1 and each changed question its next version (retired ones are restored); an unchanged
     * question writes nothing, so importing an export changes nothing.
     */
    public Imported importFile(String text, String by, String changeNote) {
        return importFiles(java.util.Collections.singletonMap(null, text == null ? "" : text), by, changeNote)
                .getFirst();
    }

    /** Every domain's bank file that has questions (retired ones too when asked), zipped, named as shipped. */
    public byte[] exportAll(boolean withRetired) {
        ensureStarted();
        Map<String, String> files = new LinkedHashMap<>();
        for (QuestionDomain d : QuestionDomain.values()) {
            boolean any = questions.values().stream()
                    .anyMatch(q -> q.domain() == d && (withRetired || !retired.contains(q.id())));
            if (any) {
                files.put(d.fileName(), export(d, withRetired));
            }
        }
        return SafeZip.write(files);
    }

    /**
     * Imports an upload: one bank file, or a zip of bank files (as {@link #exportAll} gives; recognised by its bytes).
     * At most {@link #MAX_IMPORT_BYTES} are read from {@code in}: a larger upload is refused without reading the
     * rest. All or nothing across the files of a zip, with each message under {@code <file>:<path>}.
     */
    public List<Imported> importUpload(String fileName, InputStream in, String by, String changeNote) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_IMPORT_BYTES + 1);
        } catch (IOException e) {
            throw refusal("the upload could not be read: " + e.getMessage());
        }
        if (bytes.length > MAX_IMPORT_BYTES) {
            throw refusal("the upload is larger than " + MAX_IMPORT_BYTES / (1024 * 1024)
                    + " MB: export one domain at a time, or split the file");
        }
        return importBytes(fileName, bytes, by, changeNote);
    }

    /** As {@link #importUpload}, for bytes already read within the limit (the REST API's body). */
    public List<Imported> importBytes(String fileName, byte[] bytes, String by, String changeNote) {
        if (bytes.length > MAX_IMPORT_BYTES) {
            throw refusal("the upload is larger than " + MAX_IMPORT_BYTES / (1024 * 1024) + " MB");
        }
        if (SafeZip.looksLikeZip(bytes)) {
            Map<String, String> files;
            try {
                files = SafeZip.read(bytes, ZIP_LIMITS);
            } catch (SafeZip.RefusedException e) {
                throw refusal(e.getMessage());
            }
            if (files.isEmpty()) {
                throw refusal("the zip holds no .yaml question-bank file");
            }
            return importFiles(files, by, changeNote);
        }
        if (fileName != null && fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
            throw refusal("the upload is named .zip but is not a zip file");
        }
        String text = SafeZip.utf8(bytes);
        if (text == null) {
            throw refusal("the file is not UTF-8 text (a bank file is YAML, or a zip of them)");
        }
        return List.of(importFile(text, by, changeNote));
    }

    private static InvalidQuestionException refusal(String message) {
        return new InvalidQuestionException(Map.of("file", List.of(message)));
    }

    /**
     * Imports bank files all or nothing: every file is checked first ({@link #importFile}'s rules, an id used twice
     * anywhere in the upload), and any message refuses them all; otherwise they are written in one transaction.
     * {@code files} maps a name (null for a lone file: its messages keep their plain paths) to its text (null: not
     * UTF-8).
     */
    public synchronized List<Imported> importFiles(Map<String, String> files, String by, String changeNote) {
        ensureStarted();
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, String> seen = new HashMap<>();
        QuestionCodeChecker codes = codeChecker(books.books());
        List<List<Question>> checked = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            String prefix = file.getKey() == null ? "" : file.getKey() + ":";
            if (file.getValue() == null) {
                QuestionFile.add(errors, prefix + "file", "the file is not UTF-8 text");
                checked.add(List.of());
                continue;
            }
            checked.add(checkFile(file.getValue(), prefix, codes, seen, errors, ids));
        }
        if (!errors.isEmpty()) {
            throw new InvalidQuestionException(errors, ids);
        }
        List<Question> all = checked.stream().flatMap(List::stream).toList();
        List<Published> written = tx.execute(
                status -> all.stream().map(q -> write(q, by, changeNote, false)).toList());
        remember(all, written);
        List<Imported> result = new ArrayList<>();
        int next = 0;
        for (List<Question> fileQuestions : checked) {
            List<String> created = new ArrayList<>();
            List<String> updated = new ArrayList<>();
            List<String> unchanged = new ArrayList<>();
            for (int i = 0; i < fileQuestions.size(); i++) {
                Published p = written.get(next++);
                (!p.created() ? unchanged : p.version() == 1 ? created : updated).add(p.id());
            }
            result.add(new Imported(fileQuestions.getFirst().domain(), created, updated, unchanged));
        }
        return result;
    }

    /**
     * Checks one bank file: its valid questions, or messages added to {@code errors} under {@code prefix} + path,
     * with the id of each question a message is about in {@code ids} ({@code questions[2]} → its id).
     */
    private List<Question> checkFile(
            String text,
            String prefix,
            QuestionCodeChecker codes,
            Map<String, String> seen,
            Map<String, List<String>> errors,
            Map<String, String> ids) {
        String fileName = "questions.yaml";
        Matcher m = DOMAIN_LINE.matcher(text.length() > 10_000 ? text.substring(0, 10_000) : text);
        if (m.find()) {
            fileName = QuestionDomain.byId(m.group(1))
                    .map(QuestionDomain::fileName)
                    .orElse(fileName);
        }
        int before = errors.size();
        QuestionParser.Parsed parsed = QuestionParser.parse(fileName, text);
        for (int i = 0; i < parsed.problems().size(); i++) {
            int position = parsed.problemPositions().get(i);
            QuestionProblem problem = parsed.problems().get(i);
            if (position >= 0
                    && problem.questionId() != null
                    && !problem.questionId().startsWith("question ")) {
                ids.put(prefix + "questions[" + position + "]", problem.questionId());
            }
            problem.reasons().forEach(r -> QuestionFile.add(errors, prefix + QuestionFile.path(position, r), r));
        }
        for (int i = 0; i < parsed.questions().size(); i++) {
            Question q = parsed.questions().get(i);
            String at = prefix + "questions[" + parsed.questionPositions().get(i) + "]";
            List<String> reasons = new ArrayList<>(codes.problems(q));
            String first = seen.putIfAbsent(q.id(), at);
            if (first != null) {
                reasons.add("id " + q.id() + " is used twice in the " + (prefix.isEmpty() ? "file" : "upload") + " ("
                        + first + " and " + at + ")");
            }
            Question existing = questions.get(q.id());
            if (existing != null && existing.domain() != q.domain()) {
                reasons.add("id " + q.id() + " is a question of " + existing.domain()
                        + " in the bank; its domain cannot change (write a new id)");
            }
            if (!reasons.isEmpty()) {
                ids.put(at, q.id());
            }
            int position = parsed.questionPositions().get(i);
            reasons.forEach(r -> QuestionFile.add(errors, prefix + QuestionFile.path(position, r), r));
        }
        if (errors.size() == before && parsed.questions().isEmpty()) {
            QuestionFile.add(errors, prefix + "questions", "the file holds no questions");
        }
        return parsed.questions();
    }

    /**
     * The bank file of one domain with the current version of its questions (retired ones too when asked), in the
     * shipped format: {@link #importFile} reads it back unchanged.
     */
    public String export(QuestionDomain domain, boolean withRetired) {
        ensureStarted();
        return QuestionFile.write(
                domain,
                questions.values().stream()
                        .filter(q -> q.domain() == domain)
                        .filter(q -> withRetired || !retired.contains(q.id()))
                        .toList());
    }

    /**
     * Writes {@code q} as the next version of its id unless it equals the current one (inside a transaction); a new
     * version, or {@code restore}, makes it active again.
     */
    private Published write(Question q, String by, String changeNote, boolean restore) {
        String text = QuestionText.write(q);
        String hash = QuestionText.hash(text);
        Optional<VersionRow> latest = store.latest(q.id());
        boolean same = latest.isPresent() && latest.get().contentHash().equals(hash) && questions.containsKey(q.id());
        int version = latest.map(v -> v.version() + (same ? 0 : 1)).orElse(1);
        if (!same) {
            store.insert(new VersionRow(
                    q.id(),
                    version,
                    Source.AUTHORED,
                    text,
                    hash,
                    by,
                    changeNote == null || changeNote.isBlank() ? null : changeNote.strip(),
                    Instant.now()));
        }
        if (!same || restore) {
            store.saveEntry(new Entry(q.id(), q.domain().name(), version, by, false));
        }
        return new Published(q.id(), version, !same);
    }

    /** The bank in memory after a write: each question at its published version. */
    private void remember(List<Question> written, List<Published> published) {
        Map<String, Question> next = new TreeMap<>(questions);
        for (int i = 0; i < written.size(); i++) {
            next.put(
                    written.get(i).id(),
                    written.get(i).withVersion(published.get(i).version()));
        }
        questions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(next));
        readCatalogue();
    }

    /** Retires (no longer offered to new exams) or restores a question; its versions and sessions stay. */
    public synchronized void setRetired(String id, boolean retire) {
        ensureStarted();
        Question q = questions.get(id);
        if (q == null) {
            throw AssessmentException.notFound("No question " + id + ".");
        }
        tx.executeWithoutResult(status -> {
            Entry e = store.entry(id).orElse(new Entry(id, q.domain().name(), q.version(), null, false));
            store.saveEntry(new Entry(id, e.domain(), e.currentVersion(), e.owner(), retire));
        });
        readCatalogue();
    }

    // ---- reading

    /** Every question that may go into a new exam (not retired), sorted by id. */
    public List<Question> all() {
        ensureStarted();
        return questions.values().stream()
                .filter(q -> !retired.contains(q.id()))
                .toList();
    }

    /** Every question of the bank with its state (retired ones included), sorted by id. */
    public List<Listed> listed() {
        ensureStarted();
        return questions.values().stream()
                .map(q -> new Listed(q, retired.contains(q.id()), owners.get(q.id())))
                .toList();
    }

    public List<Question> inDomain(QuestionDomain domain) {
        ensureStarted();
        return all().stream().filter(q -> q.domain() == domain).toList();
    }

    /** The tags of the questions new exams may use, each with how many questions carry it, sorted. */
    public Map<String, Integer> tags() {
        ensureStarted();
        Map<String, Integer> out = new TreeMap<>();
        for (Question q : all()) {
            q.tags().forEach(t -> out.merge(t, 1, Integer::sum));
        }
        return out;
    }

    /** The current version of a question (retired ones too: running and past sessions still need them). */
    public Optional<Question> find(String id) {
        ensureStarted();
        return Optional.ofNullable(id == null ? null : questions.get(id));
    }

    /** Whether a question exists and is not retired. */
    public boolean isActive(String id) {
        ensureStarted();
        return id != null && questions.containsKey(id) && !retired.contains(id);
    }

    public boolean isRetired(String id) {
        ensureStarted();
        return retired.contains(id);
    }

    /**
     * Version {@code version} of a question as it was published (the current one from memory); empty for an unknown
     * id or version. An old version is read without the code check: a session shows what it drew.
     */
    public Optional<Question> version(String id, int version) {
        ensureStarted();
        Question current = id == null ? null : questions.get(id);
        if (current != null && current.version() == version) {
            return Optional.of(current);
        }
        String cacheKey = id + "@" + version;
        Question cached = oldVersions.get(cacheKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Question> parsed = store.version(id, version).flatMap(v -> {
            List<String> reasons = new ArrayList<>();
            Question q = parseOne(v.fileText(), reasons);
            if (q == null) {
                log.warn("Stored version {} of question {} no longer parses: {}", version, id, reasons);
            }
            return Optional.ofNullable(q).map(x -> x.withVersion(version));
        });
        parsed.ifPresent(q -> oldVersions.put(cacheKey, q));
        return parsed;
    }

    /** Every version of a question, oldest first. */
    public List<VersionInfo> versions(String id) {
        ensureStarted();
        return store.versions(id).stream()
                .map(v -> new VersionInfo(v.version(), v.source(), v.publishedBy(), v.publishedAt(), v.changeNote()))
                .sorted(Comparator.comparingInt(VersionInfo::version))
                .toList();
    }

    public List<QuestionProblem> problems() {
        ensureStarted();
        return problems;
    }
}
