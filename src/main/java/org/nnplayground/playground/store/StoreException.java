package org.nnplayground.playground.store;

/** The store could not do what was asked (database down, disk full, ...); the message is for people. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
