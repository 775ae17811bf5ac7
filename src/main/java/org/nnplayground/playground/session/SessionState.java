package org.nnplayground.playground.session;

/** What a session is doing. */
public enum SessionState {
    PAUSED, PLAYING, DIVERGED;

    /** The name on the wire. */
    public String key() { return name().toLowerCase(java.util.Locale.ROOT); }
}
