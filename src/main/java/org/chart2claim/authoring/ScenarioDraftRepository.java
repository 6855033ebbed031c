package org.chart2claim.authoring;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ScenarioDraftRepository extends JpaRepository<ScenarioDraft, Long> {

    List<ScenarioDraft> findByOwnerOrderByUpdatedAtDesc(String owner);
}
