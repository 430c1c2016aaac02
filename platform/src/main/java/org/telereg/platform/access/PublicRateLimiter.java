package org.telereg.platform.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits how often one client address may call the public portal and the public API: a fixed
 * one-minute window per address, answered with 429 and Retry-After once exhausted.
 */
class PublicRateLimiter extends OncePerRequestFilter {

    private final int requestsPerMinute;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    PublicRateLimiter(int requestsPerMinute, Clock clock) {
        this.requestsPerMinute = requestsPerMinute;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/public") || path.startsWith("/api/v1/public"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long minute = clock.millis() / 60_000;
        if (windows.size() > 100_000) {
            // A flood of distinct addresses must not grow the map without bound.
            windows.values().removeIf(window -> window.minute < minute);
        }
        Window window = windows.compute(
                request.getRemoteAddr(),
                (address, current) -> current == null || current.minute != minute ? new Window(minute) : current);
        if (window.count.incrementAndGet() > requestsPerMinute) {
            long secondsLeft = 60 - (clock.millis() / 1000) % 60;
            response.setHeader("Retry-After", Long.toString(secondsLeft));
            ProblemResponses.write(
                    response,
                    429,
                    "Too Many Requests",
                    "请求过于频繁，请 " + secondsLeft + " 秒后再试 / too many requests, retry in " + secondsLeft + " s",
                    request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }

    private static final class Window {
        final long minute;
        final AtomicInteger count = new AtomicInteger();

        Window(long minute) {
            this.minute = minute;
        }
    }
}
