package org.nnplayground.playground.room;

import org.nnplayground.playground.session.Checkpoints;

import java.time.Duration;

/**
 * This server among the replicas that share one database (docs/architecture.md, "Several
 * servers"): its name, whether rooms span servers (a shared PostgreSQL: rooms are found in the
 * store, roster changes and card summaries travel as events), and where the runs of its room
 * students are checkpointed so another replica can take them over (null: nowhere).
 */
public record Replica(String id, boolean shared, Checkpoints checkpoints, Duration checkpointEvery) {
    /** One server alone (the embedded default): rooms live in this process. */
    public static Replica alone() { return new Replica("local", false, null, Duration.ofSeconds(5)); }
}
