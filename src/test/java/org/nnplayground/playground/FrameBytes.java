package org.nnplayground.playground;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Reads binary frames back in tests (docs/protocol.md): the DEFLATE stream's length, found from the frame's end. */
public final class FrameBytes {
    private FrameBytes() {}

    /** The u32 before the DEFLATE stream, which runs to the frame's end. */
    public static int compressedLength(byte[] frame) {
        for (int len = 0; len <= frame.length - 4; len++) {
            int at = frame.length - len - 4;
            if (ByteBuffer.wrap(frame, at, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() == len) return len;
        }
        throw new IllegalStateException("no compressed length");
    }

    /** The frame's bytes, leaving {@code frame} as it was. */
    public static byte[] bytes(ByteBuffer frame) {
        byte[] out = new byte[frame.remaining()];
        frame.duplicate().get(out);
        return out;
    }
}
