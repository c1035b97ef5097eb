package org.openrma.service.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Jakarta Bean Validation of a body the controller builds itself (an absent optional body becomes
 * its empty record): every violation as one 422 naming the field by its JSON path.
 */
@Component
public class BeanChecks {

    private final Validator validator;

    public BeanChecks(Validator validator) {
        this.validator = validator;
    }

    public <T> T check(T body) {
        List<ApiProblem.FieldError> errors = validator.validate(body).stream()
                .map(v -> new ApiProblem.FieldError(path(v), v.getMessage()))
                .sorted(Comparator.comparing(ApiProblem.FieldError::field))
                .toList();
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return body;
    }

    private static String path(ConstraintViolation<?> v) {
        String p = v.getPropertyPath().toString();
        return p.isEmpty() ? "(body)" : BodyChecks.snake(p);
    }
}
