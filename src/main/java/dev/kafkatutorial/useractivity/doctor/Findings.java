package dev.kafkatutorial.useractivity.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The doctor's findings in order; each is handed on (printed) as soon as it is found. */
final class Findings {

    private final List<Finding> all = new ArrayList<>();
    private final Consumer<Finding> onEach;

    Findings(Consumer<Finding> onEach) {
        this.onEach = onEach;
    }

    void add(Finding finding) {
        all.add(finding);
        onEach.accept(finding);
    }

    /** Kept for the JSON document, not handed on: a failure the caller prints itself. */
    void record(Finding finding) {
        all.add(finding);
    }

    List<Finding> all() {
        return all;
    }

    boolean anyProblem() {
        return all.stream().anyMatch(f -> f.verdict() == Finding.Verdict.problem);
    }
}
