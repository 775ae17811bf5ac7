package org.nnplayground.playground.link;

/** A link value that cannot be understood; the message names the key and what is allowed. */
public class LinkException extends IllegalArgumentException {

    private final String key;

    /** Refusal of the value given for {@code key}. */
    public LinkException(String key, String message) {
        super(key + ": " + message);
        this.key = key;
    }

    /** The link key whose value was refused. */
    public String key() { return key; }
}
