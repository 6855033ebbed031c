package org.chart2claim.authoring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chart2claim.account.Role;
import org.chart2claim.billing.BillingService;
import org.chart2claim.claim.Sex;
import org.chart2claim.codebook.CodeSystem;
import org.chart2claim.coding.AttemptService;
import org.chart2claim.coding.CodingAnswer;
import org.chart2claim.payer.PayerService;
import org.chart2claim.payer.data.AgeSexRule;
import org.chart2claim.scenario.AnswerKey;
import org.chart2claim.scenario.Scenario;
import org.chart2claim.scenario.ScenarioLibrary;
import org.chart2claim.scenario.ScenarioValidator;
import org.chart2claim.scenario.ScenarioVisibility;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing, retiring, exporting and importing scenarios for instructors and admins, and the editor's drafts.
 * Who may change what is decided here: an instructor changes the scenarios they own (the first publisher owns
 * one); an admin changes any; shipped scenarios are duplicated under a new id (admins may publish a new
 * version of one). Another instructor's cohort-only scenario does not exist for anyone else (not found).
 */
@Service
public class AuthoringService {

    private static final Pattern ID_LINE = Pattern.compile("(?m)^id:[ \\t]*.*$");
    private static final Pattern TITLE_LINE = Pattern.compile("(?m)^title:[ \\t]*(.*)$");
    private static final Pattern PATIENT_LINE = Pattern.compile("(?m)^patient:");
    private static final Pattern KEY_LINE = Pattern.compile("(?m)^key:");

    private final ScenarioLibrary library;
    private final AttemptService attempts;
    private final ScenarioDraftRepository drafts;
    private final BillingService billing;
    private final PayerService payer;
    private final AuthoredMembers members;

    public AuthoringService(
            ScenarioLibrary library,
            AttemptService attempts,
            ScenarioDraftRepository drafts,
            BillingService billing,
            PayerService payer,
            AuthoredMembers members) {
        this.library = library;
        this.attempts = attempts;
        this.drafts = drafts;
        this.billing = billing;
        this.payer = payer;
        this.members = members;
    }

    /** Draft, published or retired, as the editor's list shows it. */
    public enum Status {
        DRAFT,
        PUBLISHED,
        RETIRED
    }

    /** One row of the editor's list: a scenario (at its current version) or a draft (draftId set). */
    public record Row(
            String id,
            String title,
            String specialty,
            int difficulty,
            List<String> tags,
            int version,
            Status status,
            String author,
            long attempts,
            ScenarioVisibility visibility,
            boolean editable,
            Long draftId) {}

    /** The result of importing one file: its id and new version, or the errors that kept it out. */
    public record ImportResult(String file, String id, Integer version, List<ScenarioValidator.Error> errors) {
        public boolean imported() {
            return errors.isEmpty();
        }
    }

    /** The caller may not change this scenario (shipped: duplicate it); the message says what to do. */
    public static class NotEditableException extends RuntimeException {
        public NotEditableException(String message) {
            super(message);
        }
    }

    /**
     * The simulated payer does not pay the key without denial, and no reason to publish it anyway was given: an
     * error on {@code key} (so the API, an import and the editor list it like any validation error) that carries
     * the payer's answer.
     */
    public static class PayerDeniedException extends ScenarioLibrary.InvalidScenarioException {
        private final transient PayerCheck check;

        PayerDeniedException(PayerCheck check, int line) {
            super(List.of(new ScenarioValidator.Error(
                    line,
                    "key",
                    "the simulated payer does not pay the key without denial (" + check.summary() + "): fix the key,"
                            + " or publish it with a reason to publish it anyway (payerOverride), e.g. a scenario"
                            + " that teaches this denial")));
            this.check = check;
        }

        public PayerCheck check() {
            return check;
        }
    }

    /** One published version as the editor's version list shows it. */
    public record Version(
            int version,
            java.time.Instant publishedAt,
            String publishedBy,
            Status status,
            boolean current,
            long attempts,
            String changeNote,
            String payerCheck,
            String payerOverride) {}

    /** No scenario (or draft) with this id that the caller may see. */
    public static class NotFoundException extends RuntimeException {
        public NotFoundException(String what) {
            super("No " + what);
        }
    }

