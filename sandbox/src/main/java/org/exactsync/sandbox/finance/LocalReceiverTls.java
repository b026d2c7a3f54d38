package org.exactsync.sandbox.finance;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for a webhook receiver in a test. Exact calls only {@code https} callbacks with a certificate from a public CA
 * (docs/exact-reference.md §6.1) and has no setting for plain http, so the sandbox has none either: a test serves its
 * receiver over https on 127.0.0.1 with this self-signed certificate ({@link #serverContext()}) and builds the
 * sandbox with {@code webhookTls(LocalReceiverTls.clientContext())}, which trusts that certificate alone. The key
 * pair is for tests only and is published with the code; nothing else may trust it.
 */
public final class LocalReceiverTls {

    private static final String STORE = "local-receiver.p12";
    private static final String ALIAS = "receiver";
    private static final char[] PASSWORD = "sandbox-test-only".toCharArray();

    private LocalReceiverTls() {
    }

    /** For the receiver: an {@code HttpsServer} on 127.0.0.1 (or localhost) presenting the test certificate. */
    public static SSLContext serverContext() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store(), PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("test receiver certificate unusable", e);
        }
    }

    /** For the sandbox's webhook calls: trusts the test receiver's certificate and nothing else. */
    public static SSLContext clientContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            KeyStore receiver = store();
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            try {
                trusted.load(null, null);
            } catch (IOException empty) {
                throw new IllegalStateException(empty);
            }
            trusted.setCertificateEntry("receiver", receiver.getCertificate(ALIAS));
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("test receiver certificate unusable", e);
        }
    }

    private static KeyStore store() throws GeneralSecurityException {
        try (InputStream in = LocalReceiverTls.class.getResourceAsStream(STORE)) {
            if (in == null) {
                throw new IllegalStateException(STORE + " missing from the sandbox jar");
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD);
            return store;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + STORE, e);
        }
    }
}
