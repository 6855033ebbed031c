package org.chart2claim.codebook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.time.Duration;
import org.chart2claim.account.Role;
import org.chart2claim.codebook.CodeBookService;
import org.chart2claim.codebook.search.CodeSearchService;
import org.chart2claim.config.ContentLocations;
import org.chart2claim.support.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Right after a restart the code books and the search index load in the background (config.BackgroundStarter): a
 * search that comes before they are ready says so, instead of showing "no codes" or waiting without end.
 */
class CodeSearchGettingReadyTest extends KaribuTest {

    @Autowired
    CodeBookService codeBooks;

    @Autowired
    ContentLocations locations;

    @Autowired
    CodeSearchService readySearch;

    @Test
    void aSearchBeforeTheIndexIsOpenSaysThatSearchIsGettingReady() {
        login("student", Role.STUDENT);
        // a search service as right after a restart: its index has not been opened (nor is it opened here)
        CodeSearchService starting = new CodeSearchService(
                codeBooks,
                locations,
                locations.dataDir().resolve("index-never-opened").toString());
        CodeSearchPanel panel = new CodeSearchPanel(starting);
        panel.readyWait = Duration.ofMillis(50);
        UI.getCurrent().add(panel);

        panel.query.setValue("CHF");

        assertThat(panel.status.getText()).isEqualTo(CodeSearchPanel.GETTING_READY);
        assertThat(panel.getResults()).isEmpty();
        assertThat(starting.awaitReady(Duration.ZERO))
                .as("the panel waited for the background start, it did not open the index itself")
                .isFalse();
    }

    @Test
    void onceTheIndexIsOpenTheSameSearchShowsCodes() {
        login("student", Role.STUDENT);
        CodeSearchPanel panel = new CodeSearchPanel(readySearch);
        panel.readyWait = Duration.ofMillis(50);
        UI.getCurrent().add(panel);

        panel.query.setValue("CHF");

        assertThat(panel.status.getText())
                .isNotEqualTo(CodeSearchPanel.GETTING_READY)
                .endsWith("codes");
        assertThat(panel.getResults()).isNotEmpty();
    }
}