    /** Scenarios the instructor may see (retired ones too) and their own drafts, drafts first. */
    @Transactional(readOnly = true)
    public List<Row> list(String user, Set<Role> roles) {
        Map<String, Long> counts = attempts.submittedCounts();
        List<Row> rows = new ArrayList<>();
        for (ScenarioDraft d : drafts.findByOwnerOrderByUpdatedAtDesc(user)) {
            String title = matchOr(TITLE_LINE, d.getFileText(), "(untitled draft)");
            rows.add(new Row(
                    d.getScenarioId() == null ? "" : d.getScenarioId(),
                    title,
                    "",
                    0,
                    List.of(),
                    0,
                    Status.DRAFT,
                    user,
                    0,
                    d.getVisibility(),
                    true,
                    d.getId()));
        }
        for (Scenario s : library.all()) {
            Optional<ScenarioLibrary.Catalogue> entry = library.catalogueEntry(s.id());
            if (!mayRead(s.id(), user, roles)) {
                continue;
            }
            boolean retired = entry.map(ScenarioLibrary.Catalogue::retired).orElse(false);
            String owner = entry.map(ScenarioLibrary.Catalogue::owner).orElse(null);
            rows.add(new Row(
                    s.id(),
                    s.title(),
                    s.specialty(),
                    s.difficulty(),
                    s.tags(),
                    s.version(),
                    retired ? Status.RETIRED : Status.PUBLISHED,
                    owner == null ? "shipped" : owner,
                    counts.getOrDefault(s.id(), 0L),
                    entry.map(ScenarioLibrary.Catalogue::visibility).orElse(ScenarioVisibility.EVERYBODY),
                    mayEdit(s.id(), user, roles),
                    null));
        }
        return rows;
    }

    private static String matchOr(Pattern p, String text, String fallback) {
        Matcher m = p.matcher(text);
        return m.find() && !m.group(1).isBlank() ? m.group(1).strip().replaceAll("^\"|\"$", "") : fallback;
    }

    /** Instructors read scenarios they could practise from (their own, shared ones); admins read all. */
    public boolean mayRead(String id, String user, Set<Role> roles) {
        return library.find(id).isPresent()
                && (roles.contains(Role.ADMIN) || library.findVisible(id, user).isPresent());
    }

    /** Owners and admins change a published scenario; nobody but an admin changes a shipped one. */
    public boolean mayEdit(String id, String user, Set<Role> roles) {
        Optional<ScenarioLibrary.Catalogue> entry = library.catalogueEntry(id);
        if (entry.isEmpty() || roles.contains(Role.ADMIN)) {
            return true;
        }
        return user.equals(entry.get().owner());
    }

    /**
     * Publishes a new scenario (its id must be new) or, with {@code expectedId}, a new version of that scenario
     * (the text's id must be the same). Invalid text throws {@link ScenarioLibrary.InvalidScenarioException}
     * and changes nothing.
     */
    public ScenarioLibrary.Published publish(
            String text,
            String expectedId,
            String user,
            Set<Role> roles,
            ScenarioVisibility visibility,
            String changeNote) {
        return publish(text, expectedId, user, roles, visibility, changeNote, null);
    }

    /**
     * The same, gated by the payer check: the key, sent as a claim to the simulated payer, must be paid without
     * denial; otherwise {@link PayerDeniedException}, unless {@code payerOverride} says why it is published anyway.
     * The new version records the payer's answer and the override.
     */
    public ScenarioLibrary.Published publish(
            String text,
            String expectedId,
            String user,
            Set<Role> roles,
            ScenarioVisibility visibility,
            String changeNote,
            String payerOverride) {
        ScenarioValidator.Outcome outcome = library.validator().validate(null, text);
        if (!outcome.valid()) {
            throw new ScenarioLibrary.InvalidScenarioException(outcome.errors());
        }
        String id = outcome.scenario().id();
        boolean exists = library.catalogueEntry(id).isPresent();
        if (expectedId == null && exists) {
            throw new ScenarioLibrary.InvalidScenarioException(List.of(new ScenarioValidator.Error(
                    lineOfId(text),
                    "id",
                    "a scenario with id " + id + " already exists: give the new scenario another id, or publish a"
                            + " new version of that one (PUT /api/scenarios/" + id + ")")));
        }
        if (expectedId != null) {
            requireEditable(expectedId, user, roles);
            if (!expectedId.equals(id)) {
                throw new ScenarioLibrary.InvalidScenarioException(List.of(new ScenarioValidator.Error(
                        lineOfId(text),
                        "id",
                        "the file's id " + id + " is not the scenario being changed (" + expectedId
                                + "); an id cannot change, duplicate the scenario instead")));
            }
        }
        Optional<String> takeover = members.takeover(outcome.scenario());
        if (takeover.isPresent()) {
            // Publishing enrols the patient with the payer: never under another person's member id.
            throw new ScenarioLibrary.InvalidScenarioException(List.of(
                    new ScenarioValidator.Error(lineOf(text, PATIENT_LINE), "patient.memberId", takeover.get())));
        }
        PayerCheck check = checkWithPayer(outcome.scenario());
        String override = payerOverride == null || payerOverride.isBlank() ? null : payerOverride.strip();
        if (!check.clean() && override == null) {
            throw new PayerDeniedException(check, lineOf(text, KEY_LINE));
        }
        return library.publish(
                text,
                user,
                exists ? null : (visibility == null ? ScenarioVisibility.COHORTS : visibility),
                changeNote,
                check.summary(),
                check.clean() ? null : override);
    }

