package io.morsel.authoring;

/** One sentence of a transcript, with when it is said (milliseconds into the recording). */
public record SpokenSentence(String text, long startMillis, long endMillis) {
}
