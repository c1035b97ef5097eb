/**
 * The web pages shared by the console, the portal and the studio: what an RMA and a decision look like on a page,
 * evidence uploads, staff sessions and page errors.
 */
package org.openrma.service.ui;
