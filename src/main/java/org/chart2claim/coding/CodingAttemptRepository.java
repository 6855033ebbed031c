package org.chart2claim.coding;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CodingAttemptRepository extends JpaRepository<CodingAttempt, Long> {

    Optional<CodingAttempt> findFirstByUsernameAndScenarioIdAndStatus(
            String username, String scenarioId, CodingAttempt.Status status);

    boolean existsByUsernameAndScenarioIdAndStatus(String username, String scenarioId, CodingAttempt.Status status);

    List<CodingAttempt> findByUsernameAndStatusOrderBySubmittedAtAsc(String username, CodingAttempt.Status status);
}
