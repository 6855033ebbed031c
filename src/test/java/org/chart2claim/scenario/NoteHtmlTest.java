package org.chart2claim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Notes are rendered by CommonMark and the OWASP sanitizer: the Markdown a note uses survives, and raw HTML,
 * scripts, event handlers and {@code javascript:} links never reach the page, even if a text got past the
 * loader's own refusal of them.
 */
class NoteHtmlTest {

    @Test
    void theMarkdownANoteUsesIsRendered() {
        String html = NoteHtml.render("""
                **S:** 29-year-old man, *fever*.

                - one
                - two

                | test | result |
                |---|---|
                | Rapid strep | **POSITIVE** |

                See [CDC](https://www.cdc.gov/).
                """);
        assertThat(html)
                .contains("<strong>S:</strong>")
                .contains("<em>fever</em>")
                .contains("<li>one</li>")
                .contains("<table>")
                .contains("<td>Rapid strep</td>")
                .contains("href=\"https://www.cdc.gov/\"")
                .containsPattern("rel=\"[a-z ]*noopener[a-z ]*\"");
    }

    @Test
    void rawHtmlScriptsHandlersAndScriptLinksNeverComeOut() {
        String html = NoteHtml.render("""
                Before <script>alert('x')</script> after.

                <img src="x" onerror="alert(1)">

                <div onclick="steal()">click</div>

                [click me](javascript:alert(1)) and [data](data:text/html;base64,PHNjcmlwdD4=)

                <a href="javascript:alert(2)">raw link</a> <iframe src="https://evil.example"></iframe>
                """);
        String lower = html.toLowerCase();
        assertThat(lower)
                .doesNotContain("<script")
                .doesNotContain("<img")
                .doesNotContain("<iframe")
                .doesNotContain("<div")
                .doesNotContain("onerror=")
                .doesNotContain("onclick=")
                .doesNotContain("href=\"javascript")
                .doesNotContain("href=\"data");
        // Escaped, the text stays readable for the author to see what they wrote.
        assertThat(html).contains("&lt;script&gt;").contains("click me");
    }

    @Test
    void everyShippedNoteRendersWithItsTables() throws Exception {
        String text = Files.readString(Path.of("scenarios", "dm-001-cpap-setup.md"));
        String note = text.substring(text.indexOf("\n---", 4) + 4);
        assertThat(NoteHtml.render(note)).contains("<table>").doesNotContain("&lt;table");
    }
}
