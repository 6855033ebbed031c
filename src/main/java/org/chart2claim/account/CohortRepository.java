package org.chart2claim.account;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CohortRepository extends JpaRepository<Cohort, Long> {

    boolean existsByNameIgnoreCase(String name);

    List<Cohort> findAllByOrderByNameAsc();
}
