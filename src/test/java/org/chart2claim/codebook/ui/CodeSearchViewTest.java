package org.chart2claim.codebook.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.ItemClickEvent;
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
    void aSeeReferenceOpensTheTermItNamesBelowItsMainTerm() {
        CodeSearchView view = open(Role.STUDENT);
        AlphabeticIndexBrowser browser = view.indexBrowser;
        browser.lookup.setValue("Abnormal");
        AlphabeticIndexBrowser.Node abnormal =
                browser.tree.getTreeData().getRootItems().getFirst();
        IndexTerm involuntaryMovement = browser.tree.getTreeData().getChildren(abnormal).stream()
                .map(AlphabeticIndexBrowser.Node::term)
                .filter(t -> t.term().equals("involuntary movement"))
                .findFirst()
                .orElseThrow();
        assertThat(involuntaryMovement.see()).isEqualTo("Abnormal, movement, involuntary");

        click(browser, involuntaryMovement, 1);

        // "see Abnormal, movement, involuntary": main term shown, "movement" opened, "involuntary" selected
        IndexTerm selected = browser.selectedTerm().orElseThrow();
        assertThat(selected.term()).isEqualTo("involuntary");
        assertThat(selected.code()).isEqualTo("R25.9");
        assertThat(view.detail.getShown().code()).isEqualTo("R25.9");
        assertThat(browser.hint.getText()).contains("Abnormal, movement, involuntary");
    }

    @Test
    void doubleClickingAnIndexRowDoesNotFail() {
        CodeSearchView view = open(Role.STUDENT);
        AlphabeticIndexBrowser browser = view.indexBrowser;
        browser.lookup.setValue("Abnormal");
        AlphabeticIndexBrowser.Node abnormal =
                browser.tree.getTreeData().getRootItems().getFirst();
        AlphabeticIndexBrowser.Node seeRow = browser.tree.getTreeData().getChildren(abnormal).stream()
                .filter(n -> n.term().term().equals("involuntary movement"))
                .findFirst()
                .orElseThrow();
        String staleKey = browser.tree.getDataCommunicator().getKeyMapper().key(seeRow);

        // the browser sends click (count 1), click (count 2) and dblclick; the first click's "see" jump
        // replaces the rows, so the second click names a row that is gone
        click(browser, seeRow.term(), 1);
        ComponentUtil.fireEvent(browser.tree, itemClick(browser, staleKey, 2));

        assertThat(browser.selectedTerm()).isPresent();
        assertThat(browser.tree.getTreeData().getRootItems()).isNotEmpty();
    }

    private static void click(AlphabeticIndexBrowser browser, IndexTerm term, int clickCount) {
        AlphabeticIndexBrowser.Node node = browser.tree.getTreeData().getRootItems().stream()
                .flatMap(root -> flatten(browser, root).stream())
                .filter(n -> n.term() == term)
                .findFirst()
                .orElseThrow();
        browser.tree.expand(browser.tree.getTreeData().getParent(node));
        String key = browser.tree.getDataCommunicator().getKeyMapper().key(node);
        ComponentUtil.fireEvent(browser.tree, itemClick(browser, key, clickCount));
    }

    private static ItemClickEvent<AlphabeticIndexBrowser.Node> itemClick(
            AlphabeticIndexBrowser browser, String key, int clickCount) {
        return new ItemClickEvent<>(
                browser.tree, true, key, null, 0, 0, 0, 0, clickCount, 0, false, false, false, false);
    }

    private static List<AlphabeticIndexBrowser.Node> flatten(
            AlphabeticIndexBrowser browser, AlphabeticIndexBrowser.Node node) {
        List<AlphabeticIndexBrowser.Node> all = new ArrayList<>(List.of(node));
        for (AlphabeticIndexBrowser.Node child : browser.tree.getTreeData().getChildren(node)) {
            all.addAll(flatten(browser, child));
        }
        return all;
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
