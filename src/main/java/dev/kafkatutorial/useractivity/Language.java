package dev.kafkatutorial.useractivity;

/** The language of the printed lines: the tutorial's Korean by default, or a faithful English. */
public enum Language {
    ko,
    en
}
