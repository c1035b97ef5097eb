/**
 * Operating the service: metrics (decisions, gauges read from the database) and a request id in every log line and
 * response, so an error report, the access log and the service's log meet.
 */
package org.openrma.service.ops;
