package org.chart2claim.scenario;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ScenarioVersionRepository extends JpaRepository<ScenarioVersionRecord, Long> {

    List<ScenarioVersionRecord> findByScenarioIdOrderByVersionAsc(String scenarioId);

    Optional<ScenarioVersionRecord> findByScenarioIdAndVersion(String scenarioId, int version);

    Optional<ScenarioVersionRecord> findFirstByScenarioIdOrderByVersionDesc(String scenarioId);
}
