package org.exactsync.console;

import java.util.LinkedHashMap;
import java.util.Map;

import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.store.ConsoleSession;

/**
 * A signed-in request on its way through a page: the request, the session (tenant and CSRF token) and the words of
 * the chosen language.
 *
 * @param request    the parsed request
 * @param session    the operator's session
 * @param t          the words
 * @param setLanguage true when this request chose a language ({@code ?lang=}): the answer stores it in a cookie
 */
record PageContext(ConsoleRequest request, ConsoleSession session, ConsoleTexts.Texts t, boolean setLanguage) {

    String tenant() {
        return session.tenant();
    }

    /** The hidden CSRF field for this session's forms. */
    String csrf() {
        return Html.csrf(session.csrf());
    }

    /** The whole page: the shell around {@code body}, titled by the text under {@code titleKey}. */
    HttpResponseEvent render(int status, String titleKey, String body) {
        String html = ConsoleLayout.page(this, t.get(titleKey), body);
        Map<String, String> headers = new LinkedHashMap<>(ConsoleLayout.HTML_HEADERS);
        if (setLanguage) {
            headers.put("Set-Cookie", ConsoleTexts.COOKIE + "=" + t.lang() + "; Max-Age=31536000; Secure;"
                    + " SameSite=Strict");
        }
        return new HttpResponseEvent(status, headers, html);
    }
}
