package org.nnplayground.playground.room;

import org.nnplayground.playground.session.Boundary;
import org.nnplayground.playground.session.ImageMistakes;

import java.util.List;
import java.util.Set;

/**
 * What happens in a room, as data: teacher actions and roster changes travel as events so that
 * every server holding a copy of the room (some of its students, its dashboard) applies them the
 * same way (see {@link RoomEvents}), and student pages are told. With several replicas they cross
 * servers as JSON (codec/RoomEventCodec), so they stay small: control and summaries, never frames.
 */
public sealed interface RoomEvent {
    /** The teacher pushed an exercise: students load it; {@code locked} lists what is turned off. */
    record ExercisePushed(String link, Set<String> locked) implements RoomEvent {}

    record PauseAll() implements RoomEvent {}

    record ResumeAll() implements RoomEvent {}

    record ResetAll() implements RoomEvent {}

    /** A short message from the teacher to every student. */
    record Notice(String text) implements RoomEvent {}

    /** One student's run is on the projector (null: none). */
    record Spotlight(String studentId) implements RoomEvent {}

    /** The teacher removed a student. */
    record Removed(String studentId) implements RoomEvent {}

    /** The room is closed: students go back to their own playground. */
    record Closed() implements RoomEvent {}

    /** The dashboards show "Student N" instead of names (or names again). */
    record Anonymized(boolean on) implements RoomEvent {}

    /** A student joined (on any replica): every copy of the room puts them on its roster. {@code token}: the resume token's hash. */
    record StudentJoined(String studentId, String token, String name, int number, long joinedMillis, String link) implements RoomEvent {}

    /** A student left the class for good (their card goes). */
    record StudentLeft(String studentId) implements RoomEvent {}

    /** A student's page connected to {@code replica}: their session lives there now; another replica holding one frees it. */
    record Attached(String studentId, String replica) implements RoomEvent {}

    /**
     * Whether dashboards on {@code replica} show the class view ({@code on}: repeated every few
     * seconds while they do); the students' sessions draw their boundaries only while some server's do.
     */
    record ClassView(String replica, boolean on) implements RoomEvent {}

    /**
     * The cards of the students whose sessions live on {@code replica} (a summary twice a second of
     * those that changed, and all of them every few seconds), so every copy's dashboard, leaderboard
     * and report show them.
     */
    record Cards(String replica, List<RemoteCard> cards) implements RoomEvent {}

    /**
     * One student's card as their replica sees it, with what the leaderboard and the report need.
     * {@code link}: the run's link, or null when it has not changed since the last one sent;
     * {@code boundary}: the class view's picture, null when it has not changed since the last one
     * sent ({@link Boundary#NONE}: there is none now, nobody shows the class view).
     */
    record RemoteCard(String id, int epoch, double lossTrain, double lossTest, double metricTrain, double metricTest,
                      String problem, String state, int parameters, long lastActivityMillis, byte[] thumbs, int thumbCount,
                      double bestLossTest, int bestParameters, int bestEpoch, long bestMillis, String link,
                      Double bestAccuracyTest, ImageMistakes mistakes, Boundary boundary) {
        /** A card of a run on plain data (ranked by test loss, no mistakes to show). */
        public RemoteCard(String id, int epoch, double lossTrain, double lossTest, double metricTrain, double metricTest,
                          String problem, String state, int parameters, long lastActivityMillis, byte[] thumbs, int thumbCount,
                          double bestLossTest, int bestParameters, int bestEpoch, long bestMillis, String link) {
            this(id, epoch, lossTrain, lossTest, metricTrain, metricTest, problem, state, parameters, lastActivityMillis, thumbs,
                    thumbCount, bestLossTest, bestParameters, bestEpoch, bestMillis, link, null, null, null);
        }

        /** The same card without its link (to fit a notification). */
        public RemoteCard withoutLink() {
            return new RemoteCard(id, epoch, lossTrain, lossTest, metricTrain, metricTest, problem, state, parameters,
                    lastActivityMillis, thumbs, thumbCount, bestLossTest, bestParameters, bestEpoch, bestMillis, null,
                    bestAccuracyTest, mistakes, boundary);
        }

        /** The same card without thumbnails, mistaken images nor boundary (the last resort to fit a notification). */
        public RemoteCard withoutThumbs() {
            return new RemoteCard(id, epoch, lossTrain, lossTest, metricTrain, metricTest, problem, state, parameters,
                    lastActivityMillis, new byte[0], 0, bestLossTest, bestParameters, bestEpoch, bestMillis, link,
                    bestAccuracyTest, null, null);
        }
    }
}
