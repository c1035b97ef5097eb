/**
 * The OpenRMA service: a Spring Boot application around the engine, with one package per capability (merchants,
 * orders, RMAs, the ledger, units, audit, outbox, deadlines, access) and the web edge ({@code web}, {@code ui}) that
 * speaks HTTP for them.
 */
package org.openrma.service;
