package dev.loadtest.internal.config;

import java.util.BitSet;

/** A set of HTTP statuses, parsed from {@code "200-399"} or {@code "200-299,404"}. */
public final class StatusSet {

    private final BitSet statuses;
    private final String text;

    private StatusSet(BitSet statuses, String text) {
        this.statuses = statuses;
        this.text = text;
    }

    public static StatusSet parse(String text, String where) {
        BitSet set = new BitSet(600);
        for (String part : text.split(",")) {
            String p = part.strip();
            try {
                int dash = p.indexOf('-');
                int from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).strip());
                int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1).strip());
                if (from < 100 || to > 599 || from > to) {
                    throw new NumberFormatException();
                }
                set.set(from, to + 1);
            } catch (NumberFormatException e) {
                throw new ConfigurationException("@LoadTest", "expectedStatuses", text, where,
                        "statuses from 100 to 599 and ranges, comma-separated, e.g. 200-399 or 200-299,404");
            }
        }
        return new StatusSet(set, text);
    }

    public boolean contains(int status) {
        return status >= 0 && statuses.get(status);
    }

    @Override
    public String toString() {
        return text;
    }
}
