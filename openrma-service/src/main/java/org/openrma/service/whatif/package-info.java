/**
 * Replaying past claims under a draft policy from the studio, to compare its answers with the policy in force before
 * publishing it.
 */
package org.openrma.service.whatif;
