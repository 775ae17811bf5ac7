package org.nnplayground.playground.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Zeller's ddmin: a smaller list that still fails, by removing chunks while the failure stays. */
final class DeltaDebugging {
    private DeltaDebugging() {}

    /**
     * The smallest failing list found from {@code failing} (which must fail) within {@code budget}
     * tries of {@code fails}: 1-minimal (no single item can go) when the budget allows.
     */
    static <T> List<T> minimize(List<T> failing, Predicate<List<T>> fails, int budget) {
        List<T> current = new ArrayList<>(failing);
        int n = 2, tries = 0;
        while (current.size() >= 2 && tries < budget) {
            int chunk = (int) Math.ceil(current.size() / (double) n);
            boolean reduced = false;
            for (int start = 0; start < current.size() && tries < budget; start += chunk) {
                List<T> complement = new ArrayList<>(current.subList(0, start));
                complement.addAll(current.subList(Math.min(current.size(), start + chunk), current.size()));
                if (complement.isEmpty()) continue;
                tries++;
                if (fails.test(complement)) {
                    current = complement;
                    n = Math.max(n - 1, 2);
                    reduced = true;
                    break;
                }
            }
            if (!reduced) {
                if (n >= current.size()) break;
                n = Math.min(current.size(), 2 * n);
            }
        }
        return current;
    }
}
