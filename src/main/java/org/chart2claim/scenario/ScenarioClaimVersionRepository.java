package org.chart2claim.scenario;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ScenarioClaimVersionRepository extends JpaRepository<ScenarioClaimVersion, String> {}
