package dev.xlat64.core.rfc7915;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MtuPlateausTest
{
    @Test
    void shouldPickGreatestPlateauBelowTotalLength()
    {
        assertEquals(1492, MtuPlateaus.RFC1191.plateauBelow(1500));
        assertEquals(1006, MtuPlateaus.RFC1191.plateauBelow(1492));
        assertEquals(32000, MtuPlateaus.RFC1191.plateauBelow(65535));
        assertEquals(68, MtuPlateaus.RFC1191.plateauBelow(100));
        assertEquals(68, MtuPlateaus.RFC1191.plateauBelow(40));
    }

    @Test
    void shouldSortAndDeduplicateConfiguredPlateaus()
    {
        final MtuPlateaus plateaus = new MtuPlateaus(new int[]{1280, 9000, 1500, 1280});
        assertArrayEquals(new int[]{9000, 1500, 1280}, plateaus.values());
        assertEquals(1280, plateaus.plateauBelow(1500));
    }

    @Test
    void shouldRejectOutOfRangePlateau()
    {
        assertThrows(IllegalArgumentException.class, () -> new MtuPlateaus(new int[]{67}));
        assertThrows(IllegalArgumentException.class, () -> new MtuPlateaus(new int[0]));
    }
}
