package org.openrma.service.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser without a browser: cookies kept, redirects not followed, forms posted with or without the page's CSRF token. */
public final class FormClient {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    public FormClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public record Page(int status, HttpResponse<String> response) {
        public String body() {
            return response.body();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public List<String> headers(String name) {
            return response.headers().allValues(name);
        }

        /** The CSRF token the page carries (a form's hidden field, else the meta tag htmx reads). */
        public String csrf() {
            Matcher m = CSRF_FIELD.matcher(body());
            if (m.find()) {
                return m.group(1);
            }
            Matcher meta = CSRF_META.matcher(body());
            return meta.find() ? meta.group(1) : null;
        }
    }

    public Page get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET().header("Accept", "text/html");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    public Page post(String path, String form, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    /** Posts a form as the page {@code from} would: with its CSRF token. */
    public Page submit(Page from, String path, String form, String... headers) {
        String token = from.csrf();
        if (token == null) {
            throw new AssertionError("the page has no CSRF token: " + from.body());
        }
        return post(path, (form.isEmpty() ? "" : form + "&") + "_csrf=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8),
                headers);
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue)
                .findFirst().orElse(null);
    }

    /** Signs in to the console; fails the test unless it leads to the console. */
    public Page signIn(String email, String password) {
        Page login = get("/console/login");
        Page r = submit(login, "/console/login", "email=" + enc(email) + "&password=" + enc(password));
        if (r.status() != 302 || r.header("Location").contains("error")) {
            throw new AssertionError("sign-in as " + email + " failed: " + r.status() + " " + r.header("Location"));
        }
        return r;
    }

    public static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private Page send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(r.statusCode(), r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
