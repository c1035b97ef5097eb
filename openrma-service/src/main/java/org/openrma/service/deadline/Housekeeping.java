package org.openrma.service.deadline;

import java.time.Duration;

/**
 * A chore any capability can hand to the background scheduler (one instance at a time runs it, however many share
 * the database): a bean of this type becomes a recurring task named {@link #name()}, run every {@link #every()}.
 */
public interface Housekeeping {

    String name();

    Duration every();

    void run();
}
