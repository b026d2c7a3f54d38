package org.exactsync.flow.onboarding;

import java.util.List;

/**
 * The onboarding report's findings as CSV (RFC 4180, one finding per line, relation numbers separated by spaces). A
 * cell that a spreadsheet would read as a formula is prefixed with an apostrophe: ids come from the CRM.
 */
public final class ReportCsv {

    static final String HEADER = "kind,crmRelation,accounts,detail,action";

    private ReportCsv() {
    }

    public static String of(OnboardingReport report) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (Finding finding : report.findings()) {
            out.append(String.join(",", List.of(cell(finding.kind().name()), cell(finding.crmRelation()),
                    cell(String.join(" ", finding.accounts())), cell(finding.detail()), cell(finding.action()))))
                    .append("\r\n");
        }
        return out.toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.chars().anyMatch(c -> c == '"' || c == ',' || c == '\n' || c == '\r');
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
