package org.nnplayground.playground;

/** Placeholder until the server lands. */
final class Serve {
    private Serve() {}

    static void run(String[] args) {
        throw new IllegalStateException("the server is not built yet");
    }
}
