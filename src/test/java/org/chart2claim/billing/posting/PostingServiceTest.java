package org.chart2claim.billing.posting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.chart2claim.billing.LargeLedger;
import org.chart2claim.claim.Claim;
import org.chart2claim.config.Json;
import org.chart2claim.payer.ClaimLedger;
import org.chart2claim.payer.ClaimResult;
import org.chart2claim.payer.PayerFixtures;
import org.chart2claim.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The posting reads a ledger's stored answers in one pass and stores them a chunk at a time: a ledger longer than a
 * chunk is posted exactly as each claim posted alone, and a claim still being answered stops the posting there until
 * its answer is stored.
 */
@IntegrationTest
class PostingServiceTest {
    @Autowired
    ClaimLedger claimLedger;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    PostingService posting;

    static String someone() {
        return "post-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aLedgerOfSeveralChunksIsPostedExactlyAsEachClaimAlone() {
        String user = someone();
        int claims = 2 * PostingService.CHUNK + 201;
        List<ClaimResult> results = LargeLedger.store(
                claimLedger, new TransactionTemplate(transactions), user, "chunks", claims, 300, LargeLedger.answers());

        List<PostedClaim> posted = posting.claims(user, "chunks");
        List<LedgerTransaction> books = posting.ledger(user, "chunks").transactions();

        assertThat(posted).hasSize(claims);
        assertThat(posted).extracting(PostedClaim::claimId).isSorted().doesNotHaveDuplicates();
        assertThat(posted)
                .extracting(PostedClaim::payerClaimNumber)
                .containsExactlyElementsOf(
                        results.stream().map(ClaimResult::payerClaimNumber).toList());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < claims; i++) {
            ClaimResult r = results.get(i);
            Claim sent = LargeLedger.variant(LargeLedger.templates().get(i % 4), i, 300);
            RemittancePosting.post(r, PostingService.patientOf(sent, r), PayerFixtures.DOS.plusDays(7))
                    .forEach(t -> expected.add(key(t)));
        }
        assertThat(books).extracting(PostingServiceTest::key).containsExactlyElementsOf(expected);
        assertThat(books).extracting(LedgerTransaction::id).isSorted().doesNotHaveDuplicates();

        // nothing new: a second read posts nothing twice
        assertThat(posting.ledger(user, "chunks").transactions()).hasSize(books.size());
        assertThat(posting.claims(user, "chunks")).hasSize(claims);
    }

    @Test
    void aClaimStillBeingAnsweredStopsThePostingUntilItsAnswerIsStored() {
        String user = someone();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        LargeLedger.store(claimLedger, tx, user, "file", 3, 3, LargeLedger.answers());
        Claim pending = LargeLedger.variant(LargeLedger.templates().get(1), 3, 3);
        List<Long> ids = tx.execute(s -> claimLedger.storeReceived(
                user,
                "file",
                null,
                PayerFixtures.DOS.plusDays(7),
                null,
                List.of(new ClaimLedger.Received(pending, Json.MAPPER.writeValueAsString(pending)))));
        tx.executeWithoutResult(s -> LargeLedger.storeAnswered(
                claimLedger,
                user,
                "file",
                4,
                List.of(LargeLedger.variant(LargeLedger.templates().get(2), 4, 3)),
                List.of(new ClaimLedger.Received(
                        LargeLedger.variant(LargeLedger.templates().get(2), 4, 3),
                        Json.MAPPER.writeValueAsString(
                                LargeLedger.variant(LargeLedger.templates().get(2), 4, 3)))),
                LargeLedger.answers()));

        assertThat(posting.claims(user, "file")).hasSize(3);

        ClaimResult answer = LargeLedger.numbered(
                LargeLedger.answers().get(1), ClaimLedger.payerClaimNumber(ids.getFirst()), pending.firstServiceDate());
        tx.executeWithoutResult(s -> claimLedger.storeResults(
                user, "file", ids, List.of(pending), List.of(answer), List.of(Json.MAPPER.writeValueAsString(answer))));

        assertThat(posting.claims(user, "file"))
                .extracting(PostedClaim::payerClaimNumber)
                .hasSize(5)
                .contains(answer.payerClaimNumber());
    }

    /** A transaction as posted, without its id. */
    static String key(LedgerTransaction t) {
        return String.join(
                "|",
                t.account(),
                t.claimNumber(),
                String.valueOf(t.line()),
                String.valueOf(t.serviceDate()),
                String.valueOf(t.postedOn()),
                t.type().name(),
                t.amount().toPlainString(),
                t.group(),
                t.carc(),
                t.note());
    }
}
