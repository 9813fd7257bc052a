package org.eclipsesol.desk.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * Reads an authorization matrix written as a text table: a header row naming {@link Persona}s, then one row
 * per endpoint with the expected status for each persona. Yields (endpoint, persona, status) arguments.
 */
public final class Matrix {

    private Matrix() {
    }

    public static <E> Stream<Arguments> parse(String table, Function<String, E> endpoint) {
        List<String> lines = table.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
        String[] header = lines.get(0).split("\\s+");
        List<Arguments> cases = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\\s+");
            if (cells.length != header.length) {
                throw new IllegalArgumentException("Row has " + cells.length + " cells, header " + header.length + ": " + line);
            }
            for (int i = 1; i < cells.length; i++) {
                cases.add(Arguments.of(endpoint.apply(cells[0]), Persona.valueOf(header[i]), Integer.parseInt(cells[i])));
            }
        }
        return cases.stream();
    }
}
