package org.linli.e2e.privacy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code scan-logs [DIR]}: every file under DIR (default {@code .linli/logs}, where {@code ./linli} writes the
 * services' logs, rotated {@code .log.1} files included), line by line, for {@link PersonalData}. Prints
 * {@code file:line: kind masked} for each finding; the caller exits 1 when there is any.
 */
public final class LogScan {

    private final PrintStream out;

    public LogScan(PrintStream out) {
        this.out = out;
    }

    /** The number of findings under {@code dir}. */
    public int scan(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a directory");
        }
        int findings = 0;
        int files = 0;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path file : all.filter(Files::isRegularFile).sorted().toList()) {
                files++;
                findings += scanFile(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.printf("scan-logs: %d file(s) under %s, %d finding(s)%n", files, dir, findings);
        return findings;
    }

    private int scanFile(Path file) throws IOException {
        int findings = 0;
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                List<PersonalData.Match> matches = PersonalData.findIn(line);
                for (PersonalData.Match match : matches) {
                    out.printf("%s:%d: %s%n", file, number, match);
                }
                findings += matches.size();
            }
        }
        return findings;
    }
}
