package dev.ktriage.gateway.debugpod;

import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;

/**
 * An exec's stdout or stderr that ends where the command's output ends. fabric8 (7.x,
 * ExecWatchInputStream.onExit) fails a stream with IOException("closed") caused by "process exited
 * with a non-zero exit code: N" once its data is read, when the command exited non-zero: for a
 * read that is the end of the output, and the exit code says the rest.
 */
final class ExecStream extends FilterInputStream {

    private final ExecWatch watch;

    private ExecStream(InputStream in, ExecWatch watch) {
        super(in);
        this.watch = watch;
    }

    static InputStream stdout(ExecWatch watch) {
        return new ExecStream(watch.getOutput(), watch);
    }

    static InputStream stderr(ExecWatch watch) {
        return new ExecStream(watch.getError(), watch);
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            if (exitedNonZero()) return -1;
            throw e;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            if (exitedNonZero()) return -1;
            throw e;
        }
    }

    /** The exit status came (the stream is completed after it), and it is not 0. */
    private boolean exitedNonZero() {
        CompletableFuture<Integer> exit = watch.exitCode();
        if (!exit.isDone() || exit.isCompletedExceptionally()) return false;
        Integer code = exit.getNow(null);
        return code != null && code != 0;
    }
}
