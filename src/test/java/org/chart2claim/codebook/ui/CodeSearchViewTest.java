package org.chart2claim.codebook.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import java.util.ArrayList;
import java.util.List;
import org.chart2claim.account.Role;
import org.chart2claim.codebook.CodeDetail;
import org.chart2claim.codebook.IndexTerm;
import org.chart2claim.codebook.search.CodeHit;
import org.chart2claim.support.KaribuTest;
import org.junit.jupiter.api.Test;

/** Browserless tests of the code search view: type-ahead, detail panel, Alphabetic Index. */
class CodeSearchViewTest extends KaribuTest {

    private CodeSearchView open(Role role) {
        login(role.name().toLowerCase(), role);
        UI.getCurrent().navigate("search");
        return _get(CodeSearchView.class);
    }

    @Test
    void everyRoleCanOpenTheSearch() {
        for (Role role : Role.values()) {
            assertThat(open(role)).isNotNull();
        }
    }

    @Test
    void typeAheadShowsResultsWithBadgesAndTheDetailOfTheHighlightedCode() {
        CodeSearchView view = open(Role.STUDENT);
        view.searchPanel.query.setValue("CHF");
        List<CodeHit> hits = view.searchPanel.getResults();
        assertThat(hits).isNotEmpty();
        assertThat(hits.getFirst().code()).isEqualTo("I50.9");
        assertThat(GridKt._size(view.searchPanel.results)).isEqualTo(hits.size());
        assertThat(view.searchPanel.status.getText()).endsWith("codes");
        // the first result is highlighted and its Tabular detail is shown
        CodeDetail shown = view.detail.getShown();
        assertThat(shown.code()).isEqualTo("I50.9");
        assertThat(view.detail.heading.getText()).isEqualTo("I50.9 Heart failure, unspecified");
        assertThat(shown.breadcrumbs()).extracting(c -> c.id()).containsExactly("9", "I30-I5A", "I50", "I50.9");
        // inherited notes of category I50 are listed with where they are printed
        assertThat(shown.notes()).anySatisfy(n -> assertThat(n.printedAt()).isEqualTo("I50"));
    }

    @Test
    void detailShowsSeventhCharacterTableAndSiblings() {
        CodeSearchView view = open(Role.STUDENT);
        view.searchPanel.query.setValue("fracture of nasal bones initial encounter closed");
        assertThat(view.searchPanel.getResults().getFirst().code()).isEqualTo("S02.2XXA");
        CodeDetail shown = view.detail.getShown();
        assertThat(shown.seventh().values()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(view.detail.seventh.getParent()).isPresent();
        assertThat(shown.siblings()).extracting(CodeDetail.Brief::code).contains("S02.2XXB");
    }

    @Test
    void choosingACodeFiresTheListenerForEmbeddingHosts() {
        CodeSearchView view = open(Role.STUDENT);
        List<CodeHit> chosen = new ArrayList<>();
        view.searchPanel.addCodeChosenListener(e -> chosen.add(e.getHit()));
        view.searchPanel.setSystem(org.chart2claim.codebook.CodeSystem.HCPCS);
        view.searchPanel.setQuery("lightweight wheelchair");
        GridKt._doubleClickItem(view.searchPanel.results, 0);
        assertThat(chosen).extracting(CodeHit::code).containsExactly("K0003");
    }

    @Test
    void hostileInputShowsNoResultsInsteadOfAnError() {
        CodeSearchView view = open(Role.STUDENT);
        for (String q : new String[] {"\"", "*", "AND OR", "x".repeat(10_000), "💥"}) {
            view.searchPanel.query.setValue(q);
        }
        view.searchPanel.query.setValue("zzzzqqq");
        assertThat(view.searchPanel.getResults()).isEmpty();
        assertThat(view.searchPanel.status.getText()).startsWith("No codes found");
    }

    @Test
    void alphabeticIndexLeadsFromTermToSubtermToCodeAndFollowsSeeReferences() {
        CodeSearchView view = open(Role.STUDENT);
        AlphabeticIndexBrowser browser = view.indexBrowser;
        browser.lookup.setValue("Diabetes");
        AlphabeticIndexBrowser.Node diabetes =
                browser.tree.getTreeData().getRootItems().getFirst();
        assertThat(diabetes.term().term()).isEqualTo("Diabetes, diabetic");
        AlphabeticIndexBrowser.Node with =
                browser.tree.getTreeData().getChildren(diabetes).getFirst();
        assertThat(with.term().term()).isEqualTo("with");
        IndexTerm hyperglycemia = browser.tree.getTreeData().getChildren(with).stream()
                .map(n -> n.term())
                .filter(t -> t.term().equals("hyperglycemia"))
                .findFirst()
                .orElseThrow();
        browser.follow(hyperglycemia);
        assertThat(view.detail.getShown().code()).isEqualTo("E11.65");
        assertThat(browser.printedCode(hyperglycemia)).isEqualTo("E11.65");
        assertThat(browser.printedCode(new IndexTerm("x", "", "E11.4", "", "", List.of())))
                .isEqualTo("E11.4-");

        // a "see" reference jumps to the named main term
        IndexTerm withSee = findWithSee(browser.tree.getTreeData().getChildren(diabetes), browser);
        browser.follow(withSee);
        assertThat(browser.lookup.getValue()).isNotBlank();
        assertThat(browser.tree.getTreeData().getRootItems()).isNotEmpty();
    }

    @Test
    void modifierTableListsMeaningsAndFilters() {
        CodeSearchView view = open(Role.STUDENT);
        assertThat(GridKt._size(view.modifiers.grid)).isGreaterThan(80);
        view.modifiers.filter.setValue("25");
        assertThat(GridKt._get(view.modifiers.grid, 0).modifier().meaning()).contains("E/M");
        view.modifiers.filter.setValue("bilateral");
        assertThat(view.modifiers
                        .grid
                        .getGenericDataView()
                        .getItems()
                        .map(r -> r.modifier().code())
                        .toList())
                .contains("50");
    }

    private static IndexTerm findWithSee(List<AlphabeticIndexBrowser.Node> nodes, AlphabeticIndexBrowser browser) {
        for (AlphabeticIndexBrowser.Node t : nodes) {
            if (!t.term().see().isEmpty()) {
                return t.term();
            }
            IndexTerm deeper = findWithSee(browser.tree.getTreeData().getChildren(t), browser);
            if (deeper != null) {
                return deeper;
            }
        }
        return null;
    }
}
