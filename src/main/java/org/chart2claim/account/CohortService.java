package org.chart2claim.account;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Classes of students and their instructors. */
@Service
@Transactional
public class CohortService {

    private final CohortRepository cohorts;
    private final UserAccountRepository users;

    public CohortService(CohortRepository cohorts, UserAccountRepository users) {
        this.cohorts = cohorts;
        this.users = users;
    }

    public Cohort create(String name, String description, String instructorUsername) {
        String cohortName = name == null ? "" : name.strip();
        if (cohortName.isEmpty()) {
            throw new AccountException("Cohort name must not be empty.");
        }
        if (cohortName.length() > 100) {
            throw new AccountException("Cohort name must be at most 100 characters.");
        }
        if (cohorts.existsByNameIgnoreCase(cohortName)) {
            throw new AccountException("A cohort named \"" + cohortName + "\" already exists.");
        }
        Cohort cohort = new Cohort(cohortName, description == null ? "" : description.strip());
        if (instructorUsername != null) {
            users.findByUsernameIgnoreCase(instructorUsername)
                    .filter(u -> u.hasRole(Role.INSTRUCTOR))
                    .ifPresent(cohort.getInstructors()::add);
        }
        return cohorts.save(cohort);
    }

    @Transactional(readOnly = true)
    public List<Cohort> findAll() {
        return cohorts.findAllByOrderByNameAsc();
    }

    @Transactional(readOnly = true)
    public List<Cohort> findForInstructor(String username) {
        return cohorts.findAllByOrderByNameAsc().stream()
                .filter(c -> c.getInstructors().stream()
                        .anyMatch(u -> u.getUsername().equalsIgnoreCase(username)))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<Cohort> findForStudent(String username) {
        return cohorts.findAllByOrderByNameAsc().stream()
                .filter(c ->
                        c.getStudents().stream().anyMatch(u -> u.getUsername().equalsIgnoreCase(username)))
                .toList();
    }

    public Cohort enrol(Long cohortId, String studentUsername) {
        Cohort cohort = get(cohortId);
        UserAccount student = users.findByUsernameIgnoreCase(studentUsername)
                .orElseThrow(() -> new AccountException("No such user: " + studentUsername));
        if (!student.hasRole(Role.STUDENT)) {
            throw new AccountException(student.getUsername() + " is not a student.");
        }
        cohort.getStudents().add(student);
        return cohort;
    }

    public Cohort withdraw(Long cohortId, String studentUsername) {
        Cohort cohort = get(cohortId);
        cohort.getStudents().removeIf(u -> u.getUsername().equalsIgnoreCase(studentUsername));
        return cohort;
    }

    public Cohort addInstructor(Long cohortId, String instructorUsername) {
        Cohort cohort = get(cohortId);
        UserAccount instructor = users.findByUsernameIgnoreCase(instructorUsername)
                .orElseThrow(() -> new AccountException("No such user: " + instructorUsername));
        if (!instructor.hasRole(Role.INSTRUCTOR)) {
            throw new AccountException(instructor.getUsername() + " is not an instructor.");
        }
        cohort.getInstructors().add(instructor);
        return cohort;
    }

    /** Whether {@code student} is enrolled in a cohort that {@code instructor} teaches. */
    @Transactional(readOnly = true)
    public boolean teaches(String instructor, String student) {
        return findForInstructor(instructor).stream()
                .flatMap(c -> c.getStudents().stream())
                .anyMatch(u -> u.getUsername().equalsIgnoreCase(student));
    }

    @Transactional(readOnly = true)
    public Cohort get(Long cohortId) {
        return cohorts.findById(cohortId).orElseThrow(() -> new AccountException("No such cohort."));
    }
}
