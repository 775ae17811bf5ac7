package org.nnplayground.playground.store;

import java.time.Instant;

/**
 * One saved run as stored: its id, its link and epoch (readable without decoding) and the
 * snapshot bytes (codec.RunSnapshotCodec).
 */
public record StoredRun(String id, String link, int epoch, Instant createdAt, byte[] snapshot) {}
