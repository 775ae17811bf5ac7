package org.nnplayground.playground.web;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty writes itself, before any route runs (a malformed request's 400, a too long
 * header's 431): with the same security headers as every other answer.
 */
final class JettyErrorPages extends ErrorHandler {
    private final SecurityHeaders headers;

    JettyErrorPages(SecurityHeaders headers) {
        this.headers = headers;
        setShowStacks(false);
        setShowMessageInTitle(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        headers.apply(response.getHeaders()::put);
        return super.handle(request, response, callback);
    }
}