    /**
     * The key's codes against the patient's sex and age on the date of service, read from the payer's MCE-style
     * table (the same rows its sex and age edits deny by): live validation in the editor, before the payer check.
     * Each conflict is an error on the key code's field, e.g. {@code key.diagnoses[1].code}.
     */
    /**
     * The patient's member id when it is already another person's (in the payer's file or another authored
     * scenario): the error publishing would give, on {@code patient.memberId}, so the editor shows it as the
     * instructor types. Empty when the id is new or the same person's.
     */
    public List<ScenarioValidator.Error> memberConflicts(Scenario scenario) {
        return members.takeover(scenario)
                .map(why -> List.of(new ScenarioValidator.Error(null, "patient.memberId", why)))
                .orElse(List.of());
    }

    public List<ScenarioValidator.Error> demographicConflicts(Scenario scenario) {
        Scenario.Patient patient = scenario.patient();
        if (patient == null || patient.dateOfBirth() == null || scenario.dateOfService() == null) {
            return List.of();
        }
        Sex sex = Sex.parse(patient.sex());
        int age = java.time.Period.between(patient.dateOfBirth(), scenario.dateOfService())
                .getYears();
        List<AgeSexRule> rules = payer.rules().ageSexRules();
        List<ScenarioValidator.Error> errors = new ArrayList<>();
        List<AnswerKey.Diagnosis> diagnoses = scenario.key().diagnoses();
        for (int i = 0; i < diagnoses.size(); i++) {
            conflict(rules, CodeSystem.ICD10CM, diagnoses.get(i).code(), sex, age)
                    .ifPresent(addTo(errors, "key.diagnoses[" + (i + 1) + "].code"));
        }
        List<AnswerKey.ProcedureLine> lines = scenario.key().procedures();
        for (int i = 0; i < lines.size(); i++) {
            conflict(rules, CodeSystem.CPT, lines.get(i).code(), sex, age)
                    .ifPresent(addTo(errors, "key.procedures[" + (i + 1) + "].code"));
        }
        return errors;
    }

    private static java.util.function.Consumer<String> addTo(List<ScenarioValidator.Error> errors, String field) {
        return message -> errors.add(new ScenarioValidator.Error(null, field, message));
    }

    private static Optional<String> conflict(List<AgeSexRule> rules, CodeSystem system, String code, Sex sex, int age) {
        for (AgeSexRule rule : rules) {
            if (!rule.matches(system, code)) {
                continue;
            }
            if (rule.sexConflict(sex)) {
                return Optional.of(code + " does not fit the patient's sex (" + sex + "): " + rule.reason()
                        + ". Check patient.sex or the code.");
            }
            if (rule.ageConflict(age)) {
                return Optional.of(code + " does not fit a patient aged " + age + " on the date of service ("
                        + rule.ageRange() + "): " + rule.reason() + ". Check patient.dateOfBirth or the code.");
            }
        }
        return Optional.empty();
    }

    /** What the simulated payer answers to a valid scenario's key sent as a claim; nothing is stored. */
    public PayerCheck checkWithPayer(Scenario scenario) {
        return PayerCheck.of(billing.checkScenario(scenario, CodingAnswer.fromKey(scenario.key())));
    }

