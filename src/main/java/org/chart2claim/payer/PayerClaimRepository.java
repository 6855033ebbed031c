package org.chart2claim.payer;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PayerClaimRepository extends JpaRepository<PayerClaimRecord, Long> {
    List<PayerClaimRecord> findByUsernameAndLedgerOrderByIdAsc(String username, String ledger);

    List<PayerClaimRecord> findTop50ByUsernameOrderByIdDesc(String username);

    List<PayerClaimRecord> findByUsernameOrderByIdDesc(String username);

    @Query("select max(c.receivedOn) from PayerClaimRecord c where c.username = :username and c.ledger = :ledger")
    Optional<LocalDate> latestReceivedOn(@Param("username") String username, @Param("ledger") String ledger);

    @Query("select distinct c.ledger from PayerClaimRecord c where c.username = :username order by c.ledger")
    List<String> ledgersOf(@Param("username") String username);
}
