package org.exactsync.console;

import org.exactsync.crm.inbound.HttpResponseEvent;

/** One page of the console, {@code /console/<tenant>/<name>}: a GET shows it, a POST (with CSRF token) changes it. */
interface ConsolePage {

    /** The path segment. */
    String name();

    HttpResponseEvent get(PageContext page);

    /** A write; the CSRF token was checked before. Pages without writes answer 405. */
    default HttpResponseEvent post(PageContext page) {
        return page.render(405, "error.title", Html.notice("error", page.t().get("error.method")));
    }
}