    /**
     * Every version of a scenario the caller may read, newest first: when and by whom it was published, its
     * status (the current version is published or retired; older ones stay readable), how many submitted
     * attempts are graded on it, the change note and the payer check it passed (or its override).
     */
    @Transactional(readOnly = true)
    public List<Version> versions(String id, String user, Set<Role> roles) {
        if (!mayRead(id, user, roles)) {
            throw new NotFoundException("scenario with id " + id);
        }
        Map<Integer, Long> counts = attempts.submittedCountsByVersion(id);
        boolean retired = library.catalogueEntry(id)
                .map(ScenarioLibrary.Catalogue::retired)
                .orElse(false);
        int current = library.find(id).map(Scenario::version).orElse(0);
        List<Version> out = new ArrayList<>();
        for (ScenarioLibrary.VersionInfo v : library.versions(id).reversed()) {
            boolean isCurrent = v.version() == current;
            out.add(new Version(
                    v.version(),
                    v.publishedAt(),
                    v.publishedBy() == null ? "shipped file" : v.publishedBy(),
                    isCurrent && retired ? Status.RETIRED : Status.PUBLISHED,
                    isCurrent,
                    counts.getOrDefault(v.version(), 0L),
                    v.changeNote(),
                    v.payerCheck(),
                    v.payerOverride()));
        }
        return out;
    }

    private void requireEditable(String id, String user, Set<Role> roles) {
        if (!mayRead(id, user, roles)) {
            throw new NotFoundException("scenario with id " + id);
        }
        if (!mayEdit(id, user, roles)) {
            boolean shipped = library.catalogueEntry(id)
                    .map(ScenarioLibrary.Catalogue::shipped)
                    .orElse(false);
            throw new NotEditableException(
                    shipped
                            ? "Scenario " + id + " ships with Chart2Claim: duplicate it under a new id to change it"
                                    + " (administrators may publish a new version of it)."
                            : "Scenario " + id + " belongs to "
                                    + library.catalogueEntry(id)
                                            .map(ScenarioLibrary.Catalogue::owner)
                                            .orElse("another instructor")
                                    + ": duplicate it under a new id to change it.");
        }
    }

    private static int lineOfId(String text) {
        return lineOf(text, ID_LINE);
    }

    private static int lineOf(String text, Pattern line) {
        Matcher m = line.matcher(text);
        return m.find() ? (int) text.substring(0, m.start()).lines().count() + 1 : 1;
    }

    /** Retires (hides from the catalogue; attempts, versions and claims stay) or restores a scenario. */
    public void setRetired(String id, boolean retired, String user, Set<Role> roles) {
        requireEditable(id, user, roles);
        library.setRetired(id, retired);
    }

    /** Everybody, or only the students of the owner's cohorts. */
    public void setVisibility(String id, ScenarioVisibility visibility, String user, Set<Role> roles) {
        requireEditable(id, user, roles);
        library.setVisibility(id, visibility);
    }

    /** The file text of the current version (or {@code version}), exactly as published. */
    public String export(String id, Integer version, String user, Set<Role> roles) {
        if (!mayRead(id, user, roles)) {
            throw new NotFoundException("scenario with id " + id);
        }
        int v = version != null
                ? version
                : library.find(id).map(Scenario::version).orElseThrow(() -> new NotFoundException("scenario " + id));
        return library.text(id, v).orElseThrow(() -> new NotFoundException("version " + v + " of scenario " + id));
    }

