/**
 * The database connection and its migrations, writes sent together in one round trip ({@link org.openrma.service.db.Writes}),
 * and recovery of the embedded PostgreSQL after the service was killed (an orphaned server still holding the data folder is
 * stopped, and only that one).
 */
package org.openrma.service.db;
