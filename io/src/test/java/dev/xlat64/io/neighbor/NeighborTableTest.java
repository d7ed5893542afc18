package dev.xlat64.io.neighbor;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class NeighborTableTest
{
    @Test
    void shouldMatchAHashMapThroughRandomInsertsAndRemovals()
    {
        final NeighborTable table = new NeighborTable(64);
        final Map<Long, Long> model = new HashMap<>();
        final Random random = new Random(42);
        for (int step = 0; step < 200_000; step++)
        {
            final long key = random.nextInt(80);
            final int family = key % 2 == 0 ? NeighborTable.IPV4 : NeighborTable.IPV6;
            final long high = family == NeighborTable.IPV6 ? 0x2001_0db8_0000_0000L : 0;
            final int slot = table.find(family, high, key);
            assertEquals(model.containsKey(key), slot >= 0, "step " + step + " key " + key);
            if (slot >= 0)
            {
                assertEquals(model.get(key), table.mac(slot));
                if (random.nextBoolean())
                {
                    table.remove(slot);
                    model.remove(key);
                }
            }
            else
            {
                final int inserted = table.insert(family, high, key);
                if (model.size() >= 48)
                {
                    assertEquals(-1, inserted, "three quarters of 64 is the limit");
                }
                else
                {
                    final long mac = random.nextLong() & 0xFFFF_FFFF_FFFFL;
                    table.mac(inserted, mac);
                    model.put(key, mac);
                }
            }
            assertEquals(model.size(), table.size());
        }
    }

    @Test
    void shouldRejectCapacityThatIsNotAPowerOfTwo()
    {
        assertEquals("capacity 12: expected a power of two >= 2",
            assertThrows(IllegalArgumentException.class, () -> new NeighborTable(12)).getMessage());
    }
}
