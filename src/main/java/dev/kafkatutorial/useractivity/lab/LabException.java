package dev.kafkatutorial.useractivity.lab;

/** The lab cannot go on; its message is the one line to print (already in the reader's language). */
final class LabException extends Exception {

    LabException(String line) {
        super(line);
    }
}
