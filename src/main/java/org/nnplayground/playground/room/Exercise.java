package org.nnplayground.playground.room;

import org.nnplayground.playground.link.LinkKey;
import org.nnplayground.playground.link.PlaygroundLink;
import org.nnplayground.playground.link.PlaygroundSettings;
import org.nnplayground.playground.session.RunPlanner;

import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An exercise the teacher pushed: a playground link. Every control it hides ({@code <key>_hide=true})
 * is locked for students: its setting keeps the exercise's value, and the buttons it hides
 * (play, step, reset; a hidden play also turns off drawing and sweeps) refuse their request. Students cannot unhide controls either.
 */
public final class Exercise {
    /** Hidden names that are not link keys: the buttons and the layer count TF Playground can hide. */
    // drawing replaces the data and starts training: it is locked with the data set and with play;
    // a sweep trains too (other networks, in the background): a class told not to train may not sweep
    private static final Map<String, List<String>> HIDDEN_TO_LOCKED = Map.of(
            "playButton", List.of("play", "drawPoint", "removePoint", "sweep"),
            "stepButton", List.of("step"),
            "resetButton", List.of("reset"),
            "numHiddenLayers", List.of("networkShape"),
            "dataset", List.of("dataset", "loadCsv", "drawPoint", "removePoint"),
            "regDataset", List.of("regDataset", "loadCsv", "drawPoint", "removePoint"));
    /** What the page calls the requests an exercise can turn off (its errors speak the page's words, not request names). */
    private static final Map<String, String> PAGE_WORDS = Map.of(
            "play", "The Play button",
            "step", "The Step button",
            "reset", "The Reset button",
            "drawPoint", "Drawing points",
            "removePoint", "Removing drawn points",
            "sweep", "Running a sweep",
            "loadCsv", "Uploading your own data (CSV)",
            "networkShape", "Changing the neurons and layers");
    private static final SecureRandom SEEDS = new SecureRandom();

    private final String link;
    private final PlaygroundSettings settings;
    private final Set<String> locked;

    private Exercise(String link, PlaygroundSettings settings, Set<String> locked) {
        this.link = link;
        this.settings = settings;
        this.locked = Set.copyOf(locked);
    }

    /** Parses a link (a full URL or the part after '#'); a bad link is refused with the parser's message. */
    public static Exercise of(String link) {
        if (link == null || link.isBlank()) throw new RoomException(RoomException.Kind.BAD_REQUEST, "the exercise needs a playground link");
        PlaygroundSettings s;
        try {
            // a playground forgives a bad value (default + warning); a class exercise must be what the teacher meant
            var parsed = PlaygroundLink.parse(link, SEEDS);
            if (!parsed.warnings().isEmpty()) throw new IllegalArgumentException(String.join("; ", parsed.warnings()));
            s = parsed.settings();
        } catch (RuntimeException e) {
            throw new RoomException(RoomException.Kind.BAD_REQUEST, "that exercise link cannot be used: " + e.getMessage());
        }
        Set<String> locked = new LinkedHashSet<>();
        for (String hidden : s.hiddenControls()) locked.addAll(HIDDEN_TO_LOCKED.getOrDefault(hidden, List.of(hidden)));
        return new Exercise(s.toHash(), s, locked);
    }

    /**
     * {@link #of}, and the run planned as each student's session will plan it
     * ({@link RunPlanner#plan}: what {@code Session.load} does, less the fallbacks it forgives with
     * a warning): a link over the work limits, or one a page would only load with a setting changed,
     * is refused, so that no student is pushed an exercise that fails or is not what the teacher
     * meant. Nothing is generated, but the bundled images are read the first time: call it off any lock.
     */
    public static Exercise buildable(String link) {
        Exercise exercise = of(link);
        List<String> changed;
        try {
            changed = RunPlanner.plan(exercise.settings, null).warnings();
        } catch (IllegalArgumentException refused) {
            changed = List.of(refused.getMessage());
        }
        if (!changed.isEmpty()) {
            throw new RoomException(RoomException.Kind.BAD_REQUEST, "that exercise cannot be built for the students: " + String.join("; ", changed));
        }
        return exercise;
    }

    /** The link (canonical, with its seed), as students load it. */
    public String link() { return link; }

    /** Locked setting keys and requests (play, step, reset, loadCsv, drawPoint, removePoint, sweep), for the page to turn off. */
    public Set<String> locked() { return locked; }

    /**
     * Why a student may not send {@code request} (for {@code set}: with {@code key}), or null when allowed.
     */
    public String refusal(String request, String key) {
        if (request.equals("set") && key != null) {
            if (key.endsWith(LinkKey.HIDE_SUFFIX) && !locked.isEmpty()) return "the exercise decides which controls are shown";
            if (locked.contains(key)) return pageWords(key) + " is locked by your teacher's exercise";
            return null;
        }
        if (locked.contains(request)) return pageWords(request) + " is turned off by your teacher's exercise";
        return null;
    }

    /** A request or setting as the page names it: its button, or its control's label. */
    static String pageWords(String requestOrKey) {
        String words = PAGE_WORDS.get(requestOrKey);
        if (words != null) return words;
        return LinkKey.find(requestOrKey).map(k -> k.label() == null ? null : "\u201c" + k.label() + "\u201d").orElse("This control");
    }

    /** A student's own link with every locked setting and hidden control put back to the exercise's. */
    public String enforce(String studentLink) {
        PlaygroundSettings mine;
        try {
            mine = PlaygroundLink.parse(studentLink == null ? "" : studentLink, SEEDS).settings();
        } catch (RuntimeException e) {
            return link;
        }
        for (String hidden : mine.hiddenControls()) if (!settings.hiddenControls().contains(hidden)) mine = mine.withHidden(hidden, false);
        for (String hidden : settings.hiddenControls()) mine = mine.withHidden(hidden, true);
        for (String key : locked) {
            if (key.equals("networkShape") || isLinkKey(key)) mine = mine.with(key, textOf(key));
        }
        return mine.toHash();
    }

    private String textOf(String key) {
        for (LinkKey k : LinkKey.values()) if (k.key().equals(key)) return settings.text(k) == null ? "" : settings.text(k);
        return "";
    }

    private static boolean isLinkKey(String key) {
        for (LinkKey k : LinkKey.values()) if (k.key().equals(key)) return true;
        return false;
    }
}
