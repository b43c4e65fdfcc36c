package dev.ktriage.spi.v2;

/**
 * What an extractor reads: a node command's stdout, a log, a body as text, or the text of the
 * variable named by {@code from}; and the exit code or HTTP status it came with.
 */
public record Answer(String text, int code) {
}
