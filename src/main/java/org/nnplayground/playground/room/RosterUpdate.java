package org.nnplayground.playground.room;

import java.util.List;
import java.util.Set;

/**
 * One dashboard tick: the cards that changed since the last update this dashboard received
 * ({@code full}: every card, drop the others), the removed ids, and the room's state.
 */
public record RosterUpdate(boolean full, String code, int students, boolean anonymized, String spotlight,
                           String exercise, Set<String> locked, List<Card> cards, List<String> removed,
                           List<Leaderboard.Entry> leaderboard) {}
