package org.exactsync.bench.lambda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The functions of template.yaml by export name: the emulation takes each function's Timeout, trigger and reserved
 * concurrency from the template, so that a change there changes what the benchmark measures.
 */
final class TemplateFunctions {

    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");

    private TemplateFunctions() {
    }

    static Map<String, FunctionSpec> read(Path template) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(template));
        int globalTimeout = root.at("/Globals/Function/Timeout").asInt(3);
        Map<String, FunctionSpec> byExport = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> resources = root.get("Resources").fields();
        while (resources.hasNext()) {
            Map.Entry<String, JsonNode> resource = resources.next();
            if (!"AWS::Serverless::Function".equals(resource.getValue().path("Type").asText())) {
                continue;
            }
            JsonNode properties = resource.getValue().get("Properties");
            String export = properties.at("/Environment/Variables/QUARKUS_FUNQY_EXPORT").asText();
            String route = null;
            Duration schedule = null;
            Iterator<JsonNode> events = properties.path("Events").elements();
            while (events.hasNext()) {
                JsonNode event = events.next();
                if ("Api".equals(event.path("Type").asText())) {
                    route = event.at("/Properties/Method").asText().toUpperCase() + " "
                            + event.at("/Properties/Path").asText();
                } else if (event.path("Type").asText().startsWith("Schedule")) {
                    schedule = rate(event.at("/Properties/ScheduleExpression").asText());
                }
            }
            JsonNode reserved = properties.get("ReservedConcurrentExecutions");
            byExport.put(export, new FunctionSpec(resource.getKey(), export,
                    Duration.ofSeconds(properties.path("Timeout").asInt(globalTimeout)), route, schedule,
                    reserved == null ? null : reserved.asInt()));
        }
        return byExport;
    }

    static Map<String, FunctionSpec> read() {
        try {
            return read(Path.of("template.yaml"));
        } catch (IOException e) {
            throw new IllegalStateException("template.yaml not readable", e);
        }
    }

    private static Duration rate(String expression) {
        Matcher m = RATE.matcher(expression);
        if (!m.matches()) {
            throw new IllegalArgumentException("schedule not understood: " + expression);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).charAt(0)) {
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
