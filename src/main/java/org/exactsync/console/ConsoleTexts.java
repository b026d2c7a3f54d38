package org.exactsync.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The console's words in Dutch and English ({@code console/messages_<lang>.properties}, UTF-8). The language is the
 * operator's choice on the page (a cookie), else the browser's {@code Accept-Language}, else English.
 */
@ApplicationScoped
public class ConsoleTexts {

    /** The language cookie's name (a preference, not a secret). */
    static final String COOKIE = "console_lang";
    static final List<String> LANGUAGES = List.of("en", "nl");

    private final Map<String, Properties> bundles = Map.of("en", load("en"), "nl", load("nl"));

    /** The words of one language. */
    Texts in(String lang) {
        return new Texts(lang, bundles.get(lang), bundles.get("en"));
    }

    /** The language for a request: {@code ?lang=}, the cookie, {@code Accept-Language}, English. */
    static String choose(ConsoleRequest request) {
        Optional<String> asked = request.query("lang").filter(LANGUAGES::contains);
        if (asked.isPresent()) {
            return asked.get();
        }
        String cookie = request.cookies().get(COOKIE);
        if (cookie != null && LANGUAGES.contains(cookie)) {
            return cookie;
        }
        for (String range : request.http().header("Accept-Language").orElse("").split(",")) {
            String tag = range.split(";")[0].trim().toLowerCase(Locale.ROOT);
            String primary = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
            if (LANGUAGES.contains(primary)) {
                return primary;
            }
        }
        return "en";
    }

    private static Properties load(String lang) {
        Properties properties = new Properties();
        try (InputStream in = ConsoleTexts.class.getResourceAsStream("/console/messages_" + lang + ".properties")) {
            if (in == null) {
                throw new IllegalStateException("console/messages_" + lang + ".properties is missing");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return properties;
    }

    /** One language's words; a key missing in Dutch falls back to English, a key missing in both shows itself. */
    record Texts(String lang, Properties words, Properties english) {

        String get(String key) {
            String value = words.getProperty(key);
            return value != null ? value : english.getProperty(key, key);
        }

        /** The text with {@code {0}}, {@code {1}}, … replaced by the arguments. */
        String fmt(String key, Object... args) {
            String text = get(key);
            for (int i = 0; i < args.length; i++) {
                text = text.replace("{" + i + "}", String.valueOf(args[i]));
            }
            return text;
        }
    }
}
