package org.chart2claim.coding;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CodingAttemptRepository extends JpaRepository<CodingAttempt, Long> {

    Optional<CodingAttempt> findFirstByUsernameAndContextAndScenarioIdAndStatus(
            String username, String context, String scenarioId, CodingAttempt.Status status);

    boolean existsByUsernameAndContextAndScenarioIdAndStatus(
            String username, String context, String scenarioId, CodingAttempt.Status status);

    /** Submitted attempts per scenario id: rows of {scenarioId, count}. */
    @org.springframework.data.jpa.repository.Query(
            "select a.scenarioId, count(a) from CodingAttempt a where a.status = :status group by a.scenarioId")
    List<Object[]> countByScenario(CodingAttempt.Status status);

    /** Attempts of one scenario per version they are graded on: rows of {version, count}. */
    @org.springframework.data.jpa.repository.Query(
            "select a.scenarioVersion, count(a) from CodingAttempt a where a.scenarioId = :scenarioId"
                    + " and a.status = :status group by a.scenarioVersion")
    List<Object[]> countByVersion(String scenarioId, CodingAttempt.Status status);

    List<CodingAttempt> findByScenarioIdAndScenarioVersionAndStatusOrderByIdAsc(
            String scenarioId, int scenarioVersion, CodingAttempt.Status status);

    List<CodingAttempt> findByUsernameAndContextAndStatusOrderBySubmittedAtAsc(
            String username, String context, CodingAttempt.Status status);
}
