/**
 * The HTTP edge of the API: request bodies and their checks, problem+json for every refusal (RFC 9457), idempotency
 * keys, rate and size limits, security and the OpenAPI document.
 */
package org.openrma.service.web;
