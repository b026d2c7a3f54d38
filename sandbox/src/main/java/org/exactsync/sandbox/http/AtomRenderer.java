package org.exactsync.sandbox.http;

import java.util.List;
import java.util.Map;

/**
 * The OData Atom/XML answer a request without {@code Accept: application/json} gets (docs/exact-reference.md §1.3).
 * Minimal on purpose: its only job is to make a client that forgot the header fail its JSON parse.
 */
final class AtomRenderer {

    private AtomRenderer() {
    }

    static String feed(String title, List<Map<String, Object>> rows) {
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\"")
                .append(" xmlns:d=\"http://schemas.microsoft.com/ado/2007/08/dataservices\"")
                .append(" xmlns:m=\"http://schemas.microsoft.com/ado/2007/08/dataservices/metadata\">")
                .append("<title type=\"text\">").append(escape(title)).append("</title>");
        for (Map<String, Object> row : rows) {
            xml.append("<entry><content type=\"application/xml\"><m:properties>");
            row.forEach((k, v) -> {
                if (!(v instanceof List<?>)) {
                    xml.append("<d:").append(k).append('>').append(v == null ? "" : escape(v.toString()))
                            .append("</d:").append(k).append('>');
                }
            });
            xml.append("</m:properties></content></entry>");
        }
        return xml.append("</feed>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
