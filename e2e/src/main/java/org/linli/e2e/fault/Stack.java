package org.linli.e2e.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The parts of a stack started by {@code ./linli up --detach} in a checkout: what a fault does to one of them
 * (kill -9) and how an operator brings it back ({@code ./linli start NAME}, which waits until it is healthy).
 */
final class Stack {

    private final Path root;

    Stack(Path root) {
        this.root = root;
    }

    /** The checkout holding {@code ./linli} and {@code .linli/run}: this folder or the nearest one above. */
    static Stack fromWorkingDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("linli")) && Files.isDirectory(dir.resolve(".linli/run"))) {
                return new Stack(dir);
            }
        }
        throw new IllegalStateException("run from a checkout whose ./linli up --detach is running");
    }

    /** SIGKILL, as a crash or an OOM killer would: no shutdown hook, no flush. */
    void kill(String part) {
        long pid = pid(part);
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException(part + " (pid " + pid + ") is not running"));
        process.destroyForcibly();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(part + " did not die", e);
        }
    }

    /** {@code ./linli start NAME}: returns once the part is up (a service: healthy). */
    void start(String part) {
        run(Duration.ofMinutes(5), "./linli", "start", part);
    }

    private long pid(String part) {
        try {
            return Long.parseLong(Files.readString(root.resolve(".linli/run/" + part + ".pid")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("no pid file for " + part, e);
        }
    }

    private void run(Duration timeout, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
