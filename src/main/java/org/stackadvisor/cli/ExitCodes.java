package org.stackadvisor.cli;

/** The exit codes of every command; they are part of the command line's contract. */
final class ExitCodes {
    static final int OK = 0;
    static final int DIFFERS = 1;
    static final int USAGE = 2;
    static final int INVALID_FACTS = 3;
    static final int INVALID_RULES = 4;
    static final int INTERNAL = 70;
    static final int CANNOT_WRITE = 74;

    static final String LIST_OK = "0:done: decided, reproduced, verified or passed";
    static final String LIST_DIFFERS = "1:a check failed: a replay differs, a log or a scenario fails, a decision record is stale";
    static final String LIST_USAGE = "2:usage error: unknown command or option, missing argument";
    static final String LIST_INVALID_FACTS = "3:invalid facts or unreadable input file";
    static final String LIST_INVALID_RULES = "4:invalid rule base: it does not load, compile or settle (the firing limit), or a rule fails";
    static final String LIST_CANNOT_WRITE = "74:an output cannot be written (the audit log, the report page or the decision record), so none was given";
    static final String LIST_INTERNAL = "70:internal error (a bug: please report it)";

    private ExitCodes() {
    }
}
