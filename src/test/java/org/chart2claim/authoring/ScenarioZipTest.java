package org.chart2claim.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Zips in and out: round trip, and the hostile zips refused whole (climbing paths, bombs, duplicate names). */
class ScenarioZipTest {

    @Test
    void writtenZipsReadBackAndDocumentsAreSkipped() throws Exception {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("a-1", "---\nid: a-1\n---\nnote");
        texts.put("b-2", "---\nid: b-2\n---\nnote é");
        assertThat(ScenarioZip.read(ScenarioZip.write(texts)))
                .containsEntry("a-1.md", texts.get("a-1"))
                .containsEntry("b-2.md", texts.get("b-2"));
        Map<String, byte[]> withDocs = new LinkedHashMap<>();
        withDocs.put("set/README.md", "docs".getBytes(StandardCharsets.UTF_8));
        withDocs.put("set/c-3.md", "x".getBytes(StandardCharsets.UTF_8));
        withDocs.put("set/notes.txt", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(ScenarioZip.read(AuthoringFixtures.zip(withDocs))).containsOnlyKeys("c-3.md");
    }

    @Test
    void pathsThatClimbOutOrAreAbsoluteRefuseTheWholeZip() throws Exception {
        for (String name :
                new String[] {"../evil.md", "a/../../evil.md", "/etc/evil.md", "a\\..\\evil.md", "C:/x.md"}) {
            byte[] zip = AuthoringFixtures.zip(Map.of(name, "x".getBytes(StandardCharsets.UTF_8)));
            assertThatThrownBy(() -> ScenarioZip.read(zip))
                    .isInstanceOf(ScenarioZip.RefusedException.class)
                    .hasMessageContaining("unsafe path");
        }
    }

    @Test
    void aZipBombIsRefusedWhileInflating() throws Exception {
        byte[] zeros = new byte[(int) ScenarioZip.MAX_ENTRY_BYTES + 1];
        byte[] bomb = AuthoringFixtures.zip(Map.of("bomb.md", zeros));
        assertThat(bomb.length).isLessThan(10_000); // tiny on the wire
        assertThatThrownBy(() -> ScenarioZip.read(bomb))
                .isInstanceOf(ScenarioZip.RefusedException.class)
                .hasMessageContaining("zip bomb");
        Map<String, byte[]> many = new LinkedHashMap<>();
        byte[] big = new byte[(int) ScenarioZip.MAX_ENTRY_BYTES - 10];
        for (int i = 0; i < ScenarioZip.MAX_TOTAL_BYTES / big.length + 1; i++) {
            many.put("f" + i + ".md", big);
        }
        byte[] wide = AuthoringFixtures.zip(many);
        assertThatThrownBy(() -> ScenarioZip.read(wide))
                .isInstanceOf(ScenarioZip.RefusedException.class)
                .hasMessageContaining("inflates to more than");
    }

    @Test
    void twoEntriesWithOneFileNameAndNonZipsAreRefused() throws Exception {
        Map<String, byte[]> twice = new LinkedHashMap<>();
        twice.put("a/x-1.md", "1".getBytes(StandardCharsets.UTF_8));
        twice.put("b/x-1.md", "2".getBytes(StandardCharsets.UTF_8));
        byte[] zip = AuthoringFixtures.zip(twice);
        assertThatThrownBy(() -> ScenarioZip.read(zip)).hasMessageContaining("two files named x-1.md");
        assertThatThrownBy(() -> ScenarioZip.read("just text".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ScenarioZip.RefusedException.class)
                .hasMessageContaining("not a zip");
    }

    @Test
    void aFileThatIsNotUtf8IsKeptForAPerFileError() throws Exception {
        byte[] zip = AuthoringFixtures.zip(Map.of("bad.md", new byte[] {(byte) 0xC3, (byte) 0x28}));
        assertThat(ScenarioZip.read(zip)).containsEntry("bad.md", null);
    }
}
