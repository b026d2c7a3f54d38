package org.exactsync.store;

import java.util.List;

/**
 * One page of a lane's open events, oldest first.
 *
 * @param events the page
 * @param next   position to pass for the next page, or null when the lane has no more
 */
public record LanePage(List<LaneEvent> events, String next) {

    public LanePage {
        events = List.copyOf(events);
    }
}
