package org.chart2claim.billing.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import java.util.ArrayList;
import java.util.List;
import org.chart2claim.config.ui.NarrowScreen;

/**
 * Grid columns a billing-office view hides on a phone ({@link NarrowScreen}): the grid then fits 390 px without
 * scrolling sideways; the hidden facts are on the row's detail or in another column. One instance per view, so a
 * view that rebuilds its grids adds the new columns without tracking the window again.
 */
final class NarrowColumns {
    private final List<Grid.Column<?>> columns = new ArrayList<>();
    private boolean narrow;

    NarrowColumns(Component view) {
        NarrowScreen.track(view, n -> {
            narrow = n;
            columns.forEach(c -> c.setVisible(!n));
        });
    }

    /** Columns shown only when the window is wider than a phone. */
    void add(List<? extends Grid.Column<?>> wideOnly) {
        for (Grid.Column<?> c : wideOnly) {
            c.setVisible(!narrow);
            columns.add(c);
        }
    }

    /** Hides {@code columns} while {@code view}'s window is phone-narrow, shows them again when it widens. */
    static void hideWhenNarrow(Component view, List<? extends Grid.Column<?>> columns) {
        new NarrowColumns(view).add(columns);
    }
}
