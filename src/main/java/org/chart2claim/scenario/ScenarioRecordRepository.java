package org.chart2claim.scenario;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ScenarioRecordRepository extends JpaRepository<ScenarioRecord, String> {}
