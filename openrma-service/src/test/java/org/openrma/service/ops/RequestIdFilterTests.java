package org.openrma.service.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The request id is in the logging context (so in every JSON log line) while the request is served, and only then. */
class RequestIdFilterTests {

    @Test
    void logLinesWrittenWhileServingCarryTheIdOfTheResponseHeader() throws Exception {
        AtomicReference<String> seenByTheApplication = new AtomicReference<>();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/rmas");
        request.addHeader(RequestIdFilter.HEADER, "edge-7f3a");
        MockHttpServletResponse response = new MockHttpServletResponse();

        new RequestIdFilter().doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res) {
                seenByTheApplication.set(MDC.get(RequestIdFilter.MDC_KEY));
            }
        }));

        assertThat(seenByTheApplication).hasValue("edge-7f3a");
        assertThat(response.getHeader(RequestIdFilter.HEADER)).isEqualTo("edge-7f3a");
        assertThat(MDC.get(RequestIdFilter.MDC_KEY)).as("cleared for the thread's next request").isNull();
    }

    @Test
    void anImplausibleIncomingIdIsReplacedAndAPlausibleOneKept() {
        assertThat(RequestIdFilter.idOf("a\nfake log line")).matches("[0-9a-f-]{36}");
        assertThat(RequestIdFilter.idOf("x".repeat(65))).matches("[0-9a-f-]{36}");
        assertThat(RequestIdFilter.idOf("")).matches("[0-9a-f-]{36}");
        assertThat(RequestIdFilter.idOf(null)).matches("[0-9a-f-]{36}");
        assertThat(RequestIdFilter.idOf("lb.2026-12-02:abc_9")).isEqualTo("lb.2026-12-02:abc_9");
    }

    @Test
    void aNewIdIsAVersion4UuidAndEveryOneDiffers() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIdFilter.newId();
            java.util.UUID uuid = java.util.UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            ids.add(id);
        }
        assertThat(ids).hasSize(10_000);
    }
}
