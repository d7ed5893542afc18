package dev.xlat64.core.counters;

/**
 * The areas that own counters, and the one table of which Agrona counter type ids each owns. The counters file
 * is read by another process ({@code xlat64 stats}, the Prometheus endpoint), so a type id, once given, never
 * changes meaning: entries are appended inside their area's range, never renumbered.
 *
 * <table>
 * <caption>Type id ranges</caption>
 * <tr><th>scope</th><th>type ids</th><th>descriptor enum</th><th>labelled with</th></tr>
 * <tr><td>{@code socket}</td><td>300-399</td><td>{@code io.afpacket.PacketSocketCounter}</td><td>{@code port}</td></tr>
 * <tr><td>{@code neighbor}</td><td>400-499</td><td>{@code io.neighbor.NeighborCounter}</td><td>{@code port}</td></tr>
 * <tr><td>{@code translator}</td><td>900-999</td><td>{@link TranslatorOutcome}</td><td>{@code agent}</td></tr>
 * <tr><td>{@code translator}</td><td>1000-1999</td><td>{@link DropReason}</td><td>{@code agent}</td></tr>
 * <tr><td>{@code pipeline}</td><td>2000-2099</td><td>{@link PipelineCounter}</td>
 *     <td>{@code agent}, {@code port}, {@code family}</td></tr>
 * <tr><td>{@code dns64}</td><td>6400-6499</td><td>{@code dns.Dns64Counter}</td><td>{@code agent}</td></tr>
 * <tr><td>{@code dns64-gateway}</td><td>6500-6599</td><td>{@code dns.colocated.ColocatedDnsCounter}</td>
 *     <td>(none)</td></tr>
 * </table>
 * Readers never derive anything from these ranges: they look the descriptor up by its type id and read the
 * scope and keys from the label ({@link CounterLabel}). The ranges only keep the areas from colliding, and a
 * test checks every descriptor lies in its scope's range.
 */
public enum CounterScope
{
    SOCKET("socket", 300, 399),
    NEIGHBOR("neighbor", 400, 499),
    TRANSLATOR("translator", 900, 1999),
    PIPELINE("pipeline", 2000, 2099),
    DNS64("dns64", 6400, 6499),
    DNS64_GATEWAY("dns64-gateway", 6500, 6599);

    private final String scopeName;
    private final int firstTypeId;
    private final int lastTypeId;

    CounterScope(final String scopeName, final int firstTypeId, final int lastTypeId)
    {
        this.scopeName = scopeName;
        this.firstTypeId = firstTypeId;
        this.lastTypeId = lastTypeId;
    }

    /**
     * @return the first word of every label of this scope, e.g. {@code pipeline}.
     */
    public String scopeName()
    {
        return scopeName;
    }

    /**
     * @return the lowest type id this scope may use.
     */
    public int firstTypeId()
    {
        return firstTypeId;
    }

    /**
     * @return the highest type id this scope may use.
     */
    public int lastTypeId()
    {
        return lastTypeId;
    }

    /**
     * @return true when {@code typeId} lies in this scope's range.
     */
    public boolean owns(final int typeId)
    {
        return typeId >= firstTypeId && typeId <= lastTypeId;
    }
}
