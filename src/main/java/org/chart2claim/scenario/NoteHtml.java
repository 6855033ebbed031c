package org.chart2claim.scenario;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * A clinical note's Markdown as HTML that is safe to put into a page: CommonMark (with GFM tables) renders it
 * with raw HTML escaped and unsafe link targets dropped, then the OWASP sanitizer keeps only the elements a
 * note uses (paragraphs, emphasis, lists, headings, tables, code, links to http(s)/mailto) and no attributes
 * that run code. Raw HTML, scripts, event handlers and {@code javascript:} links therefore never reach a page,
 * whatever a file, an upload or the editor contains. Plain Java; the one renderer of notes.
 */
public final class NoteHtml {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();

    /** What a note may contain once rendered: text structure only, links with rel="nofollow noopener". */
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("pre", "code", "hr", "br", "del")
                    .allowElements("a")
                    .allowUrlProtocols("http", "https", "mailto")
                    .allowAttributes("href")
                    .onElements("a")
                    .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
                    .allowAttributes("align")
                    .matching(false, "left", "center", "right")
                    .onElements("th", "td")
                    .toFactory());

    private NoteHtml() {}

    /** The note as sanitised HTML (a fragment: no outer element). */
    public static String render(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
        return POLICY.sanitize(html);
    }
}
