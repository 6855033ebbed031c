package org.chart2claim.config.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The phone layout of a view's grids ({@link NarrowScreen}): each grid has its wide columns and one compact
 * column (one cell per row with the important facts); at phone width only the compact column shows. Views that
 * rebuild their grids call {@link #clear()} before each rendering; the current width carries over. A grid whose
 * other columns already fit a phone only hides some ({@link #hideWhenNarrow}).
 */
public final class NarrowColumns {
    private boolean narrow;
    /** What the grids of the current rendering do when the width crosses the phone limit. */
    private final List<Consumer<Boolean>> switches = new ArrayList<>();

    /** Switches the grids of {@code view} as its window crosses the phone width. */
    public NarrowColumns(Component view) {
        NarrowScreen.track(view, this::phoneWidth);
    }

    /** Forgets the grids of the previous rendering. */
    public void clear() {
        switches.clear();
    }

    /** Whether the window is currently phone width. */
    public boolean narrow() {
        return narrow;
    }

    /** Shows the wide columns, or at phone width only the compact one, now and whenever the width changes. */
    public <T> void columns(List<Grid.Column<T>> wide, Grid.Column<T> compact) {
        Consumer<Boolean> apply = n -> {
            wide.forEach(c -> c.setVisible(!n));
            compact.setVisible(n);
        };
        apply.accept(narrow);
        switches.add(apply);
    }

    /** Switches every registered grid to its phone layout (true) or back. */
    public void phoneWidth(boolean n) {
        narrow = n;
        switches.forEach(s -> s.accept(n));
    }

    /** Hides {@code columns} while {@code view}'s window is phone-narrow, shows them again when it widens. */
    public static void hideWhenNarrow(Component view, List<? extends Grid.Column<?>> columns) {
        NarrowColumns narrowColumns = new NarrowColumns(view);
        Consumer<Boolean> apply = n -> columns.forEach(c -> c.setVisible(!n));
        apply.accept(narrowColumns.narrow);
        narrowColumns.switches.add(apply);
    }
}
