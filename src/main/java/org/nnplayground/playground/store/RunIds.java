package org.nnplayground.playground.store;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Run ids: 128 random bits in base 62 (22 characters), so links cannot be guessed or enumerated. */
public final class RunIds {
    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int LENGTH = 22; // 62^22 > 2^128
    private static final Pattern FORM = Pattern.compile("[0-9A-Za-z]{" + LENGTH + "}");
    private static final BigInteger BASE = BigInteger.valueOf(DIGITS.length());
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {}

    public static String next() {
        BigInteger n = new BigInteger(1, bytes());
        char[] out = new char[LENGTH];
        for (int i = LENGTH - 1; i >= 0; i--) {
            BigInteger[] qr = n.divideAndRemainder(BASE);
            out[i] = DIGITS.charAt(qr[1].intValue());
            n = qr[0];
        }
        return new String(out);
    }

    /** True when {@code id} has the form of a run id (checked before any database look-up). */
    public static boolean isWellFormed(String id) { return id != null && FORM.matcher(id).matches(); }

    private static byte[] bytes() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }
}
