package org.openrma.service.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.databind.JsonNode;

/**
 * Checks every JSON body before a controller sees it, so that a bad value is a 422 naming its field
 * and never reaches the database: each text value against {@link InputLimits} (length, control
 * characters), each list's size, the nesting depth, and each documented field's JSON type against
 * the body's record in {@link RequestBodies} ({@code "sku": []}, {@code "quantity": "x"}).
 * Unknown fields are left to the controllers, which name them.
 */
@ControllerAdvice
public class BodyChecks extends RequestBodyAdviceAdapter {

    private final InputLimits limits;

    public BodyChecks(InputLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return JsonNode.class.isAssignableFrom(parameter.getParameterType());
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        if (body instanceof JsonNode node) {
            Class<?> shape = null;
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
                HttpServletRequest request = attributes.getRequest();
                Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
                shape = RequestBodies.typeOf(request.getMethod() + " " + pattern);
            }
            List<ApiProblem.FieldError> errors = check(limits, node, shape);
            if (!errors.isEmpty()) {
                throw ApiProblem.invalid(errors);
            }
        }
        return body;
    }

    /** Every problem in a body: limits everywhere, and JSON types where {@code shape} (a record of {@link RequestBodies}) documents them. */
    public static List<ApiProblem.FieldError> check(InputLimits limits, JsonNode node, Class<?> shape) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        limits(limits, node, "", "", 0, errors);
        if (errors.isEmpty() && shape != null) {
            if (!node.isObject()) {
                errors.add(new ApiProblem.FieldError("(body)", "expected a JSON object"));
            } else {
                types(node, shape, "", errors);
            }
        }
        return errors;
    }

    private static void limits(InputLimits limits, JsonNode node, String path, String name, int depth, List<ApiProblem.FieldError> errors) {
        if (errors.size() >= 20) {
            return;
        }
        String at = path.isEmpty() ? "(body)" : path;
        if (depth > limits.maxDepth()) {
            errors.add(new ApiProblem.FieldError(at, "nested deeper than " + limits.maxDepth() + " levels"));
            return;
        }
        if (node.isString()) {
            String problem = limits.checkText(name, node.asString());
            if (problem != null) {
                errors.add(new ApiProblem.FieldError(at, problem));
            }
        } else if (node.isContainer() && node.size() > limits.maxArrayItems()) {
            errors.add(new ApiProblem.FieldError(at, "must have at most " + limits.maxArrayItems()
                    + (node.isArray() ? " items" : " fields") + " (it has " + node.size() + ")"));
        } else if (node.isArray()) {
            int i = 0;
            for (JsonNode item : node.values()) {
                limits(limits, item, at + "[" + i++ + "]", name, depth + 1, errors);
            }
        } else if (node.isObject()) {
            for (var e : node.properties()) {
                String key = e.getKey();
                String keyProblem = limits.checkText("", key);
                if (keyProblem != null) {
                    errors.add(new ApiProblem.FieldError(path.isEmpty() ? "(body)" : path, "a field name " + keyProblem));
                    continue;
                }
                limits(limits, e.getValue(), path.isEmpty() ? key : path + "." + key, key, depth + 1, errors);
            }
        }
    }

    private static void types(JsonNode object, Class<?> record, String path, List<ApiProblem.FieldError> errors) {
        for (RecordComponent c : record.getRecordComponents()) {
            String name = snake(c.getName());
            JsonNode value = object.get(name);
            if (value != null && !value.isNull()) {
                type(value, c.getGenericType(), path.isEmpty() ? name : path + "." + name, errors);
            }
        }
    }

    private static void type(JsonNode value, Type type, String path, List<ApiProblem.FieldError> errors) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            if (!value.isArray()) {
                errors.add(new ApiProblem.FieldError(path, "expected a list, not " + kind(value)));
                return;
            }
            int i = 0;
            for (JsonNode item : value.values()) {
                if (!item.isNull()) {
                    type(item, p.getActualTypeArguments()[0], path + "[" + i + "]", errors);
                }
                i++;
            }
        } else if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
            if (!value.isObject()) {
                errors.add(new ApiProblem.FieldError(path, "expected an object of names to values, not " + kind(value)));
                return;
            }
            for (var e : value.properties()) {
                if (!e.getValue().isNull()) {
                    type(e.getValue(), p.getActualTypeArguments()[1], path + "." + e.getKey(), errors);
                }
            }
        } else if (type == String.class) {
            if (value.isContainer()) {
                errors.add(new ApiProblem.FieldError(path, "expected text, not " + kind(value)));
            }
        } else if (type == Instant.class) {
            if (!value.isString()) {
                errors.add(new ApiProblem.FieldError(path, "expected a timestamp such as \"2025-03-01T10:00:00Z\", not " + kind(value)));
            }
        } else if (type == Integer.class || type == int.class) {
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                errors.add(new ApiProblem.FieldError(path, "expected a whole number, not " + kind(value)));
            }
        } else if (type == Boolean.class || type == boolean.class) {
            if (!value.isBoolean()) {
                errors.add(new ApiProblem.FieldError(path, "expected true or false, not " + kind(value)));
            }
        } else if (type instanceof Class<?> c && c.isRecord()) {
            if (!value.isObject()) {
                errors.add(new ApiProblem.FieldError(path, "expected an object, not " + kind(value)));
                return;
            }
            types(value, c, path, errors);
        }
    }

    private static String kind(JsonNode v) {
        if (v.isArray()) {
            return "a list";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isString()) {
            return "text";
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? "true" : "false";
        }
        if (v.isNumber()) {
            return "the number " + v;
        }
        return "null";
    }

    static String snake(String camel) {
        StringBuilder b = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                b.append('_').append(Character.toLowerCase(ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }
}
