package org.openrma.service.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrma.service.access.Caller;
import org.openrma.service.support.Api;
import org.openrma.service.support.FormClient;
import org.openrma.service.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The browser-facing security of the console, studio and portal: staff sign in with e-mail and
 * password (a new session id), every form needs the page's CSRF token, every page carries the
 * security headers, staff pages are never cached, and cookies are Secure behind HTTPS.
 */
class SecurityIntegrationTests extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private static final String EVIL = "https://evil.example";

    private JsonNode fileReturn(TestMerchant m) {
        String number = "SEC-" + m.slug();
        api.post("/api/v1/orders", Api.JSON.readTree("""
                {"number": "%s", "channel": "official_store", "placed_at": "2025-08-20T10:00:00Z", "delivered_at": "2025-08-25T12:00:00Z",
                 "delivery_status": "delivered", "currency": "USD", "customer": {"id": "C-1", "email": "sec@example.com"},
                 "lines": [{"sku": "KGD-IPL-X1", "category": "ipl_device", "unit_price": "189.00", "quantity": 1}]}""".formatted(number)))
                .key(m.agent()).send();
        return submit(m, Api.JSON.readTree("""
                {"order_number": "%s", "request": {"kind": "return", "reason": "changed_mind", "submitted_at": "2025-08-30T10:00:00Z",
                  "lines": [{"sku": "KGD-IPL-X1", "quantity": 1, "condition": "unopened"}]}}""".formatted(number)));
    }

    private static void assertSecurityHeaders(String what, FormClient.Page page) {
        String csp = page.header("Content-Security-Policy");
        assertThat(csp).as(what + " CSP").contains("frame-ancestors 'none'").contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(page.header("X-Frame-Options")).as(what).isEqualTo("DENY");
        assertThat(page.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).as(what).isNotNull();
    }

    @Test
    void staffSignInWithEmailAndPasswordAndGetANewSessionId() {
        TestMerchant m = newMerchant("kingdo");
        StaffLogin agent = staffAccount(m, Caller.Role.AGENT);
        FormClient browser = new FormClient(port);

        FormClient.Page login = browser.get("/console/login");
        String before = browser.cookie("JSESSIONID");
        assertThat(before).as("the sign-in page's session, which holds its CSRF token").isNotNull();
        FormClient.Page wrong = browser.submit(login, "/console/login", "email=" + FormClient.enc(agent.email()) + "&password=nope");
        assertThat(wrong.header("Location")).contains("/console/login?error");
        assertThat(browser.get("/console").status()).isEqualTo(302);

        FormClient.Page ok = browser.submit(browser.get("/console/login"), "/console/login",
                "email=" + FormClient.enc(agent.email()) + "&password=" + FormClient.enc(agent.password()));
        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.header("Location")).doesNotContain("error");
        assertThat(browser.cookie("JSESSIONID")).as("session fixation: a new id at sign-in").isNotEqualTo(before);
        FormClient.Page queue = browser.get("/console");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).contains("RMA queue").contains(agent.email());
    }

    @Test
    void anApiKeyNoLongerSignsInToTheConsole() {
        TestMerchant m = newMerchant("kingdo");
        FormClient browser = new FormClient(port);
        FormClient.Page r = browser.submit(browser.get("/console/login"), "/console/login", "api_key=" + m.admin());
        assertThat(r.header("Location")).contains("error");
        assertThat(browser.get("/console").status()).isEqualTo(302);
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        TestMerchant m = newMerchant("kingdo");
        JsonNode rma = fileReturn(m);
        StaffLogin admin = staffAccount(m, Caller.Role.ADMIN);
        FormClient browser = new FormClient(port);
        assertSecurityHeaders("portal", browser.get("/portal/" + m.slug()));
        assertSecurityHeaders("login", browser.get("/console/login"));
        assertSecurityHeaders("error page", browser.get("/no-such-page"));
        browser.signIn(admin.email(), admin.password());
        for (String path : List.of("/console", "/console/dashboard", "/console/rmas/" + rma.get("id").asString(), "/console/team", "/studio")) {
            FormClient.Page page = browser.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertSecurityHeaders(path, page);
            assertThat(page.body()).as(path + " has no inline script").doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
            assertThat(page.body()).as(path + " has no inline style").doesNotContain(" style=\"");
        }
    }

    @Test
    void staffPagesAreNeverCachedAndAfterSignOutBackShowsNoData() {
        TestMerchant m = newMerchant("kingdo");
        fileReturn(m);
        StaffLogin agent = staffAccount(m, Caller.Role.AGENT);
        FormClient browser = new FormClient(port);
        browser.signIn(agent.email(), agent.password());
        FormClient.Page queue = browser.get("/console");
        assertThat(queue.body()).contains("sec@example.com");
        assertThat(queue.header("Cache-Control")).contains("no-store");

        FormClient.Page out = browser.submit(queue, "/console/logout", "");
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.header("Location")).contains("/console/login");
        // (Over HTTPS the sign-out also sends Clear-Site-Data: "cache", "storage"; Spring Security writes it on secure requests only.)
        FormClient.Page back = browser.get("/console");
        assertThat(back.status()).isEqualTo(302);
        assertThat(back.body()).doesNotContain("sec@example.com");
    }

    @Test
    void aCrossSiteFormPostIsRefusedOnEveryForm() {
        TestMerchant m = newMerchant("kingdo");
        JsonNode rma = fileReturn(m);
        String id = rma.get("id").asString();
        StaffLogin admin = staffAccount(m, Caller.Role.ADMIN);
        FormClient browser = new FormClient(port);
        browser.signIn(admin.email(), admin.password());

        List<String> paths = new ArrayList<>(List.of("/console/login", "/console/logout"));
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                for (String pattern : info.getPatternValues()) {
                    if (!pattern.startsWith("/api/")) {
                        paths.add(pattern.replace("{store}", m.slug()).replace("{id}", id).replace("{action}", "cancel"));
                    }
                }
            }
        });
        assertThat(paths).contains("/console/rmas/" + id + "/act", "/studio/publish", "/portal/" + m.slug() + "/session",
                "/console/team/invitations", "/console/invitation");
        for (String path : paths) {
            FormClient.Page noToken = browser.post(path, "action=approve&version=0&note=x&source=x&email=x@y.z", "Origin", EVIL);
            assertThat(noToken.status()).as(path + " without a token").isEqualTo(403);
            FormClient.Page forged = browser.post(path, "action=approve&_csrf=forged-token", "Origin", EVIL);
            assertThat(forged.status()).as(path + " with a forged token").isEqualTo(403);
        }
        assertThat(browser.get("/console").status()).as("the forged sign-out did not sign out").isEqualTo(200);
        assertThat(api.get("/api/v1/rmas/" + id).key(m.agent()).send().json().get("version").asInt()).isEqualTo(rma.get("version").asInt());
        assertThat(staffAccounts.exists("x@y.z")).isFalse();
    }

    @Test
    void loginCsrfIsRefused() {
        TestMerchant m = newMerchant("kingdo");
        StaffLogin agent = staffAccount(m, Caller.Role.AGENT);
        FormClient victim = new FormClient(port);
        FormClient.Page r = victim.post("/console/login", "email=" + FormClient.enc(agent.email()) + "&password=" + FormClient.enc(agent.password()),
                "Origin", EVIL);
        assertThat(r.status()).isEqualTo(403);
        assertThat(victim.get("/console").status()).isEqualTo(302);
    }

    @Test
    void cookiesAreSecureBehindHttps() {
        TestMerchant m = newMerchant("kingdo");
        StaffLogin agent = staffAccount(m, Caller.Role.AGENT);
        FormClient browser = new FormClient(port);
        String[] https = {"X-Forwarded-Proto", "https"};
        FormClient.Page login = browser.get("/console/login", https);
        FormClient.Page in = browser.submit(login, "/console/login",
                "email=" + FormClient.enc(agent.email()) + "&password=" + FormClient.enc(agent.password()), https);
        assertThat(in.headers("Set-Cookie")).isNotEmpty().allSatisfy(c -> assertThat(c).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly"));
        assertThat(in.header("Strict-Transport-Security")).isNotNull();

        FormClient plain = new FormClient(port);
        plain.get("/console/login");
        FormClient.Page overHttp = plain.submit(plain.get("/console/login"), "/console/login",
                "email=" + FormClient.enc(agent.email()) + "&password=" + FormClient.enc(agent.password()));
        assertThat(overHttp.headers("Set-Cookie")).allSatisfy(c -> assertThat(c).doesNotContainIgnoringCase("Secure"));
    }

    @Test
    void anAgentCannotOpenTheStudioOrTheTeamPage() {
        TestMerchant m = newMerchant("kingdo");
        StaffLogin agent = staffAccount(m, Caller.Role.AGENT);
        FormClient browser = new FormClient(port);
        browser.signIn(agent.email(), agent.password());
        for (String path : List.of("/studio", "/console/team")) {
            FormClient.Page page = browser.get(path);
            assertThat(page.status()).as(path).isEqualTo(403);
            assertThat(page.body()).contains("for admins");
        }
    }

    @Test
    void anAdminInvitesAColleagueWhoChoosesAPasswordAndSignsIn() {
        TestMerchant m = newMerchant("kingdo");
        StaffLogin admin = staffAccount(m, Caller.Role.ADMIN);
        FormClient browser = new FormClient(port);
        browser.signIn(admin.email(), admin.password());
        FormClient.Page team = browser.get("/console/team");
        String email = "new.agent@" + m.slug() + ".test";
        FormClient.Page invited = browser.submit(team, "/console/team/invitations", "email=" + FormClient.enc(email) + "&role=agent");
        assertThat(invited.status()).isEqualTo(200);
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/console/invitation\\?token=(inv_[A-Za-z0-9_-]+)").matcher(invited.body());
        assertThat(link.find()).as(invited.body()).isTrue();
        String token = link.group(1);
        assertThat(jdbc.sql("select count(*) from staff_account where invitation_hash = ?").param(token).query(Integer.class).single())
                .as("only the token's hash is stored").isZero();

        FormClient invitee = new FormClient(port);
        FormClient.Page choose = invitee.get("/console/invitation?token=" + token);
        assertThat(choose.body()).contains(email);
        FormClient.Page tooShort = invitee.submit(choose, "/console/invitation", "token=" + token + "&password=short&password_again=short");
        assertThat(tooShort.status()).isEqualTo(422);
        FormClient.Page set = invitee.submit(choose, "/console/invitation", "token=" + token
                + "&password=a-long-enough-secret&password_again=a-long-enough-secret");
        assertThat(set.status()).isEqualTo(302);
        invitee.signIn(email, "a-long-enough-secret");
        assertThat(invitee.get("/console").body()).contains(email);
        assertThat(invitee.get("/console/invitation?token=" + token).status()).as("an invitation is used once").isEqualTo(404);
        String hash = jdbc.sql("select password_hash from staff_account where email = ?").param(email).query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("a-long-enough-secret");
    }

    @Test
    void htmxRequestsCarryTheTokenFromTheMetaTagAndSucceed() {
        TestMerchant m = newMerchant("kingdo");
        StaffLogin admin = staffAccount(m, Caller.Role.ADMIN);
        FormClient browser = new FormClient(port);
        browser.signIn(admin.email(), admin.password());
        FormClient.Page studio = browser.get("/studio");
        assertThat(studio.body()).contains("<meta name=\"csrf-token\"").contains("data-header=\"X-CSRF-TOKEN\"").contains("/js/openrma.js");
        String token = java.util.regex.Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(studio.body()).results()
                .findFirst().orElseThrow().group(1);
        FormClient.Page lint = browser.post("/studio/lint", "source=policy%3A+x", "X-CSRF-TOKEN", token, "HX-Request", "true");
        assertThat(lint.status()).isEqualTo(200);
        assertThat(lint.body()).contains("error(s)");
        assertThat(browser.get("/js/openrma.js").status()).isEqualTo(200);
    }
}
