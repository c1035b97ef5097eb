package org.openrma.service.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record the API reads (a request body or a part of one). In the OpenAPI document its fields
 * are optional unless a constraint requires them; every other record is a response, whose fields
 * are all present ({@link ResponseSchemas}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Input {}
