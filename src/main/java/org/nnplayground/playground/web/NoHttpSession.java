package org.nnplayground.playground.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

/**
 * Javalin copies the HTTP session's attributes into every WebSocket context, and asking for them
 * creates a Jetty session (and a JSESSIONID cookie) per upgrade, kept for ever. The playground
 * keeps no HTTP state, so /ws requests see an empty, throwaway session instead.
 */
final class NoHttpSession implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request instanceof HttpServletRequest http) {
            chain.doFilter(new HttpServletRequestWrapper(http) {
                @Override
                public HttpSession getSession(boolean create) { return create ? new Empty(http.getServletContext()) : null; }

                @Override
                public HttpSession getSession() { return getSession(true); }
            }, response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** A session that holds nothing and is forgotten at once. */
    private record Empty(ServletContext context) implements HttpSession {
        public long getCreationTime() { return 0; }
        public String getId() { return ""; }
        public long getLastAccessedTime() { return 0; }
        public ServletContext getServletContext() { return context; }
        public void setMaxInactiveInterval(int interval) {}
        public int getMaxInactiveInterval() { return 0; }
        public Object getAttribute(String name) { return null; }
        public Enumeration<String> getAttributeNames() { return Collections.emptyEnumeration(); }
        public void setAttribute(String name, Object value) {}
        public void removeAttribute(String name) {}
        public void invalidate() {}
        public boolean isNew() { return true; }
    }
}
