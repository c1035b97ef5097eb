/**
 * The engine's answer: {@link org.openrma.decision.Decision} with outcome, remedies, money, parties, dates, every
 * program's verdict, the explanation step by step with the clauses it cites, and the decisive clauses; {@link
 * org.openrma.decision.DecisionJson} is its JSON shape for the CLI and the API.
 */
package org.openrma.decision;
