package org.nnplayground.playground.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a server flag's {@code @Option} cannot say: the environment variable that sets it when the
 * flag is absent, and the range a whole number must fall in.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@interface Flag {
    /** The environment variable ({@code MAX_SESSIONS} for {@code --max-sessions}). */
    String env();

    /** Smallest allowed value (whole-number flags only). */
    long min() default Long.MIN_VALUE;

    /** Largest allowed value (whole-number flags only). */
    long max() default Long.MAX_VALUE;
}
