package org.exactsync.exact;

/**
 * The one seam through which every byte to and from Exact passes (REST and token endpoint), so that token custody,
 * budget, retries and paging are tested with a fake and the HTTP stack can be swapped.
 */
interface ExactTransport {

    /** Sends the call and returns whatever status came back; throws only when no response arrived. */
    HttpReply send(HttpCall call) throws TransportFailure, InterruptedException;
}
