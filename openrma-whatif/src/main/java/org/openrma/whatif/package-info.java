/**
 * What-if analysis: what a policy change would have done to past claims.
 */
package org.openrma.whatif;
