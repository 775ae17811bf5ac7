package org.nnplayground.playground.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Where saved runs live. No web types: the server, the CLI and tests use it alike, and later
 * rooms and several servers sharing one database. Every method may throw
 * {@link StoreException} with a message for people (database down, disk full).
 */
public interface RunStore extends AutoCloseable {
    /** Stores a new run. */
    void save(StoredRun run);

    /** The run with this id, marked as opened now (retention counts from the last opening). */
    Optional<StoredRun> open(String id);

    /** Deletes runs last opened before {@code cutoff}; returns how many. */
    int deleteNotOpenedSince(Instant cutoff);

    /** Releases connections. */
    @Override
    void close();
}
