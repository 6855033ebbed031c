package org.chart2claim.payer;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PayerClaimRepository extends JpaRepository<PayerClaimRecord, Long> {
    List<PayerClaimRecord> findByUsernameAndLedgerOrderByIdAsc(String username, String ledger);

    List<PayerClaimRecord> findTop50ByUsernameOrderByIdDesc(String username);

    List<PayerClaimRecord> findByUsernameOrderByIdDesc(String username);
}
