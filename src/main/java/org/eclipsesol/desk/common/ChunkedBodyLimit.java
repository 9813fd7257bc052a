package org.eclipsesol.desk.common;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.BlockingOperationSupport;

import io.vertx.ext.web.RoutingContext;

/**
 * Counts the bytes of a chunked REST body (no Content-Length) as the endpoint consumes it, JSON entity or multipart
 * form alike, and fails with {@link BodyTooLargeException} (mapped to the 413 problem) once it passes
 * quarkus.http.limits.max-body-size. A declared body over the limit never gets here (HttpLimitProblems refuses it
 * before it is read), and the HTTP layer's own cut-off of a chunked body lies further out (HttpLimitProblems.SLACK),
 * so this one is met first and the answer is a problem instead of a bare 413.
 * <p>
 * A request filter, because filters run before the body is read (the multipart form too) and, for blocking endpoints
 * (all of this API's), on the worker thread, where the body is read as a blocking stream anyway.
 */
public class ChunkedBodyLimit {

    @Inject
    HttpLimitProblems limits;

    @ServerRequestFilter
    public void count(ContainerRequestContext request, RoutingContext ctx) {
        if (ctx.get(HttpLimitProblems.CHUNKED) != null && BlockingOperationSupport.isBlockingAllowed()) {
            request.setEntityStream(new Counting(request.getEntityStream(), limits.limit()));
        }
    }

    /** Fails once more than {@code limit} bytes have been read. */
    static final class Counting extends FilterInputStream {

        private final long limit;
        private long count;
        private boolean over;

        Counting(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            if (skipped > 0) {
                counted(skipped);
            }
            return skipped;
        }

        /**
         * Once over the limit, closing does not reach the HTTP input stream, which would first read (and drop) the
         * rest of the body, however long, before the 413 could be sent; the connection is closed after the 413
         * instead (HttpLimitProblems).
         */
        @Override
        public void close() throws IOException {
            if (!over) {
                super.close();
            }
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void counted(long n) throws BodyTooLargeException {
            count += n;
            if (count > limit) {
                over = true;
                throw new BodyTooLargeException();
            }
        }
    }
}
