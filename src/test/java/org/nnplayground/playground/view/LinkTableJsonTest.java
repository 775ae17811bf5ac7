package org.nnplayground.playground.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.data.CsvImport;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The table the page embeds carries the limits the browser checks, so web/js keeps no copy of them. */
class LinkTableJsonTest {
    @Test
    void theCsvLimitComesFromTheServer() throws Exception {
        JsonNode table = new ObjectMapper().readTree(LinkTableJson.JSON);
        assertEquals(CsvImport.MAX_BYTES, table.get("limits").get("csvBytes").asInt());
        assertFalse(table.has("hidable"), "nothing in web/js reads it");
        for (String module : new String[] {"upload.js", "main.js"}) {
            String js = Files.readString(Path.of("web/js", module));
            assertFalse(js.contains("2 * 1024 * 1024") || js.contains("2 MiB") || js.contains("2097152"), module + " keeps its own CSV limit");
        }
    }
}
