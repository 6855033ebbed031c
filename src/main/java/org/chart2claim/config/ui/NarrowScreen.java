package org.chart2claim.config.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;

/**
 * Phone-width layouts for views whose grids cannot simply wrap: the view hears whether the browser window is
 * narrower than {@link #PHONE_MAX_PX} when it is shown and again whenever a resize crosses that width, and
 * switches to a compact layout (fewer, combined columns; filters folded away). CSS alone cannot hide grid
 * columns, hence a server-side switch.
 */
public final class NarrowScreen {
    /** Below this window width a view shows its phone layout (a phone is ~390 px, a small tablet 768 px). */
    public static final int PHONE_MAX_PX = 700;

    private NarrowScreen() {}

    /** Calls {@code narrow} with true/false on attach and on every resize that crosses the limit. */
    public static void track(Component view, Consumer<Boolean> narrow) {
        Boolean[] last = {null};
        Consumer<Integer> width = w -> {
            boolean now = w > 0 && w < PHONE_MAX_PX;
            if (last[0] == null || last[0] != now) {
                last[0] = now;
                narrow.accept(now);
            }
        };
        Registration[] resize = {null};
        view.addAttachListener(attach -> {
            Page page = attach.getUI().getPage();
            page.retrieveExtendedClientDetails(details -> width.accept(details.getWindowInnerWidth()));
            resize[0] = page.addBrowserWindowResizeListener(e -> width.accept(e.getWidth()));
        });
        view.addDetachListener(detach -> {
            if (resize[0] != null) {
                resize[0].remove();
                resize[0] = null;
            }
        });
    }
}
