package org.nnplayground.playground.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnplayground.playground.data.CsvImport;
import org.nnplayground.playground.data.Feature;
import org.nnplayground.playground.export.CodeText;
import org.nnplayground.playground.link.LinkKey;

/**
 * The LinkKey table as JSON, embedded in the page so the browser's state and controls read the
 * same keys, defaults, ranges, labels and effects as the server, and the limits the page checks
 * before sending (no second list in web/js).
 */
final class LinkTableJson {
    private LinkTableJson() {}

    /** Built once: the table is constant. */
    static final String JSON = build();

    private static String build() {
        List<Map<String, Object>> keys = new ArrayList<>();
        for (LinkKey k : LinkKey.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", k.key());
            row.put("origin", k.origin().name().toLowerCase());
            row.put("shows", k.shows());
            row.put("effect", k.effect().name().toLowerCase());
            row.put("label", k.label());
            if (k.help() != null) row.put("help", k.help());
            row.put("control", k.control().kind().name().toLowerCase());
            row.put("options", k.control().options());
            if (k.control().step() > 0) {
                row.put("step", k.control().step());
                row.put("sliderMax", k.control().max());
            }
            row.put("allowed", k.allowed());
            keys.add(row);
        }
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("keys", keys);
        table.put("features", Arrays.stream(Feature.values()).map(Feature::key).toList());
        table.put("hideSuffix", LinkKey.HIDE_SUFFIX);
        // the limits the page checks before it sends (the server checks them again)
        table.put("limits", Map.of("csvBytes", CsvImport.MAX_BYTES, "inlineCsvBytes", CsvImport.INLINE_BYTES));
        try {
            // the shared writer escapes "<", so the JSON cannot end the script element it sits in
            return CodeText.JSON.writeValueAsString(table);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the link table cannot be written as JSON", e);
        }
    }
}
