package dev.ktriage.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ktriage.playbook.PlaybookCatalog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Replay's playbooks, loaded on a second thread while the caller reads the transcript (the two take
 * about as long), with the transcript's own playbook already built when it is handed over. Only the
 * timing changes: skipped plugins are reported, and a failure to load is thrown, when the caller
 * asks for the catalog, after the transcript was read, as if it had been loaded then.
 */
final class CatalogPrefetch implements Runnable {

    private final PlaybookOptions options;
    private final Path transcript;
    private final StringWriter problems = new StringWriter();
    private final Thread thread;
    private PlaybookCatalog catalog;
    private RuntimeException failure;
    private Error error;

    private CatalogPrefetch(PlaybookOptions options, Path transcript) {
        this.options = options;
        this.transcript = transcript;
        this.thread = new Thread(this, "ktriage-playbooks");
        thread.setDaemon(true);
    }

    static CatalogPrefetch start(PlaybookOptions options, Path transcript) {
        CatalogPrefetch p = new CatalogPrefetch(options, transcript);
        p.thread.start();
        return p;
    }

    @Override
    public void run() {
        try {
            catalog = options.catalog(new PrintWriter(problems));
        } catch (RuntimeException e) {
            failure = e;
            return;
        } catch (Error e) {
            error = e;
            return;
        }
        try {
            String id = sessionPlaybook(transcript);
            if (id != null) catalog.find(id);
        } catch (RuntimeException e) {
            // only a head start: the replay builds it again and fails there, in order
        }
    }

    /** The catalog as {@link PlaybookOptions#catalog()} would have given it now, skipped plugins reported to {@code err}. */
    PlaybookCatalog await(PrintWriter err) {
        join();
        err.print(problems);
        err.flush();
        if (failure != null) throw failure;
        if (error != null) throw error;
        return catalog;
    }

    /** The transcript could not be read: the playbooks are not needed, and nothing is reported. */
    void abandon() {
        join();
    }

    private void join() {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** The playbook named by the transcript's session line (its first), or null. */
    static String sessionPlaybook(Path transcript) {
        try (BufferedReader r = Files.newBufferedReader(transcript)) {
            String line = r.readLine();
            if (line == null) return null;
            try (JsonParser p = new JsonFactory().createParser(line)) {
                if (p.nextToken() != JsonToken.START_OBJECT) return null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (name.equals("playbook") && value == JsonToken.VALUE_STRING) return p.getText();
                    p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
