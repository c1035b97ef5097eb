/**
 * RMAs: filing a claim and moving it through {@link org.openrma.service.rma.RmaLifecycle}, the state machine as a
 * table. {@link org.openrma.service.rma.RmaManagement} is the entry the controllers, pages and deadline task call;
 * each use case is its own class ({@code FilingClaims}, {@code CommandsOnRmas}, {@code Resolutions}, {@code
 * SlaSweep}), deciding through {@code ClaimDecisions}, reading the stored claim through {@link
 * org.openrma.service.rma.ClaimDocument} and stored decisions through {@link org.openrma.service.rma.DecidedTerms}.
 */
package org.openrma.service.rma;
