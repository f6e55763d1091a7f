package cl.aula.sige.simulator.soap;

import cl.aula.sige.simulator.stats.CallStatistics;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses SOAP request bodies over the limit with 413: at once when Content-Length says so, or
 * while the body is read when it comes in chunks ({@link SigeMessageReceiverHandlerAdapter}
 * answers then).
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

    static final String TOO_LARGE = "TOO_LARGE";

    /** Set on a request whose body went past the limit while it was read. */
    static final String TOO_LARGE_ATTRIBUTE = RequestSizeLimitFilter.class.getName() + ".tooLarge";

    private final long maxBytes;
    private final CallStatistics statistics;

    RequestSizeLimitFilter(long maxBytes, CallStatistics statistics) {
        this.maxBytes = maxBytes;
        this.statistics = statistics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            statistics.recordTransportFault(TOO_LARGE);
            refuse(response, maxBytes);
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    static void refuse(HttpServletResponse response, long maxBytes) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream()
                .write(("Request body larger than " + maxBytes + " bytes\n").getBytes(StandardCharsets.UTF_8));
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedInputStream(super.getInputStream(), maxBytes, this);
            }
            return limited;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long maxBytes;
        private final HttpServletRequest request;
        private long read;

        LimitedInputStream(ServletInputStream in, long maxBytes, HttpServletRequest request) {
            this.in = in;
            this.maxBytes = maxBytes;
            this.request = request;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws RequestTooLargeException {
            read += n;
            if (read > maxBytes) {
                // The parser reading this may wrap the exception beyond recognition: say it here too.
                request.setAttribute(TOO_LARGE_ATTRIBUTE, Boolean.TRUE);
                throw new RequestTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
