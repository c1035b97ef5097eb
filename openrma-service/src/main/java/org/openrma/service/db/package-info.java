/**
 * The database connection and its migrations, and recovery of the embedded PostgreSQL after the service was killed (an
 * orphaned server still holding the data folder is stopped, and only that one).
 */
package org.openrma.service.db;
