package org.chart2claim.coding.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import java.util.function.Consumer;
import org.chart2claim.scenario.NoteHtml;

/**
 * The clinical note in readable typography, rendered on the server by {@link NoteHtml} (Markdown, then the
 * sanitizer: no raw HTML, script or {@code javascript:} link reaches the page). Selecting words in it (mouse or keyboard) sends the selected
 * text to the server, where the workspace turns it into a code search.
 */
public class NoteView extends Div {

    private Consumer<String> selectionListener = s -> {};

    public NoteView(String markdown) {
        addClassName("c2c-note");
        setId("clinical-note");
        add(rendered(markdown));
    }

    /** The note's sanitised HTML as a component (the editor's live preview shows the same). */
    public static Html rendered(String markdown) {
        return new Html("<div class=\"c2c-note-body\">" + NoteHtml.render(markdown) + "</div>");
    }

    public void onSelection(Consumer<String> listener) {
        this.selectionListener = listener;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        // Only selections inside the note count; short debounce so a drag sends one request.
        getElement().executeJs("""
                const note = this;
                let timer;
                const send = () => {
                  const sel = window.getSelection();
                  if (!sel || sel.rangeCount === 0 || !note.contains(sel.anchorNode)) return;
                  const text = sel.toString().trim();
                  if (text.length >= 3 && text.length <= 120) note.$server.selected(text);
                };
                note.addEventListener('mouseup', () => { clearTimeout(timer); timer = setTimeout(send, 150); });
                note.addEventListener('keyup', e => { if (e.shiftKey) { clearTimeout(timer); timer = setTimeout(send, 300); } });
                """);
    }

    /** Called from the browser with the selected text. */
    @ClientCallable
    public void selected(String text) {
        if (text != null && !text.isBlank()) {
            selectionListener.accept(text.strip().length() > 120 ? text.strip().substring(0, 120) : text.strip());
        }
    }
}
