package org.openrma.service.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openrma.service.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Base of the browser tests: the service on a random port against the test PostgreSQL (see
 * {@link IntegrationTest}), driven by Debian's headless Chromium through Playwright. Playwright
 * never downloads a browser ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1}); the executable is
 * {@code /usr/bin/chromium}, or {@code -Dopenrma.test.chromium=<path>}. Screenshots go to
 * {@code docs/screenshots/} of the repository. Without that executable the tests are skipped, unless
 * {@code OPENRMA_REQUIRE_BROWSER=1} (see {@link Chromium}).
 */
@ExtendWith(Chromium.class)
public abstract class BrowserTest extends IntegrationTest {

    static final Path SCREENSHOTS = Path.of(System.getProperty("openrma.test.screenshots", "../docs/screenshots"));

    static {
        // Uploaded files of the tests go to a temporary folder (effective when this class starts the shared context).
        try {
            System.setProperty("openrma.ui.upload-dir", Files.createTempDirectory("openrma-ui-uploads").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Playwright playwright;
    private static Browser browser;

    @Autowired
    protected UiProperties uiProperties;
    @Autowired
    protected PageTimings timings;

    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launch() {
        if (!Chromium.available()) {
            throw new AssertionError(Chromium.REQUIRE_ENV + " is set (browser tests must run), but there is " + Chromium.missing());
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Chromium.executable()).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        context.setDefaultTimeout(10_000);
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
        }
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    protected void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /**
     * The page does not scroll sideways: nothing reaches past the viewport's right edge. On failure
     * names the outermost elements that do, so a CI log says which part of the page is too wide.
     */
    protected void assertNoSidewaysScroll(String where) {
        String tooWide = (String) page.evaluate("""
                () => {
                  const width = window.innerWidth;
                  if (document.scrollingElement.scrollWidth <= width) return '';
                  const wide = [...document.body.querySelectorAll('*')]
                      .filter(e => e.getBoundingClientRect().right > width + 0.5)
                      .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= width + 0.5);
                  return 'scrollWidth ' + document.scrollingElement.scrollWidth + ' > ' + width + ': '
                      + wide.slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                          + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                          + ' right=' + Math.round(e.getBoundingClientRect().right)).join(', ');
                }""");
        assertThat(tooWide).as(where + ": no sideways scrolling").isEmpty();
    }

    /** A phone-sized page (375 px wide, the narrowest phone the UI is built for) in its own context. */
    protected void usePhone() {
        usePhone(375, 812);
    }

    /** A phone of this viewport size in its own context. */
    protected void usePhone(int width, int height) {
        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height).setDeviceScaleFactor(1).setIsMobile(true)
                .setHasTouch(true));
        context.setDefaultTimeout(10_000);
        page = context.newPage();
    }

    /** Imports a two-line kingdo order for a merchant, delivered {@code daysAgo} days before the test clock. */
    protected JsonNode importOrder(TestMerchant m, String number, String email, int daysAgo) {
        return importOrder(m, number, email, daysAgo, "USD", "189.00");
    }

    /** The same order in {@code currency}, its first line (the IPL device) at {@code devicePrice}. */
    protected JsonNode importOrder(TestMerchant m, String number, String email, int daysAgo, String currency, String devicePrice) {
        var now = clock.instant();
        String json = """
                {"number": "%s", "channel": "official_store", "placed_at": "%s", "shipped_at": "%s", "delivered_at": "%s",
                 "currency": "%s", "shipping": {"method": "economy", "amount": "0.00"},
                 "customer": {"id": "C-%s", "email": "%s"},
                 "lines": [{"sku": "KGD-IPL-X1", "category": "ipl_device", "unit_price": "%s", "quantity": 1},
                           {"sku": "KGD-LED-MASK", "category": "led_mask", "unit_price": "120.00", "quantity": 2}]}"""
                .formatted(number, now.minus(java.time.Duration.ofDays(daysAgo + 4)), now.minus(java.time.Duration.ofDays(daysAgo + 3)),
                        now.minus(java.time.Duration.ofDays(daysAgo)), currency, number, email, devicePrice);
        var r = api.post("/api/v1/orders", json).key(m.admin()).send();
        if (r.status() != 201) {
            throw new AssertionError("order import failed: " + r);
        }
        return r.json();
    }

    protected long rmaCount(TestMerchant m) {
        return jdbc.sql("select count(*) from rma where merchant_id = ?").param(m.id()).query(Long.class).single();
    }

    protected long fileCount(TestMerchant m) {
        Path dir = uiProperties.uploadDir().resolve(m.id().toString());
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
