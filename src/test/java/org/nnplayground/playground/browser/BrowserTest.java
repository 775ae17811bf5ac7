package org.nnplayground.playground.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

import java.io.IOException;

/** Base of the browser tier: one server and one headless Chromium per test class. */
@Tag("browser")
abstract class BrowserTest {
    protected static BrowserSession browser;

    @BeforeAll
    static void start() throws IOException { browser = BrowserSession.start(); }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) browser.close();
        browser = null;
    }
}
