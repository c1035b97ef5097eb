/**
 * The load generator for the service benchmark: closed-loop clients on virtual threads against a service on loopback.
 */
package org.openrma.bench.load;
