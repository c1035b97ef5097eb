package org.openrma.service.shipping;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.openrma.service.web.Input;

/**
 * One place parcels go back to: a warehouse or repair centre. {@code programs} names the policy
 * programs whose returns it receives (a warranty program to the repair centre); an address with no
 * programs receives everything no other address claims.
 */
@Input
public record ReturnAddress(
        @NotBlank @Schema(example = "main-warehouse") String id,
        @Schema(description = "the policy programs whose parcels go here; empty: every program no other address names",
                example = "[\"limited-warranty\"]") List<String> programs,
        @NotNull @Valid PostalAddress address) {

    public ReturnAddress {
        programs = programs == null ? List.of() : programs.stream().filter(java.util.Objects::nonNull).toList();
    }

    boolean serves(String program) {
        return program != null && programs.contains(program);
    }
}
