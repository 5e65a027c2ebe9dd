package org.stackadvisor.cli;

/** Makes text from facts safe for a terminal: control characters (escape sequences) are shown, not sent. */
final class Text {
    private Text() {
    }

    static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if ((Character.isISOControl(codePoint) && codePoint != '\n') || Character.getType(codePoint) == Character.FORMAT) {
                safe.append(String.format("\\u%04x", codePoint));
            } else {
                safe.appendCodePoint(codePoint);
            }
        });
        return safe.toString();
    }
}
