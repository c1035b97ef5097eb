package org.openrma.service.ui.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.openrma.service.access.Caller;
import org.openrma.service.access.StaffAccounts;
import org.openrma.service.audit.AuditTrail;
import org.openrma.service.merchant.Merchant;
import org.openrma.service.merchant.Merchants;
import org.openrma.service.ui.StaffSessions;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The merchant's staff: an admin sees the accounts and invites a colleague as agent or admin; the
 * invitee opens the one-time link, chooses a password and signs in.
 */
@Controller
@RequestMapping("/console")
public class TeamController {

    private final StaffSessions sessions;
    private final StaffAccounts accounts;
    private final Merchants merchants;
    private final AuditTrail audit;

    public TeamController(StaffSessions sessions, StaffAccounts accounts, Merchants merchants, AuditTrail audit) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.merchants = merchants;
        this.audit = audit;
    }

    @GetMapping("/team")
    String team(HttpServletRequest request, Model model) {
        Caller.Staff admin = sessions.requireAdmin(request);
        page(model, admin);
        return "console/team";
    }

    @PostMapping("/team/invitations")
    String invite(@RequestParam(required = false) String email, @RequestParam(required = false) String role,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        Caller.Staff admin = sessions.requireAdmin(request);
        page(model, admin);
        String e = email == null ? "" : email.strip();
        Caller.Role r = "admin".equals(role) ? Caller.Role.ADMIN : "agent".equals(role) ? Caller.Role.AGENT : null;
        String problem = e.isEmpty() || e.length() > 254 || !e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? "Enter a full e-mail address, such as name@example.com."
                : r == null ? "Choose agent or admin."
                : accounts.exists(e) ? "There is already an account for " + e + "."
                : null;
        if (problem != null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("error", problem);
            model.addAttribute("email", e);
            return "console/team";
        }
        StaffAccounts.Invitation invitation = accounts.invite(admin.merchantId(), e.toLowerCase(Locale.ROOT), r, admin.name());
        audit.record(admin, "staff.invited", "staff_account", invitation.accountId(), null,
                java.util.Map.of("email", invitation.email(), "role", r.name().toLowerCase(Locale.ROOT)));
        page(model, admin);
        model.addAttribute("invitation", invitation);
        model.addAttribute("link", request.getScheme() + "://" + request.getServerName()
                + (request.getServerPort() == 80 || request.getServerPort() == 443 ? "" : ":" + request.getServerPort())
                + "/console/invitation?token=" + invitation.token());
        return "console/team";
    }

    @GetMapping("/invitation")
    String invitation(@RequestParam(required = false) String token, HttpServletResponse response, Model model) {
        var email = accounts.invitation(token);
        if (email.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("title", "Invitation not valid");
            model.addAttribute("message", "This invitation link is not valid, was used already or has expired. Ask your admin for a new one.");
            return "ui-error";
        }
        model.addAttribute("email", email.get());
        model.addAttribute("token", token);
        return "console/invitation";
    }

    @PostMapping("/invitation")
    String accept(@RequestParam(required = false) String token, @RequestParam(required = false) String password,
                  @RequestParam(name = "password_again", required = false) String again, HttpServletResponse response, Model model) {
        var email = accounts.invitation(token);
        if (email.isEmpty()) {
            return invitation(token, response, model);
        }
        String problem = password == null || password.length() < StaffAccounts.MIN_PASSWORD_LENGTH
                ? "Choose a password of at least " + StaffAccounts.MIN_PASSWORD_LENGTH + " characters."
                : password.length() > 128 ? "Choose a password of at most 128 characters."
                : !password.equals(again) ? "The two passwords differ." : null;
        if (problem != null || !accounts.accept(token, password)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("email", email.get());
            model.addAttribute("token", token);
            model.addAttribute("error", problem != null ? problem : "The invitation could not be used; ask your admin for a new one.");
            return "console/invitation";
        }
        return "redirect:/console/login?invited";
    }

    private void page(Model model, Caller.Staff admin) {
        Merchant m = merchants.get(admin.merchantId());
        model.addAttribute("merchant", m);
        model.addAttribute("staff", admin);
        model.addAttribute("nav", "team");
        model.addAttribute("accounts", accounts.list(m.id()));
    }
}
