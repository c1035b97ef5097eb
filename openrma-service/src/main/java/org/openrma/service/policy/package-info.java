/**
 * Each merchant's policies: the built-in ones and uploaded versions, compiled once, with the version in force for each
 * claim.
 */
package org.openrma.service.policy;
