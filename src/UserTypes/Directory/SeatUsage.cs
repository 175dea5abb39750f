namespace UserTypes;

/// <summary>The seats a workspace uses and the limits its licence sets (<see langword="null"/> is unlimited).</summary>
/// <param name="InternalUsers">Enabled internal accounts.</param>
/// <param name="ExternalUsers">Enabled external accounts.</param>
/// <param name="MaxInternalUsers">The licence's internal limit.</param>
/// <param name="MaxExternalUsers">The licence's external limit.</param>
public sealed record SeatUsage(int InternalUsers, int ExternalUsers, int? MaxInternalUsers, int? MaxExternalUsers);
