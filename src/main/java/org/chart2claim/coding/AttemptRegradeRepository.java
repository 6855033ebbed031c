package org.chart2claim.coding;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AttemptRegradeRepository extends JpaRepository<AttemptRegrade, Long> {

    List<AttemptRegrade> findByAttemptIdOrderByRegradedAtAsc(long attemptId);
}
