package io.morsel.authoring;

/**
 * A stretch of speech: the line of the transcript it starts on, its start and end in milliseconds into the recording
 * (estimated from the words where the transcript has no times), and its words as plain text.
 */
record TranscriptCue(int line, long startMillis, long endMillis, String text) {
}
