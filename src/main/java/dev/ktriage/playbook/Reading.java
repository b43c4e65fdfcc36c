package dev.ktriage.playbook;

import dev.ktriage.spi.Extracted;

/** How one extract reads its value out of a step's answer (or out of a variable's text). */
public interface Reading {

    /** What a reading may look at: the answer's text and code, and the variables so far. */
    interface Answer {
        String text();

        int code();

        Object variable(String name);
    }

    /** The value, or an {@link dev.ktriage.playbook.lang.Absent} one with the reason nothing was found. */
    Extracted read(Answer answer);
}
