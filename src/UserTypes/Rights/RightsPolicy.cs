using System.Collections.Frozen;
using Microsoft.Extensions.Options;

namespace UserTypes;

/// <summary>Each user type's defaults and ceiling, compiled once from <see cref="RightsOptions"/>.</summary>
internal sealed class RightsPolicy
{
    private readonly FrozenDictionary<UserType, (RightsGrant Defaults, RightsCeiling Ceiling)> _types;

    public RightsPolicy(IOptions<UserTypesOptions> options)
        : this(options.Value.Rights)
    {
    }

    public RightsPolicy(RightsOptions options)
    {
        var internalOnly = options.InternalOnlyFunctionalRights
            .Append(FunctionalRights.CreateExternalUsers)
            .Append(FunctionalRights.ManageRights)
            .ToFrozenSet(RightNames.Comparer);
        (RightsGrant, RightsCeiling) Compile(UserTypeRightsOptions type, FrozenSet<string> forbidden) =>
            (RightsAlgebra.Normalize(type.Defaults), new RightsCeiling(type.DataRightsCeiling, type.MayHoldFunctionalRights, forbidden));
        _types = new Dictionary<UserType, (RightsGrant, RightsCeiling)>
        {
            [UserType.Internal] = Compile(options.Internal, FrozenSet<string>.Empty),
            [UserType.External] = Compile(options.External, internalOnly),
            [UserType.Anonymous] = Compile(options.Anonymous, internalOnly),
        }.ToFrozenDictionary();
    }

    /// <summary>The most a user type can hold.</summary>
    /// <param name="type">The user type.</param>
    /// <returns>The ceiling.</returns>
    public RightsCeiling CeilingOf(UserType type) => _types[type].Ceiling;

    /// <summary>What an account of <paramref name="type"/> with <paramref name="grant"/> may do.</summary>
    /// <param name="type">The account's user type.</param>
    /// <param name="grant">The account's grant.</param>
    /// <returns>Defaults plus grant, cut to the ceiling.</returns>
    public EffectiveRights Evaluate(UserType type, RightsGrant grant)
    {
        var (defaults, ceiling) = _types[type];
        return new EffectiveRights(RightsAlgebra.Cut(RightsAlgebra.Union(defaults, grant), ceiling));
    }

    /// <summary>An account signed in, with the rights of its own type and grant (every sign-in but the implicit anonymous one).</summary>
    /// <param name="account">The account.</param>
    /// <param name="provenByCredentials">Whether a login proved the credentials just now (<see cref="AuthenticatedUser.ProvenByCredentials"/>).</param>
    /// <param name="apiKeyId">The API key the call was made with, if any.</param>
    /// <returns>The user.</returns>
    public AuthenticatedUser UserOf(UserAccount account, bool provenByCredentials = false, string? apiKeyId = null) =>
        new(account, Evaluate(account.UserType, account.Rights), isImplicitAnonymous: false) { ProvenByCredentials = provenByCredentials, ApiKeyId = apiKeyId };

    /// <summary>
    /// The account with <see cref="StoredUser.IsAdministrator"/> decided from its type and rights. Decided on every write,
    /// so that a store can keep the workspace's last enabled administrator without knowing the rights policy.
    /// </summary>
    /// <param name="user">The account as it is to be written.</param>
    /// <returns>The account, administrator or not.</returns>
    public StoredUser WithAdministrator(StoredUser user) => user with
    {
        IsAdministrator = Evaluate(user.Account.UserType, user.Account.Rights).Has(FunctionalRights.ManageRights),
    };

    /// <summary>Throws unless <paramref name="grant"/> is within the ceiling of <paramref name="type"/>.</summary>
    /// <param name="type">The user type of the account receiving the grant.</param>
    /// <param name="grant">The account's whole grant after the change.</param>
    /// <exception cref="RightsCeilingExceededException">The grant exceeds the ceiling.</exception>
    public void ThrowIfAboveCeiling(UserType type, RightsGrant grant)
    {
        if (RightsAlgebra.DescribeExcess(grant, _types[type].Ceiling) is { } excess)
        {
            throw new RightsCeilingExceededException(type, excess);
        }
    }
}
