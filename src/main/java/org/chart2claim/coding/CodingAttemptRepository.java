package org.chart2claim.coding;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CodingAttemptRepository extends JpaRepository<CodingAttempt, Long> {

    Optional<CodingAttempt> findFirstByUsernameAndContextAndScenarioIdAndStatus(
            String username, String context, String scenarioId, CodingAttempt.Status status);

    boolean existsByUsernameAndContextAndScenarioIdAndStatus(
            String username, String context, String scenarioId, CodingAttempt.Status status);

    List<CodingAttempt> findByUsernameAndContextAndStatusOrderBySubmittedAtAsc(
            String username, String context, CodingAttempt.Status status);
}
