package org.openrma.service.unit;

import org.openrma.service.access.Caller;
import org.openrma.service.web.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A unit's warranty status and history (staff only). */
@RestController
@RequestMapping("/api/v1/units")
public class UnitController {

    private final Units units;

    public UnitController(Units units) {
        this.units = units;
    }

    @GetMapping("/{serial}")
    public Units.Unit get(Caller caller, @PathVariable String serial) {
        return units.find(caller.requireStaff().merchantId(), serial).orElseThrow(() -> ApiProblem.notFound("unit", serial));
    }
}
