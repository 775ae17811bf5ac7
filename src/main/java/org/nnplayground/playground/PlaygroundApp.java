package org.nnplayground.playground;

public final class PlaygroundApp {
    public static void main(String[] args) {
        System.out.println("playground");
    }
}