    /** A zip of the current versions of the scenarios named, {@code <id>.md} each. */
    public byte[] exportZip(List<String> ids, String user, Set<Role> roles) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String id : ids) {
            texts.put(id, export(id, null, user, roles));
        }
        return ScenarioZip.write(texts);
    }

    /** The text of a scenario under a new id, as the start of a new draft ("Duplicate"). */
    public String duplicateText(String id, String newId, String user, Set<Role> roles) {
        String text = export(id, null, user, roles);
        return ID_LINE.matcher(text).replaceFirst(Matcher.quoteReplacement("id: " + newId));
    }

    /**
     * Imports scenario files (file name → text; null text = not UTF-8). Every file is validated first; two valid
     * files with one id refuse the whole import. Valid files are then published (a new version when the id
     * exists and the caller may change it); the others are listed with their errors.
     */
    public List<ImportResult> importFiles(Map<String, String> files, String user, Set<Role> roles)
            throws ScenarioZip.RefusedException {
        return importFiles(files, user, roles, null);
    }

    /** The same; {@code payerOverride} publishes files whose key the payer denies anyway, with that reason. */
    public List<ImportResult> importFiles(Map<String, String> files, String user, Set<Role> roles, String payerOverride)
            throws ScenarioZip.RefusedException {
        ScenarioValidator validator = library.validator();
        Map<String, ScenarioValidator.Outcome> outcomes = new LinkedHashMap<>();
        Map<String, String> fileById = new LinkedHashMap<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            if (f.getValue() == null) {
                continue;
            }
            ScenarioValidator.Outcome outcome = validator.validate(f.getKey(), f.getValue());
            outcomes.put(f.getKey(), outcome);
            if (outcome.valid()) {
                String previous = fileById.putIfAbsent(outcome.scenario().id(), f.getKey());
                if (previous != null) {
                    throw new ScenarioZip.RefusedException(
                            "two files have the id " + outcome.scenario().id() + " (" + previous + " and " + f.getKey()
                                    + "): nothing was imported");
                }
            }
        }
        List<ImportResult> results = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            String name = f.getKey();
            if (f.getValue() == null) {
                results.add(error(name, null, "the file is not UTF-8 text"));
                continue;
            }
            ScenarioValidator.Outcome outcome = outcomes.get(name);
            if (!outcome.valid()) {
                results.add(new ImportResult(name, null, null, outcome.errors()));
                continue;
            }
            String id = outcome.scenario().id();
            boolean exists = library.catalogueEntry(id).isPresent();
            try {
                ScenarioLibrary.Published p = publish(
                        f.getValue(),
                        exists ? id : null,
                        user,
                        roles,
                        ScenarioVisibility.COHORTS,
                        "imported " + name,
                        payerOverride);
                results.add(new ImportResult(name, p.id(), p.version(), List.of()));
                done.add(id);
            } catch (NotEditableException | NotFoundException e) {
                results.add(error(name, id, e.getMessage()));
            } catch (ScenarioLibrary.InvalidScenarioException e) {
                results.add(new ImportResult(name, id, null, e.errors()));
            }
        }
        return results;
    }

    private static ImportResult error(String file, String id, String message) {
        return new ImportResult(file, id, null, List.of(new ScenarioValidator.Error(1, null, message)));
    }

    // --- drafts -------------------------------------------------------------------------------------------

    /** Saves the editor's text as the owner's draft (new when {@code draftId} is null); invalid text is fine. */
    @Transactional
    public long saveDraft(Long draftId, String text, ScenarioVisibility visibility, String user) {
        ScenarioDraft draft = draftId == null ? new ScenarioDraft(user) : draft(draftId, user);
        Matcher id = ID_LINE.matcher(text);
        String scenarioId = id.find() ? id.group().substring(3).strip().replaceAll("^[\"']|[\"']$", "") : null;
        draft.save(scenarioId, text, visibility == null ? ScenarioVisibility.COHORTS : visibility);
        return drafts.save(draft).getId();
    }

    /** The owner's draft; anybody else's is not found. */
    @Transactional(readOnly = true)
    public ScenarioDraft draft(long draftId, String user) {
        return drafts.findById(draftId)
                .filter(d -> d.getOwner().equals(user))
                .orElseThrow(() -> new NotFoundException("draft " + draftId));
    }

    @Transactional
    public void deleteDraft(long draftId, String user) {
        drafts.delete(draft(draftId, user));
    }

    /**
     * Publishes a draft (a new scenario, or a new version of the scenario it edits) and deletes the draft; gated by
     * the payer check like {@link #publish}, {@code payerOverride} being the reason to publish a denied key anyway.
     */
    @Transactional
    public ScenarioLibrary.Published publishDraft(
            long draftId, String changeNote, String payerOverride, String user, Set<Role> roles) {
        ScenarioDraft draft = draft(draftId, user);
        ScenarioValidator.Outcome outcome = library.validator().validate(null, draft.getFileText());
        String id = outcome.valid() ? outcome.scenario().id() : null;
        boolean exists = id != null && library.catalogueEntry(id).isPresent();
        ScenarioLibrary.Published published = publish(
                draft.getFileText(), exists ? id : null, user, roles, draft.getVisibility(), changeNote, payerOverride);
        drafts.delete(draft);
        return published;
    }
}
