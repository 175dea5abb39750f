namespace UserTypes.Stores;

/// <summary>
/// The seat rule, in one place for every store: a write is refused only when it makes an account take a seat it did
/// not hold before and the seats of that type in use already reach the limit. Disabling, re-typing to a type with
/// room, or changing an account that keeps its seat is always admitted, so a workspace left over its limit (by a
/// reclassification or a lowered licence) can still be brought back under it.
/// </summary>
public static class SeatGate
{
    /// <summary>Whether writing <paramref name="next"/> over <paramref name="previous"/> is within the seat limit.</summary>
    /// <param name="inUse">The seats in use now, read in the same atomic operation as the write.</param>
    /// <param name="previous">The account's state before the write, or <see langword="null"/> for a new account.</param>
    /// <param name="next">The account's state after the write.</param>
    /// <param name="seatLimit">The limit for <paramref name="next"/>'s seat type; <see langword="null"/> is unlimited.</param>
    /// <returns>Whether the write may land.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="next"/> is <see langword="null"/>.</exception>
    public static bool Admits(SeatCounts inUse, UserAccount? previous, UserAccount next, int? seatLimit)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (next.Seat is not { } seat || seat == previous?.Seat || seatLimit is not { } limit)
        {
            return true;
        }

        return (seat == UserType.Internal ? inUse.Internal : inUse.External) < limit;
    }
}
