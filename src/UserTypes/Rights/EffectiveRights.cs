using System.Collections.Frozen;

namespace UserTypes;

/// <summary>
/// What an authenticated user may do: their user type's defaults plus their grant, cut to the type's ceiling.
/// Computed once per login; every question is answered from frozen tables without allocating.
/// </summary>
public sealed class EffectiveRights
{
    private readonly FrozenSet<string> _functional;

    // Each entity's entry already includes the rights on "*", so one lookup answers.
    private readonly FrozenDictionary<string, DataRights> _data;
    private readonly DataRights _everyEntity;

    internal EffectiveRights(RightsGrant grant)
    {
        _functional = grant.FunctionalRights.ToFrozenSet(RightNames.Comparer);
        _everyEntity = grant.DataRights.GetValueOrDefault(RightNames.EveryEntity);
        _data = grant.DataRights.ToFrozenDictionary(entry => entry.Key, entry => entry.Value | _everyEntity, RightNames.Comparer);
        Grant = grant;
    }

    /// <summary>
    /// Rebuilds the rights of a principal made by <see cref="AuthenticatedUser.ToClaimsPrincipal"/>, without a store
    /// round trip. Claims that cannot be read grant nothing, and only the identity <see cref="AuthenticatedUser.FromPrincipal"/>
    /// reads counts, with only the claims UserTypes issued: a principal from elsewhere has no rights, whatever claim
    /// types it uses.
    /// </summary>
    /// <param name="principal">The principal.</param>
    /// <returns>The rights its claims carry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="principal"/> is <see langword="null"/>.</exception>
    public static EffectiveRights FromPrincipal(System.Security.Claims.ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return AuthenticatedUser.IssuedIdentity(principal) is { } identity ? FromIdentity(identity) : new EffectiveRights(RightsGrant.Empty);
    }

    /// <summary>The rights the claims of an identity UserTypes issued carry (see <see cref="AuthenticatedUser.IssuedIdentity"/>).</summary>
    internal static EffectiveRights FromIdentity(System.Security.Claims.ClaimsIdentity identity)
    {
        var data = new Dictionary<string, DataRights>(RightNames.Comparer);
        foreach (var claim in identity.FindAll(UserTypesClaimTypes.DataRights))
        {
            var separator = claim.Value.LastIndexOf('=');
            if (separator > 0
                && int.TryParse(claim.Value.AsSpan(separator + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bits)
                && (bits & ~(int)DataRights.All) == 0)
            {
                data[claim.Value[..separator]] = (DataRights)bits;
            }
        }

        return new EffectiveRights(new RightsGrant
        {
            FunctionalRights = identity.FindAll(UserTypesClaimTypes.FunctionalRight).Select(claim => claim.Value).ToFrozenSet(RightNames.Comparer),
            DataRights = data,
        });
    }

    /// <summary>
    /// What the rights are made of, for display: the functional rights held and the data rights named per entity
    /// (or <c>*</c>). Ask <see cref="Allows"/> and <see cref="For"/>, which add the rights on <c>*</c>, to decide.
    /// </summary>
    public RightsGrant Grant { get; }

    /// <summary>Whether the user holds a functional right. Names compare case-insensitively.</summary>
    /// <param name="functionalRight">The functional right, such as <see cref="FunctionalRights.CreateExternalUsers"/>.</param>
    /// <returns>Whether it is held.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="functionalRight"/> is <see langword="null"/>.</exception>
    public bool Has(string functionalRight)
    {
        ArgumentNullException.ThrowIfNull(functionalRight);
        return _functional.Contains(functionalRight);
    }

    /// <summary>Whether the user may do everything in <paramref name="rights"/> with records of <paramref name="entity"/>.</summary>
    /// <param name="entity">The entity name, such as <c>contact</c>. Compared case-insensitively.</param>
    /// <param name="rights">The rights needed; every bit must be allowed.</param>
    /// <returns>Whether every requested right is allowed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entity"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rights"/> asks for nothing (<see cref="DataRights.None"/>).</exception>
    public bool Allows(string entity, DataRights rights)
    {
        if (rights == DataRights.None)
        {
            // Asking for nothing would always be allowed, which is never what a guard means.
            throw new ArgumentOutOfRangeException(nameof(rights), rights, "Ask for at least one data right.");
        }

        return (For(entity) & rights) == rights;
    }

    /// <summary>The data rights the user has on <paramref name="entity"/>: its own entry and <c>*</c>'s together.</summary>
    /// <param name="entity">The entity name; compared case-insensitively.</param>
    /// <returns>The data rights.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entity"/> is <see langword="null"/>.</exception>
    public DataRights For(string entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return _data.TryGetValue(entity, out var rights) ? rights : _everyEntity;
    }
}
