package org.chart2claim.payer;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface PayerClaimRepository extends JpaRepository<PayerClaimRecord, Long> {
    List<PayerClaimRecord> findByUsernameAndLedgerOrderByIdAsc(String username, String ledger);

    List<PayerClaimRecord> findTop50ByUsernameOrderByIdDesc(String username);
}
