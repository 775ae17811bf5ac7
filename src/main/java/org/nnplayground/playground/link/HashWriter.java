package org.nnplayground.playground.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes settings as a hash the way TF Playground serializes: TF's keys in table order (skipping
 * absent values and regularization none, and the data sets when the data is the student's own), then
 * the hidden controls, then our keys that were set.
 */
final class HashWriter {

    private HashWriter() { }

    /** The hash text, without a leading '#'. */
    static String write(Map<LinkKey, Object> values, Set<String> hidden) {
        List<String> parts = new ArrayList<>();
        addKeys(parts, values, Origin.TENSORFLOW);
        for (String control : hidden) parts.add(LinkText.encode(control) + LinkKey.HIDE_SUFFIX + "=true");
        addKeys(parts, values, Origin.OURS);
        return String.join("&", parts);
    }

    private static void addKeys(List<String> parts, Map<LinkKey, Object> values, Origin origin) {
        for (LinkKey key : LinkKey.values()) {
            Object value = values.get(key);
            // a run of the student's own data (data=local) names no TF data set it does not use
            boolean unused = (key == LinkKey.DATASET || key == LinkKey.REG_DATASET) && values.get(LinkKey.DATA) != null;
            if (key.origin() == origin && key.isWritten(value) && !unused) {
                parts.add(key.key() + "=" + LinkText.encode(key.format(value)));
            }
        }
    }
}
