package dev.xlat64.bench.report;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonTest
{
    @Test
    void shouldParseNestedValuesKeepingKeyOrder()
    {
        final Object value = Json.parse(" { \"b\" : [1, -2.5e3, true, false, null], \"a\" : {} , \"c\": [] } ");

        final Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("b", Arrays.asList(1.0, -2500.0, true, false, null));
        expected.put("a", Map.of());
        expected.put("c", List.of());
        assertEquals(expected, value);
        assertEquals(List.of("b", "a", "c"), List.copyOf(((Map<?, ?>)value).keySet()));
    }

    @Test
    void shouldDecodeStringEscapes()
    {
        assertEquals("q\"b\\s/\b\f\n\r\t±", Json.parse("\"q\\\"b\\\\s\\/\\b\\f\\n\\r\\t\\u00b1\""));
    }

    @Test
    void shouldNameThePositionOfMalformedInput()
    {
        assertEquals("JSON: expected ',' or ']' in an array at character 3",
            assertThrows(IllegalArgumentException.class, () -> Json.parse("[1 2]")).getMessage());
        assertEquals("JSON: unexpected end of input, expected a value at character 5",
            assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":")).getMessage());
        assertEquals("JSON: unexpected text after the JSON value at character 3",
            assertThrows(IllegalArgumentException.class, () -> Json.parse("{} x")).getMessage());
        assertEquals("JSON: unknown escape '\\x' at character 2",
            assertThrows(IllegalArgumentException.class, () -> Json.parse("\"\\x\"")).getMessage());
        assertEquals("JSON: unexpected character 'N' at character 0",
            assertThrows(IllegalArgumentException.class, () -> Json.parse("NaN")).getMessage());
    }
}
