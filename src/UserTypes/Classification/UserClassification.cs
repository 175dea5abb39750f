namespace UserTypes;

/// <summary>The outcome of classifying one e-mail address in one workspace.</summary>
/// <param name="UserType"><see cref="UserTypes.UserType.Internal"/> or <see cref="UserTypes.UserType.External"/>.</param>
/// <param name="Reason">Which rule decided it.</param>
/// <param name="MatchedDomain">
/// The canonical (lower-case ASCII) collaborator or signup domain that matched; <see langword="null"/> for
/// <see cref="ClassificationReason.NoMatch"/>.
/// </param>
public readonly record struct UserClassification(UserType UserType, ClassificationReason Reason, string? MatchedDomain);
