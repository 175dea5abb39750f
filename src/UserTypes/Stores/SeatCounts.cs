namespace UserTypes.Stores;

/// <summary>Enabled internal and external accounts of a workspace, as a store counts them.</summary>
/// <param name="Internal">Enabled internal accounts.</param>
/// <param name="External">Enabled external accounts.</param>
public readonly record struct SeatCounts(int Internal, int External);
