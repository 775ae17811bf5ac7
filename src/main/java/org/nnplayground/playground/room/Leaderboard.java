package org.nnplayground.playground.room;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Lowest test loss for the current exercise, or for image runs (digits, clothes) highest test
 * accuracy, as the book scores them; ties go to fewer parameters, then to whoever reached it
 * earlier. Each student's best since the exercise was pushed counts. A class mixing both kinds
 * (no exercise) lists the image runs first: a loss and an accuracy do not compare.
 */
public final class Leaderboard {
    static final int SIZE = 10;

    /**
     * One row: who, their best test loss, the parameters of that network and when they reached it;
     * {@code accuracyTest}: an image run's best test accuracy, which ranks it (null: ranked by loss).
     */
    public record Entry(String id, String name, double lossTest, int parameters, int epoch, long reachedMillis, Double accuracyTest) {
        /** A row ranked by test loss. */
        public Entry(String id, String name, double lossTest, int parameters, int epoch, long reachedMillis) {
            this(id, name, lossTest, parameters, epoch, reachedMillis, null);
        }

        boolean byAccuracy() { return accuracyTest != null; }

        /** Lower is better: the loss, or the accuracy's complement. */
        double rank() { return byAccuracy() ? -accuracyTest : lossTest; }
    }

    static final Comparator<Entry> ORDER = Comparator.comparing((Entry e) -> !e.byAccuracy())
            .thenComparingDouble(Entry::rank)
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
                entries.add(new Entry(s.id, s.shownName(anonymized), s.bestLossTest, s.bestParameters, s.bestEpoch, s.bestMillis,
                        s.bestAccuracy()));
            }
        }
        return top(entries, SIZE);
    }

    /** The best {@code size} entries (finite scores only), in leaderboard order. */
    static List<Entry> top(List<Entry> entries, int size) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) if (Double.isFinite(e.rank())) out.add(e);
        out.sort(ORDER);
        return out.size() > size ? List.copyOf(out.subList(0, size)) : out;
    }
}
