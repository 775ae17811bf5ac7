package org.nnplayground.playground.room;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Lowest test loss for the current exercise; ties go to fewer parameters, then to whoever
 * reached it earlier. Each student's best since the exercise was pushed counts.
 */
public final class Leaderboard {
    static final int SIZE = 10;

    /** One row: who, their best test loss, the parameters of that network and when they reached it. */
    public record Entry(String id, String name, double lossTest, int parameters, int epoch, long reachedMillis) {}

    static final Comparator<Entry> ORDER = Comparator.comparingDouble(Entry::lossTest)
            .thenComparingInt(Entry::parameters)
            .thenComparingLong(Entry::reachedMillis);

    private Leaderboard() {}

    /**
     * The leaderboard of a room's students (names as shown: {@code anonymized} or not); those on
     * other servers count with the best their last card reported ({@code me}: this replica).
     */
    static List<Entry> of(Collection<Student> students, boolean anonymized, String me) {
        List<Entry> entries = new ArrayList<>();
        for (Student s : students) {
            if (RemoteCards.remote(s, me)) {
                Entry e = RemoteCards.entry(s, s.shownName(anonymized));
                if (e != null) entries.add(e);
            } else {
                entries.add(new Entry(s.id, s.shownName(anonymized), s.bestLossTest, s.bestParameters, s.bestEpoch, s.bestMillis));
            }
        }
        return top(entries, SIZE);
    }

    /** The best {@code size} entries (finite losses only), in leaderboard order. */
    static List<Entry> top(List<Entry> entries, int size) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) if (Double.isFinite(e.lossTest())) out.add(e);
        out.sort(ORDER);
        return out.size() > size ? List.copyOf(out.subList(0, size)) : out;
    }
}
