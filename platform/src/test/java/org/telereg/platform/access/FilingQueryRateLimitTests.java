package org.telereg.platform.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The public filing query, its portal page and the change feed share the public rate limit. */
class FilingQueryRateLimitTests {

    @Test
    void theFilingQueryAndChangeFeedAnswer429OnceTheLimitIsUsed() throws Exception {
        PublicRateLimiter limiter =
                new PublicRateLimiter(3, Clock.fixed(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC));
        String[] paths = {"/api/v1/public/filings", "/public/filings", "/api/v1/public/filing-changes"};
        for (String path : paths) {
            assertThat(call(limiter, path).getStatus()).as(path).isEqualTo(200);
        }
        for (String path : paths) {
            MockHttpServletResponse refused = call(limiter, path);
            assertThat(refused.getStatus()).as(path).isEqualTo(429);
            assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
        }
    }

    private static MockHttpServletResponse call(PublicRateLimiter limiter, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr("198.51.100.9");
        MockHttpServletResponse response = new MockHttpServletResponse();
        limiter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
