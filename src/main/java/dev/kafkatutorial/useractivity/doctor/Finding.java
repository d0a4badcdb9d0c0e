package dev.kafkatutorial.useractivity.doctor;

/** One check's result: what was checked, its verdict, and the line that says what it means and what to do. */
public record Finding(String check, Verdict verdict, String line) {

    /** ok: nothing to do; warning: works, but may surprise (lose data, idle members); problem: will not work. */
    public enum Verdict { ok, warning, problem }

    static Finding ok(String check, String line) {
        return new Finding(check, Verdict.ok, line);
    }

    static Finding warning(String check, String line) {
        return new Finding(check, Verdict.warning, line);
    }

    static Finding problem(String check, String line) {
        return new Finding(check, Verdict.problem, line);
    }
}
