/**
 * Replaying claims (CSV or JSON records) under a baseline and a candidate policy, tallying the differences and writing
 * the report as JSON and HTML.
 */
package org.openrma.whatif.replay;
