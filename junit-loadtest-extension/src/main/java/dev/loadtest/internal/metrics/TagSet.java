package dev.loadtest.internal.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** An immutable set of tags, sorted by key, cheap to compare. */
public final class TagSet {

    public static final TagSet EMPTY = new TagSet(new String[0], new String[0]);

    private final String[] keys;
    private final String[] values;
    private final int hash;

    private TagSet(String[] keys, String[] values) {
        this.keys = keys;
        this.values = values;
        this.hash = 31 * Arrays.hashCode(keys) + Arrays.hashCode(values);
    }

    /** Tags from alternating keys and values; a null value leaves the tag out. */
    public static TagSet of(String... keysAndValues) {
        TreeMap<String, String> sorted = new TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                sorted.put(keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return of(sorted);
    }

    public static TagSet of(Map<String, String> tags) {
        TreeMap<String, String> sorted = new TreeMap<>(tags);
        return new TagSet(sorted.keySet().toArray(String[]::new), sorted.values().toArray(String[]::new));
    }

    public TagSet with(String key, String value) {
        Map<String, String> map = new TreeMap<>(asMap());
        map.put(key, value);
        return of(map);
    }

    public String get(String key) {
        int i = Arrays.binarySearch(keys, key);
        return i >= 0 ? values[i] : null;
    }

    /** Whether every tag of {@code filter} is present here with the same value. */
    public boolean matches(Map<String, String> filter) {
        for (Map.Entry<String, String> e : filter.entrySet()) {
            if (!e.getValue().equals(get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            map.put(keys[i], values[i]);
        }
        return map;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TagSet t && hash == t.hash && Arrays.equals(keys, t.keys)
                && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
