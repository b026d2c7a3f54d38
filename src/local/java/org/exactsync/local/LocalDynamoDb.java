package org.exactsync.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A local DynamoDB for local runs and tests: dynalite (a DynamoDB API on LevelDB, installed by {@code npm ci} from the
 * project's package.json) on a free loopback port. In memory unless a data directory is given. The process is
 * stopped on {@link #close()} and, should the JVM exit first, by a shutdown hook.
 */
public final class LocalDynamoDb implements AutoCloseable {

    private static final String READY_LINE = "Dynalite listening";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final int START_ATTEMPTS = 3;

    private final Process process;
    private final int port;
    private final Thread shutdownHook;

    private LocalDynamoDb(Process process, int port) {
        this.process = process;
        this.port = port;
        this.shutdownHook = new Thread(process::destroy, "dynalite-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts an in-memory dynalite from {@code projectDir/node_modules}. */
    public static LocalDynamoDb start(Path projectDir) {
        return start(projectDir, null);
    }

    /**
     * Starts dynalite from {@code projectDir/node_modules}, keeping its data in {@code dataDir} (created if missing),
     * or in memory when {@code dataDir} is null.
     *
     * @throws IllegalStateException when dynalite is not installed or does not come up
     */
    public static LocalDynamoDb start(Path projectDir, Path dataDir) {
        Path binary = projectDir.toAbsolutePath().resolve("node_modules/.bin/dynalite");
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("dynalite is not installed (" + binary + " is missing): run npm ci in "
                    + projectDir.toAbsolutePath());
        }
        IllegalStateException lastFailure = null;
        // The free port is found by binding and releasing it, so another process can take it before dynalite binds
        // it; a few attempts on fresh ports make that race harmless.
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            try {
                return launch(binary, freePort(), dataDir);
            } catch (IllegalStateException failure) {
                lastFailure = failure;
            }
        }
        throw lastFailure;
    }

    /**
     * Starts dynalite on a fixed port (the local run's configuration names it), keeping data in {@code dataDir} or in
     * memory when null.
     *
     * @throws IllegalStateException when dynalite is not installed, the port is taken, or it does not come up
     */
    public static LocalDynamoDb startOnPort(Path projectDir, Path dataDir, int port) {
        Path binary = projectDir.toAbsolutePath().resolve("node_modules/.bin/dynalite");
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("dynalite is not installed (" + binary + " is missing): run npm ci in "
                    + projectDir.toAbsolutePath());
        }
        return launch(binary, port, dataDir);
    }

    /** The HTTP endpoint to give the DynamoDB client as endpoint override. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting: the hook runs anyway.
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static LocalDynamoDb launch(Path binary, int port, Path dataDir) {
        List<String> command = new ArrayList<>(List.of(binary.toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        if (dataDir != null) {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create dynalite data directory " + dataDir, e);
            }
            command.add("--path");
            command.add(dataDir.toAbsolutePath().toString());
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start dynalite (is Node installed?): " + e.getMessage(), e);
        }
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> watchOutput(process, ready), "dynalite-output");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new LocalDynamoDb(process, port);
        } catch (ExecutionException | TimeoutException failed) {
            process.destroyForcibly();
            String why = failed instanceof ExecutionException ? failed.getCause().getMessage() : "no ready line in time";
            throw new IllegalStateException("dynalite did not start on port " + port + ": " + why, failed);
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting dynalite", interrupted);
        }
    }

    /** Completes {@code ready} on the ready line, then keeps draining so a full pipe never blocks dynalite. */
    private static void watchOutput(Process process, CompletableFuture<Void> ready) {
        StringBuilder early = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!ready.isDone()) {
                    if (line.contains(READY_LINE)) {
                        ready.complete(null);
                    } else if (early.length() < 4000) {
                        early.append(line).append('\n');
                    }
                }
            }
        } catch (IOException closed) {
            // The process went away; handled below.
        }
        ready.completeExceptionally(new IllegalStateException("dynalite exited: " + early.toString().strip()));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
