package dev.ktriage.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What an extractor may look at: the answer of the step's gather and the session's variables so far.
 */
public interface EvidenceView {

    /** The answer's text: a node command's stdout, a log, or a non-JSON body; empty when none. */
    String text();

    /** The answer's JSON body, or null. */
    JsonNode json();

    /** A node command's exit code, or an HTTP status for cluster answers. */
    int code();

    /** A variable's value (null, Boolean, BigDecimal, String, List, Map). */
    Object variable(String name);

    /** Lines of text, or of a variable when {@code from} names one (a list gives one line per element). */
    List<String> lines(String from);
}
