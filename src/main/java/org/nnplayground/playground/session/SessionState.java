package org.nnplayground.playground.session;

import java.util.Locale;

/** What a session is doing. */
public enum SessionState {
    PAUSED, PLAYING, DIVERGED;

    /** The name on the wire. */
    public String key() { return name().toLowerCase(Locale.ROOT); }
}
