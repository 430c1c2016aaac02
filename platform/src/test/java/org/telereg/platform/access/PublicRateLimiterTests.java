package org.telereg.platform.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class PublicRateLimiterTests {

    private static MockHttpServletResponse call(PublicRateLimiter limiter, String path, String address)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        limiter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void refusesTheRequestAfterTheLimitUntilTheNextMinute() throws Exception {
        Instant tenSecondsIntoAMinute = Instant.parse("2026-11-28T08:00:10Z");
        PublicRateLimiter limiter = new PublicRateLimiter(3, Clock.fixed(tenSecondsIntoAMinute, ZoneOffset.UTC));

        for (int i = 0; i < 3; i++) {
            assertThat(call(limiter, "/public/reports/new", "198.51.100.1").getStatus())
                    .isEqualTo(200);
        }
        MockHttpServletResponse refused = call(limiter, "/public/reports/new", "198.51.100.1");

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("50");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"status\":429").contains("50");
        assertThat(call(limiter, "/public/reports/new", "198.51.100.2").getStatus())
                .isEqualTo(200);
    }

    @Test
    void leavesTheConsoleAndTheOperatorApiAlone() throws Exception {
        PublicRateLimiter limiter = new PublicRateLimiter(1, Clock.systemUTC());

        for (int i = 0; i < 5; i++) {
            assertThat(call(limiter, "/console/entities", "198.51.100.3").getStatus())
                    .isEqualTo(200);
            assertThat(call(limiter, "/api/v1/entities", "198.51.100.3").getStatus())
                    .isEqualTo(200);
        }
    }
}
