package org.nnplayground.playground.web;

import org.nnplayground.playground.session.Checkpoints;
import org.nnplayground.playground.session.RunSnapshot;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Checkpoints in memory, shared by the test's servers as a database would be. */
final class MemoryCheckpoints implements Checkpoints {
    final Map<String, Checkpoint> saved = new ConcurrentHashMap<>();

    @Override
    public void save(String key, RunSnapshot snapshot) { saved.put(key, new Checkpoint(snapshot, System.currentTimeMillis())); }

    @Override
    public void flush() {}

    @Override
    public Optional<Checkpoint> load(String key) { return Optional.ofNullable(saved.get(key)); }

    @Override
    public void delete(String key) { saved.remove(key); }
}
