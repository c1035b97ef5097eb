package org.openrma.service.ui.home;

import java.util.List;
import java.util.Optional;
import org.openrma.service.OpenRmaProperties;
import org.openrma.service.merchant.Merchant;
import org.openrma.service.merchant.Merchants;
import org.openrma.service.seed.DemoSeed;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The site's front door. Customers normally arrive from their shop's "returns" link at {@code /portal/<store>};
 * someone who types the bare address gets the way to each part instead of a blank 404. Merchants are not listed
 * (one merchant's customers need not learn who else uses the service), except the demo stores when the demo seed is on.
 */
@Controller
class HomeController {

    private final Merchants merchants;
    /** The demo stores' slugs, read once from the seed file (none when the demo seed is off). */
    private final List<String> demoSlugs;

    HomeController(Merchants merchants, OpenRmaProperties properties) {
        this.merchants = merchants;
        this.demoSlugs = properties.seed().enabled() ? DemoSeed.demoSlugs() : List.of();
    }

    @GetMapping({"/", "/portal", "/portal/"})
    String home(Model model) {
        List<Merchant> demoStores = demoSlugs.stream().map(merchants::findBySlug).flatMap(Optional::stream).toList();
        model.addAttribute("demoStores", demoStores);
        return "home";
    }
}
