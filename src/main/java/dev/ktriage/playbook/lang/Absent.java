package dev.ktriage.playbook.lang;

/**
 * The value of a variable that has none, with why: its step's gather failed or answered with an
 * error, its extract found nothing, its expression failed. Stored in the session's variables in
 * place of a value, so that using it is an error naming the reason.
 */
public record Absent(String reason) {
}
